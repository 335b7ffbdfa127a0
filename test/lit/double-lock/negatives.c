// RUN: %ctxlint --checks=-*,ctxlint-double-lock --quiet %s -- %kflags | FileCheck %s --allow-empty
// CHECK-NOT: warning
#include <linux/spinlock.h>
#include <linux/mutex.h>

struct dev {
	spinlock_t lock;
	struct mutex m;
	rwlock_t rw;
	int state;
};

void two_instances(struct dev *a, struct dev *b)
{
	/* Same class, different instances: an ordering question, not a self-deadlock. */
	spin_lock(&a->lock);
	spin_lock(&b->lock);
	spin_unlock(&b->lock);
	spin_unlock(&a->lock);
}

void nested_readers(struct dev *d)
{
	read_lock(&d->rw);
	read_lock(&d->rw);
	read_unlock(&d->rw);
	read_unlock(&d->rw);
}

void trylock_while_held(struct dev *d)
{
	spin_lock(&d->lock);
	if (spin_trylock(&d->lock))
		spin_unlock(&d->lock);
	spin_unlock(&d->lock);
}

static void locked_update(struct dev *d)
{
	lockdep_assert_held(&d->m);
	d->state++;
}

void caller_holds_for_helper(struct dev *d)
{
	mutex_lock(&d->m);
	locked_update(d);
	mutex_unlock(&d->m);
}

void relock_after_unlock(struct dev *d)
{
	spin_lock(&d->lock);
	spin_unlock(&d->lock);
	spin_lock(&d->lock);
	spin_unlock(&d->lock);
}

void correlated_relock(struct dev *d, int held)
{
	if (!held)
		spin_lock(&d->lock);
	d->state = 0;
	if (!held)
		spin_unlock(&d->lock);
}
