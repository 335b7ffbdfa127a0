// RUN: %ctxlint --checks=-*,ctxlint-unchecked-wait-return --quiet %s -- %kflags | FileCheck %s --allow-empty
// CHECK-NOT: warning
#include <linux/wait.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/completion.h>

struct dev {
	wait_queue_head_t wq;
	int ready;
	int last_err;
	struct mutex lock;
	struct semaphore sem;
	struct completion done;
};

int checked_in_if(struct dev *d)
{
	if (wait_event_interruptible(d->wq, d->ready))
		return -ERESTARTSYS;
	return 0;
}

int propagated(struct dev *d)
{
	return mutex_lock_interruptible(&d->lock);
}

int stored_and_tested_later(struct dev *d)
{
	int ret;

	ret = wait_event_interruptible(d->wq, d->ready);
	d->ready = 0;
	if (ret)
		return ret;
	return 0;
}

int tested_on_one_path_only(struct dev *d, int verbose)
{
	int ret = down_interruptible(&d->sem);

	if (verbose)
		return ret;
	up(&d->sem);
	return 0;
}

void stored_in_field(struct dev *d)
{
	d->last_err = wait_for_completion_interruptible(&d->done);
}

void explicitly_voided(struct dev *d)
{
	/* A deliberate discard documents intent. */
	(void)wait_event_interruptible(d->wq, d->ready);
}

int loop_until_success(struct dev *d)
{
	while (mutex_lock_interruptible(&d->lock))
		;
	mutex_unlock(&d->lock);
	return 0;
}

long timeout_compared(struct dev *d)
{
	long left = wait_event_interruptible_timeout(d->wq, d->ready, 100);

	return left < 0 ? left : 0;
}

int passed_to_function(struct dev *d);
int consume(int err);
int passed(struct dev *d)
{
	return consume(wait_for_completion_killable(&d->done));
}

int not_interruptible(struct dev *d)
{
	/* Uninterruptible waits return nothing to check. */
	wait_event(d->wq, d->ready);
	mutex_lock(&d->lock);
	mutex_unlock(&d->lock);
	wait_for_completion(&d->done);
	down(&d->sem);
	return 0;
}

int ternary_use(struct dev *d)
{
	return down_killable(&d->sem) ? -EINTR : 0;
}
