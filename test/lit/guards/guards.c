// guard() and scoped_guard() (Linux 6.5+) hold their lock to the end of
// the scope; the engine follows the cleanup attribute.
// RUN: not %ctxlint %s -- %kflags | FileCheck %s --implicit-check-not=warning:
#include <linux/cleanup.h>
#include <linux/delay.h>
#include <linux/slab.h>

struct dev { spinlock_t lock; struct mutex m; int n; };

void sleeps_under_guard(struct dev *d)
{
	guard(spinlock_irqsave)(&d->lock);
	d->n++;
	// CHECK: guards.c:[[@LINE+1]]:2: warning: msleep() may sleep, but it is called while spinlock 'd->lock' is held [ctxlint-sleep-in-atomic]
	msleep(1);
	// CHECK: guards.c:[[@LINE-4]]:2: note: spinlock 'd->lock' acquired here by guard(spinlock_irqsave)
}

void sleeps_after_scoped_guard(struct dev *d)
{
	scoped_guard(spinlock, &d->lock) {
		d->n++;
		// CHECK: guards.c:[[@LINE+1]]:13: warning: kmalloc() may sleep
		void *p = kmalloc(8, GFP_KERNEL);
		kfree(p);
	}
	/* The guard's scope has ended: sleeping is fine here. */
	msleep(1);
}

int early_returns_are_fine(struct dev *d)
{
	guard(mutex)(&d->m);
	if (d->n)
		return -1;
	msleep(1); /* a mutex guard may sleep */
	return 0;
}

void double_lock_under_guard(struct dev *d)
{
	guard(spinlock)(&d->lock);
	// CHECK: guards.c:[[@LINE+1]]:2: warning: spin_lock() acquires 'd->lock', which is already held on this path
	spin_lock(&d->lock);
	spin_unlock(&d->lock);
}
