/* Compiles every runtime header and exercises the kernel API shapes (macros
 * that assign flags, statement-expression waits, initializers).  Built with
 * -fsyntax-only by both gcc and clang-19, because ctxlint parses the same
 * driver sources that run on the runtime. */
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/bottom_half.h>
#include <linux/bug.h>
#include <linux/cdev.h>
#include <linux/compiler.h>
#include <linux/completion.h>
#include <linux/container_of.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/mempool.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/hardirq.h>
#include <linux/gpio.h>
#include <linux/gpio/consumer.h>
#include <linux/hrtimer.h>
#include <linux/spi/spi.h>
#include <linux/i2c.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioctl.h>
#include <linux/ioport.h>
#include <linux/irqflags.h>
#include <linux/irqreturn.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kfifo.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/poll.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/rwlock.h>
#include <linux/rwsem.h>
#include <linux/cleanup.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/spinlock_types.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/typecheck.h>
#include <linux/types.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/uaccess.h>
#include <sim/sim.h>
#include <sim/devices.h>

struct dev {
	spinlock_t lock;
	rwlock_t rw;
	struct mutex m;
	struct semaphore sem;
	wait_queue_head_t wq;
	struct completion done;
	struct tasklet_struct t;
	struct timer_list timer;
	struct work_struct work;
	struct delayed_work dwork;
	struct list_head items;
	atomic_t count;
	int ready;
};
static DEFINE_SPINLOCK(static_lock);
static DEFINE_RWLOCK(static_rw);
static DEFINE_MUTEX(static_mutex);
static DEFINE_SEMAPHORE(static_sem, 1);
static DECLARE_WAIT_QUEUE_HEAD(static_wq);
static DECLARE_COMPLETION(static_done);
static LIST_HEAD(static_list);

static void tl_cb(struct tasklet_struct *t) { struct dev *d = from_tasklet(d, t, t); d->ready = 1; }
static void tl_old(unsigned long data) { (void)data; }
static DECLARE_TASKLET(static_tasklet, tl_cb);
static DECLARE_TASKLET_OLD(old_tasklet, tl_old);
static void timer_cb(struct timer_list *t) { struct dev *d = from_timer(d, t, timer); d->ready = 1; }
static DEFINE_TIMER(static_timer, timer_cb);
static void work_cb(struct work_struct *w) { struct dev *d = container_of(w, struct dev, work); d->ready = 1; }
static DECLARE_WORK(static_work, work_cb);
static DECLARE_DELAYED_WORK(static_dwork, work_cb);
static irqreturn_t handler(int irq, void *dev_id) { (void)irq; (void)dev_id; return IRQ_HANDLED; }
static irq_handler_t handler_ptr = handler;

static long use_everything(struct dev *d, char __user *ubuf)
{
	unsigned long flags;
	long ret;
	int v;
	spin_lock_init(&d->lock);
	rwlock_init(&d->rw);
	mutex_init(&d->m);
	sema_init(&d->sem, 1);
	init_waitqueue_head(&d->wq);
	init_completion(&d->done);
	tasklet_setup(&d->t, tl_cb);
	timer_setup(&d->timer, timer_cb, 0);
	INIT_WORK(&d->work, work_cb);
	INIT_DELAYED_WORK(&d->dwork, work_cb);
	INIT_LIST_HEAD(&d->items);
	atomic_set(&d->count, 0);

	spin_lock_irqsave(&d->lock, flags);
	spin_unlock_irqrestore(&d->lock, flags);
	if (spin_trylock_irqsave(&d->lock, flags))
		spin_unlock_irqrestore(&d->lock, flags);
	spin_lock_bh(&d->lock);
	spin_unlock_bh(&d->lock);
	spin_lock_irq(&d->lock);
	spin_unlock_irq(&d->lock);
	read_lock_irqsave(&d->rw, flags);
	read_unlock_irqrestore(&d->rw, flags);
	write_lock_bh(&d->rw);
	write_unlock_bh(&d->rw);
	local_irq_save(flags);
	local_irq_restore(flags);
	local_bh_disable();
	local_bh_enable();
	mutex_lock(&d->m);
	mutex_unlock(&d->m);
	if (mutex_lock_interruptible(&d->m))
		return -ERESTARTSYS;
	mutex_unlock(&d->m);
	if (down_interruptible(&d->sem))
		return -ERESTARTSYS;
	up(&d->sem);
	ret = wait_event_interruptible(d->wq, d->ready);
	if (ret)
		return ret;
	ret = wait_event_interruptible_timeout(d->wq, d->ready, HZ);
	ret = wait_event_timeout(d->wq, d->ready, msecs_to_jiffies(10));
	wait_event(d->wq, d->ready != 0);
	wake_up_interruptible(&d->wq);
	wake_up(&d->wq);
	wake_up_all(&d->wq);
	ret = wait_for_completion_interruptible(&d->done);
	ret = (long)wait_for_completion_timeout(&d->done, HZ);
	complete(&d->done);
	tasklet_schedule(&d->t);
	tasklet_disable(&d->t);
	tasklet_enable(&d->t);
	tasklet_kill(&d->t);
	mod_timer(&d->timer, jiffies + HZ);
	del_timer(&d->timer);
	del_timer_sync(&d->timer);
	schedule_work(&d->work);
	schedule_delayed_work(&d->dwork, HZ);
	flush_work(&d->work);
	cancel_work_sync(&d->work);
	cancel_delayed_work_sync(&d->dwork);
	flush_scheduled_work();
	ret = request_irq(7, handler, IRQF_SHARED | IRQF_TRIGGER_RISING, "x", d);
	ret = request_threaded_irq(7, NULL, handler_ptr, IRQF_ONESHOT, "x", d);
	free_irq(7, d);
	disable_irq(7);
	enable_irq(7);
	void *p = kmalloc(16, GFP_KERNEL);
	kfree(p);
	p = kzalloc(16, GFP_ATOMIC);
	kfree(p);
	if (copy_to_user(ubuf, "x", 1) || copy_from_user(&v, ubuf, sizeof(v)))
		return -EFAULT;
	if (get_user(v, (int __user *)ubuf) || put_user(v, (int __user *)ubuf))
		return -EFAULT;
	msleep(1);
	udelay(1);
	might_sleep();
	rcu_read_lock();
	rcu_read_unlock();
	if (in_interrupt() || in_irq() || in_softirq() || irqs_disabled() || in_atomic())
		return -EBUSY;
	if (signal_pending(current))
		return -ERESTARTSYS;
	set_current_state(TASK_INTERRUPTIBLE);
	schedule_timeout(HZ);
	outb(inb(0x378) | 1, 0x378);
	pr_info("done %d\n", atomic_read(&d->count));
	(void)static_lock; (void)static_rw; (void)static_mutex; (void)static_sem; (void)static_wq;
	(void)static_done; (void)static_list; (void)static_tasklet; (void)old_tasklet; (void)static_timer;
	(void)static_work; (void)static_dwork;
	return ret;
}
long (*keep_use_everything)(struct dev *, char __user *) = use_everything;
