// RUN: not %ctxlint --checks=-*,ctxlint-unchecked-wait-return %s -- %kflags | FileCheck %s --implicit-check-not=warning:
#include <linux/wait.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/completion.h>
#include <linux/uaccess.h>

struct dev {
	wait_queue_head_t wq;
	int ready;
	struct mutex lock;
	struct semaphore sem;
	struct completion done;
	char buf[16];
};

int discarded_wait(struct dev *d, char *ubuf)
{
	// CHECK: basic.c:[[@LINE+1]]:2: warning: the result of wait_event_interruptible() is ignored: returns -ERESTARTSYS when a signal interrupts the wait; the condition may still be false [ctxlint-unchecked-wait-return]
	wait_event_interruptible(d->wq, d->ready);
	return copy_to_user(ubuf, d->buf, 16) ? -1 : 0;
}

void discarded_mutex(struct dev *d)
{
	// CHECK: basic.c:[[@LINE+1]]:2: warning: the result of mutex_lock_interruptible() is ignored: returns -EINTR without taking the mutex
	mutex_lock_interruptible(&d->lock);
	d->ready = 0;
	mutex_unlock(&d->lock);
}

void discarded_down(struct dev *d)
{
	// CHECK: basic.c:[[@LINE+1]]:2: warning: the result of down_interruptible() is ignored
	down_interruptible(&d->sem);
	up(&d->sem);
}

void discarded_killable_and_completion(struct dev *d)
{
	// CHECK: basic.c:[[@LINE+1]]:2: warning: the result of wait_event_killable() is ignored
	wait_event_killable(d->wq, d->ready);
	// CHECK: basic.c:[[@LINE+1]]:2: warning: the result of wait_for_completion_interruptible() is ignored
	wait_for_completion_interruptible(&d->done);
	// CHECK: basic.c:[[@LINE+1]]:2: warning: the result of wait_for_completion_killable_timeout() is ignored
	wait_for_completion_killable_timeout(&d->done, 100);
	// CHECK: basic.c:[[@LINE+1]]:2: warning: the result of mutex_lock_killable() is ignored
	mutex_lock_killable(&d->lock);
	// CHECK: basic.c:[[@LINE+1]]:2: warning: the result of down_killable() is ignored
	down_killable(&d->sem);
	// CHECK: basic.c:[[@LINE+1]]:2: warning: the result of wait_event_interruptible_timeout() is ignored
	wait_event_interruptible_timeout(d->wq, d->ready, 100);
	// CHECK: basic.c:[[@LINE+1]]:2: warning: the result of wait_event_interruptible_exclusive() is ignored
	wait_event_interruptible_exclusive(d->wq, d->ready);
}

int stored_then_overwritten(struct dev *d)
{
	int ret;

	// CHECK: basic.c:[[@LINE+1]]:8: warning: the result of wait_event_interruptible() is stored in 'ret' but never checked
	ret = wait_event_interruptible(d->wq, d->ready);
	// CHECK: basic.c:[[@LINE-1]]:2: note: value stored here is overwritten or goes out of scope before any test
	ret = d->ready;
	return ret;
}

void stored_in_declaration_unused(struct dev *d)
{
	// CHECK: basic.c:[[@LINE+1]]:12: warning: the result of mutex_lock_interruptible() is stored in 'err' but never checked
	int err = mutex_lock_interruptible(&d->lock);

	d->ready = 1;
	mutex_unlock(&d->lock);
}

void in_loop_body_braces(struct dev *d)
{
	for (int i = 0; i < 3; i++) {
		// CHECK: basic.c:[[@LINE+1]]:3: warning: the result of wait_event_interruptible_locked() is ignored
		wait_event_interruptible_locked(d->wq, d->ready);
	}
}
