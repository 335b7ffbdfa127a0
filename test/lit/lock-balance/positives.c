// RUN: not %ctxlint --checks=-*,ctxlint-lock-balance %s -- %kflags | FileCheck %s --implicit-check-not=warning:
#include <linux/spinlock.h>
#include <linux/mutex.h>

struct dev {
	spinlock_t lock;
	struct mutex m;
	rwlock_t rw;
	int err;
};

int leak_on_error_path(struct dev *d)
{
	mutex_lock(&d->m);
	if (d->err)
		// CHECK: positives.c:[[@LINE+1]]:3: warning: mutex 'd->m' is still held at this return, but other paths release it [ctxlint-lock-balance]
		return -5;
	// CHECK: positives.c:[[@LINE-4]]:2: note: mutex 'd->m' acquired here by mutex_lock()
	mutex_unlock(&d->m);
	return 0;
}

void leak_falls_off_end(struct dev *d, int fast)
{
	spin_lock(&d->lock);
	if (fast) {
		spin_unlock(&d->lock);
		return;
	}
	d->err = 0;
// CHECK: positives.c:[[@LINE+1]]:1: warning: spinlock 'd->lock' is still held at this return
}

void double_unlock(struct dev *d)
{
	spin_lock(&d->lock);
	spin_unlock(&d->lock);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_unlock() releases 'd->lock', which is not held on this path: it was already released
	spin_unlock(&d->lock);
}

int unlock_after_failed_trylock(struct dev *d)
{
	int ok = mutex_trylock(&d->m);

	d->err = 1;
	// CHECK: positives.c:[[@LINE+1]]:2: warning: mutex_unlock() releases 'd->m', which is not held on this path: the attempt to take it failed
	mutex_unlock(&d->m);
	return ok;
}

void bh_then_plain_unlock(struct dev *d)
{
	spin_lock_bh(&d->lock);
	d->err = 2;
	// CHECK: positives.c:[[@LINE+1]]:2: warning: this unlock does not match spin_lock_bh(): bottom halves stay disabled after it, up to the return
	spin_unlock(&d->lock);
}

void read_locked_write_unlocked(struct dev *d)
{
	read_lock(&d->rw);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: write_unlock() does not match read_lock(): the lock was taken for reading and is released as a writer
	write_unlock(&d->rw);
}

void irq_unlock_of_plain_lock(struct dev *d)
{
	spin_lock(&d->lock);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_unlock_irq() does not match spin_lock(): it enables interrupts that were not disabled here
	spin_unlock_irq(&d->lock);
}

int interruptible_failure_unlocks(struct dev *d)
{
	if (mutex_lock_interruptible(&d->m)) {
		// CHECK: positives.c:[[@LINE+1]]:3: warning: mutex_unlock() releases 'd->m', which is not held on this path: the attempt to take it failed
		mutex_unlock(&d->m);
		return -4;
	}
	mutex_unlock(&d->m);
	return 0;
}

void rcu_leak(struct dev *d)
{
	rcu_read_lock();
	if (d->err)
		// CHECK: positives.c:[[@LINE+1]]:3: warning: the RCU read-side critical section is still open at this return, but other paths close it
		return;
	rcu_read_unlock();
}
