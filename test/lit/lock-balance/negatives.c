// RUN: %ctxlint --checks=-*,ctxlint-lock-balance --quiet %s -- %kflags | FileCheck %s --allow-empty
// CHECK-NOT: warning
#include <linux/spinlock.h>
#include <linux/mutex.h>

struct dev {
	spinlock_t lock;
	struct mutex m;
	rwlock_t rw;
	int err;
};

/* A lock wrapper: returns with the lock held on every path. */
void dev_lock(struct dev *d)
{
	spin_lock(&d->lock);
}

void dev_unlock(struct dev *d)
{
	spin_unlock(&d->lock);
}

void uses_wrappers(struct dev *d)
{
	dev_lock(d);
	d->err = 0;
	dev_unlock(d);
}

/* Conditional-acquire API: the caller tests the result. */
int dev_lock_if_ready(struct dev *d)
{
	if (d->err)
		return -16;
	mutex_lock(&d->m);
	return 0;
}

void annotated_acquire(struct dev *d) __acquires(&d->lock)
{
	if (d->err)
		spin_lock(&d->lock);
	else
		spin_lock(&d->lock);
}

int goto_error_paths(struct dev *d)
{
	int ret = 0;

	mutex_lock(&d->m);
	if (d->err) {
		ret = -1;
		goto unlock;
	}
	spin_lock(&d->lock);
	if (d->err > 1) {
		ret = -2;
		goto unlock_spin;
	}
	d->err = 5;
unlock_spin:
	spin_unlock(&d->lock);
unlock:
	mutex_unlock(&d->m);
	return ret;
}

int trylock_paths(struct dev *d)
{
	if (!mutex_trylock(&d->m))
		return -11;
	d->err = 0;
	mutex_unlock(&d->m);
	return 0;
}

int interruptible_paths(struct dev *d)
{
	int ret = mutex_lock_interruptible(&d->m);

	if (ret)
		return ret;
	d->err = 0;
	mutex_unlock(&d->m);
	return 0;
}

void caller_holds(struct dev *d)
{
	lockdep_assert_held(&d->lock);
	spin_unlock(&d->lock);
	spin_lock(&d->lock);
}

void correlated(struct dev *d, int locked)
{
	if (!locked)
		mutex_lock(&d->m);
	d->err = 9;
	if (!locked)
		mutex_unlock(&d->m);
}

void readers(struct dev *d)
{
	read_lock(&d->rw);
	read_unlock(&d->rw);
	write_lock(&d->rw);
	write_unlock(&d->rw);
}

void bh_paired(struct dev *d)
{
	spin_lock_bh(&d->lock);
	spin_unlock_bh(&d->lock);
	local_bh_disable();
	spin_lock(&d->lock);
	spin_unlock(&d->lock);
	local_bh_enable();
}

void loop_lock(struct dev *d, int n)
{
	for (int i = 0; i < n; i++) {
		spin_lock(&d->lock);
		d->err += i;
		spin_unlock(&d->lock);
	}
}

int hw_semaphore_get(struct dev *d);
/* e1000_get_hw_semaphore_82574(): 0 = taken, an error = not taken. */
int get_semaphore_locked(struct dev *d)
{
	int ret;

	mutex_lock(&d->m);
	ret = hw_semaphore_get(d);
	if (ret)
		mutex_unlock(&d->m);
	return ret;
}

/* A flag remembers whether this path took the lock (ice_aq_send_cmd()). */
int flag_tracked(struct dev *d, int op)
{
	int locked = 0;

	switch (op) {
	case 1:
		break;
	default:
		mutex_lock(&d->m);
		locked = 1;
		break;
	}
	d->err = op;
	if (locked)
		mutex_unlock(&d->m);
	return 0;
}

int static_key_enabled(void *key);
extern int locking_key;
/* The same side-effect-free test guards lock and unlock (ice_run_xdp()). */
int same_condition_twice(struct dev *d)
{
	if (static_key_enabled(&locking_key))
		spin_lock(&d->lock);
	d->err = 0;
	if (static_key_enabled(&locking_key))
		spin_unlock(&d->lock);
	return d->err;
}

/* atmel_usba_udc: completion callbacks run with the caller's lock dropped. */
void giveback(struct dev *d);
static void request_complete(struct dev *d)
{
	spin_unlock(&d->lock);
	giveback(d);
	spin_lock(&d->lock);
}

void dequeue(struct dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	request_complete(d);
	spin_unlock_irqrestore(&d->lock, flags);
}
