// Correct kernel idioms that must stay quiet.
// RUN: %ctxlint --checks=-*,ctxlint-sleep-in-atomic --quiet %s -- %kflags | FileCheck %s --allow-empty
// CHECK-NOT: warning
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

struct dev {
	spinlock_t lock;
	struct mutex m;
	wait_queue_head_t wq;
	int ready;
	char buf[32];
	struct work_struct work;
};

void atomic_allocation_under_lock(struct dev *d)
{
	spin_lock(&d->lock);
	void *p = kmalloc(16, GFP_ATOMIC);
	void *q = kmalloc(16, GFP_NOWAIT);
	spin_unlock(&d->lock);
	kfree(p);
	kfree(q);
}

void lock_dropped_around_sleep(struct dev *d)
{
	spin_lock(&d->lock);
	d->ready = 0;
	spin_unlock(&d->lock);
	msleep(10);
	spin_lock(&d->lock);
	d->ready = 1;
	spin_unlock(&d->lock);
}

void mutex_then_sleep(struct dev *d)
{
	mutex_lock(&d->m);
	msleep(1);
	mutex_unlock(&d->m);
}

void conditional_lock(struct dev *d, int need_lock)
{
	if (need_lock)
		spin_lock(&d->lock);
	d->ready++;
	if (need_lock)
		spin_unlock(&d->lock);
	if (!need_lock)
		msleep(1);
}

int trylock_failed_path(struct dev *d)
{
	if (!spin_trylock(&d->lock)) {
		msleep(1);
		return -1;
	}
	d->ready = 1;
	spin_unlock(&d->lock);
	return 0;
}

static irqreturn_t hard_handler(int irq, void *data)
{
	struct dev *d = data;

	spin_lock(&d->lock); /* spin_lock in a hardirq handler is fine */
	d->ready = 1;
	spin_unlock(&d->lock);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t thread_handler(int irq, void *data)
{
	struct dev *d = data;

	mutex_lock(&d->m); /* thread_fn runs in process context */
	msleep(5);
	mutex_unlock(&d->m);
	return IRQ_HANDLED;
}

static void work_handler(struct work_struct *w)
{
	struct dev *d = container_of(w, struct dev, work);

	mutex_lock(&d->m);
	msleep(1);
	mutex_unlock(&d->m);
}

int probe(struct dev *d, int irq)
{
	INIT_WORK(&d->work, work_handler);
	return request_threaded_irq(irq, hard_handler, thread_handler, IRQF_ONESHOT, "d", d);
}

void unlock_helper(struct dev *d) __releases(&d->lock)
{
	spin_unlock(&d->lock);
}

void unlocks_in_helper_then_sleeps(struct dev *d)
{
	spin_lock(&d->lock);
	d->ready = 2;
	unlock_helper(d);
	msleep(1);
}

void delay_is_not_sleep(struct dev *d)
{
	spin_lock(&d->lock);
	udelay(10);
	mdelay(1);
	spin_unlock(&d->lock);
}

void wake_up_under_lock(struct dev *d)
{
	spin_lock(&d->lock);
	d->ready = 1;
	wake_up_interruptible(&d->wq);
	spin_unlock(&d->lock);
}

void gfp_by_context(struct dev *d, int atomic)
{
	gfp_t gfp = atomic ? GFP_ATOMIC : GFP_KERNEL;

	/* Unknown per-path correlation: not reported (only definite sleeps are). */
	spin_lock(&d->lock);
	kfree(kmalloc(8, gfp));
	spin_unlock(&d->lock);
}

/* libps2: a helper drops its caller's lock around the wait and takes it
 * back; serio_pause_rx()/serio_continue_rx() are the lock wrappers. */
struct serio { spinlock_t lock; };
static inline void serio_pause_rx(struct serio *s) { spin_lock_irq(&s->lock); }
static inline void serio_continue_rx(struct serio *s) { spin_unlock_irq(&s->lock); }
struct ps2dev { struct serio *serio; int flags; };

static int ps2_do_sendbyte(struct ps2dev *p)
{
	serio_continue_rx(p->serio);
	msleep(10);
	serio_pause_rx(p->serio);
	return 0;
}

int ps2_command(struct ps2dev *p)
{
	serio_pause_rx(p->serio);
	ps2_do_sendbyte(p);
	ps2_do_sendbyte(p);
	serio_continue_rx(p->serio);
	msleep(1);
	return 0;
}

/* Sleeps only when asked to, and this caller never asks (i2c-rcar). */
static void cleanup_dma(struct dev *d, int terminate)
{
	if (terminate)
		msleep(1);
	d->ready = 0;
}

void atomic_caller_of_conditional_sleeper(struct dev *d)
{
	spin_lock(&d->lock);
	cleanup_dma(d, 0);
	spin_unlock(&d->lock);
}
