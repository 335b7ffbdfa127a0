// RUN: not %ctxlint --checks=-*,ctxlint-sleep-in-atomic %s -- %kflags | FileCheck %s --implicit-check-not=warning:
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
	struct tasklet_struct tasklet;
	struct timer_list timer;
};

static DEFINE_SPINLOCK(global_lock);

void direct_msleep_under_spinlock(struct dev *d)
{
	spin_lock(&d->lock);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: msleep() may sleep, but it is called while spinlock 'd->lock' is held [ctxlint-sleep-in-atomic]
	msleep(10);
	// CHECK: positives.c:[[@LINE-3]]:2: note: spinlock 'd->lock' acquired here by spin_lock()
	// CHECK: positives.c:[[@LINE-2]]:2: note: calls msleep(), which may sleep
	spin_unlock(&d->lock);
}

static void helper_copies(struct dev *d, char *ubuf)
{
	if (copy_to_user(ubuf, d->buf, sizeof(d->buf)))
		d->ready = 0;
}

static void middle(struct dev *d, char *ubuf)
{
	helper_copies(d, ubuf);
}

void through_two_calls_irqsave(struct dev *d, char *ubuf)
{
	unsigned long flags;

	spin_lock_irqsave(&global_lock, flags);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: middle() may sleep (it reaches copy_to_user()), but it is called while spinlock 'global_lock' is held
	middle(d, ubuf);
	// CHECK: note: spinlock 'global_lock' acquired here by spin_lock_irqsave()
	// CHECK: positives.c:[[@LINE-2]]:2: note: calls middle()
	// CHECK: positives.c:[[@LINE-12]]:2: note: calls helper_copies()
	// CHECK: positives.c:[[@LINE-19]]:6: note: calls copy_to_user(), which may sleep
	spin_unlock_irqrestore(&global_lock, flags);
}

void gfp_kernel_with_irqs_off(struct dev *d)
{
	unsigned long flags;

	local_irq_save(flags);
	// CHECK: positives.c:[[@LINE+1]]:12: warning: kmalloc() may sleep: its GFP flags allow direct reclaim {{.*}} while interrupts are disabled
	void *p = kmalloc(64, GFP_KERNEL);
	local_irq_restore(flags);
	kfree(p);
}

void gfp_chosen_in_a_variable(struct dev *d)
{
	gfp_t gfp = GFP_KERNEL;

	rcu_read_lock();
	// CHECK: positives.c:[[@LINE+1]]:2: warning: kzalloc() may sleep: {{.*}} inside an RCU read-side critical section
	kzalloc(8, gfp);
	rcu_read_unlock();
}

void mutex_under_bh_disabled(struct dev *d)
{
	spin_lock_bh(&d->lock);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: mutex_lock() may sleep: it takes a sleeping lock (mutex), but it is called while spinlock 'd->lock' is held
	mutex_lock(&d->m);
	mutex_unlock(&d->m);
	spin_unlock_bh(&d->lock);
}

void wait_under_preempt_disabled(struct dev *d)
{
	preempt_disable();
	// CHECK: positives.c:[[@LINE+1]]:6: warning: wait_event_interruptible() may sleep, but it is called while preemption is disabled
	if (wait_event_interruptible(d->wq, d->ready))
		d->ready = -1;
	preempt_enable();
}

static void do_work_that_sleeps(struct dev *d)
{
	msleep(1);
}

static irqreturn_t dev_irq(int irq, void *data)
{
	struct dev *d = data;

	// CHECK: positives.c:[[@LINE+1]]:2: warning: do_work_that_sleeps() may sleep (it reaches msleep()), but dev_irq() runs in hardirq context
	do_work_that_sleeps(d);
	// CHECK: note: dev_irq() is registered here by request_irq() as a hardirq callback
	return IRQ_HANDLED;
}

static void dev_tasklet(struct tasklet_struct *t)
{
	struct dev *d = container_of(t, struct dev, tasklet);

	// CHECK: positives.c:[[@LINE+1]]:2: warning: mutex_lock() may sleep: {{.*}} but dev_tasklet() runs in softirq context
	mutex_lock(&d->m);
	mutex_unlock(&d->m);
}

static void dev_timer(struct timer_list *t)
{
	// CHECK: positives.c:[[@LINE+1]]:2: warning: usleep_range() may sleep, but dev_timer() runs in softirq context
	usleep_range(10, 20);
}

int dev_probe(struct dev *d, int irq)
{
	tasklet_setup(&d->tasklet, dev_tasklet);
	timer_setup(&d->timer, dev_timer, 0);
	return request_irq(irq, dev_irq, 0, "dev", d);
}

/* Calls through an ops table resolve to the functions stored in it. */
struct dev_ops {
	void (*reset)(struct dev *d);
	void (*poll)(struct dev *d);
};
static void slow_reset(struct dev *d) { msleep(5); }
static void quick_poll(struct dev *d) { d->ready = 1; }
static const struct dev_ops dev_ops_table = { .reset = slow_reset, .poll = quick_poll };

void through_ops(struct dev *d, const struct dev_ops *ops)
{
	spin_lock(&d->lock);
	ops->poll(d);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: the indirect call may sleep: its target slow_reset() reaches msleep(), but it is called while spinlock 'd->lock' is held
	ops->reset(d);
	spin_unlock(&d->lock);
}

/* A context root set by an initializer (model: contextFields). */
struct net_device_ops {
	int (*ndo_start_xmit)(void *skb, void *netdev);
};
static int dev_xmit(void *skb, void *netdev)
{
	// CHECK: positives.c:[[@LINE+1]]:2: warning: msleep() may sleep, but dev_xmit() runs in softirq context
	msleep(1);
	// CHECK: note: dev_xmit() is registered here as .ndo_start_xmit of struct net_device_ops, as a softirq callback
	return 0;
}
static const struct net_device_ops dev_netdev_ops = { .ndo_start_xmit = dev_xmit };
