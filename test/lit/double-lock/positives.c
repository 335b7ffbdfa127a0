// RUN: not %ctxlint --checks=-*,ctxlint-double-lock %s -- %kflags | FileCheck %s --implicit-check-not=warning:
#include <linux/spinlock.h>
#include <linux/mutex.h>

struct dev {
	spinlock_t lock;
	struct mutex m;
	rwlock_t rw;
	int state;
};

void direct(struct dev *d)
{
	spin_lock(&d->lock);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_lock() acquires 'd->lock', which is already held on this path: the CPU spins forever [ctxlint-double-lock]
	spin_lock(&d->lock);
	// CHECK: positives.c:[[@LINE-3]]:2: note: spinlock 'd->lock' acquired here by spin_lock()
	spin_unlock(&d->lock);
	spin_unlock(&d->lock);
}

static void update_state(struct dev *d, int s)
{
	mutex_lock(&d->m);
	d->state = s;
	mutex_unlock(&d->m);
}

void through_callee(struct dev *d)
{
	mutex_lock(&d->m);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: update_state() acquires 'd->m', which is already held on this path: the task deadlocks on itself
	update_state(d, 1);
	// CHECK: positives.c:[[@LINE-3]]:2: note: mutex 'd->m' acquired here by mutex_lock()
	// CHECK: positives.c:[[@LINE-2]]:2: note: calls update_state()
	// CHECK: positives.c:[[@LINE-12]]:2: note: acquires d->m with mutex_lock()
	mutex_unlock(&d->m);
}

void writer_after_reader(struct dev *d)
{
	read_lock(&d->rw);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: write_lock() acquires 'd->rw', which is already held on this path
	write_lock(&d->rw);
	write_unlock(&d->rw);
	read_unlock(&d->rw);
}

void on_one_branch(struct dev *d, int x)
{
	spin_lock_irq(&d->lock);
	if (x)
		// CHECK: positives.c:[[@LINE+1]]:3: warning: spin_lock() acquires 'd->lock', which is already held on this path
		spin_lock(&d->lock);
	spin_unlock_irq(&d->lock);
}
