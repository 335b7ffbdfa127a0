/* An LDD "short"-style driver for the simulated PC parallel port: writes
 * toggle data bit 7 (jumpered to ACK), each rising edge interrupts, the top
 * half timestamps the interrupt into a ring buffer and a tasklet wakes the
 * readers.  Bug variants are selected with -D (see runtime/tests/CMakeLists.txt):
 *   SHORT_BUG_UNCHECKED_WAIT  read() ignores the wait_event_interruptible() result
 *   SHORT_BUG_IRQ_UNSAFE_LOCK read() takes the ring lock with interrupts enabled
 *   SHORT_BUG_SLEEP_IN_IRQ    the interrupt handler allocates with GFP_KERNEL
 *   SHORT_BUG_NO_CLEANUP      module exit forgets free_irq() and tasklet_kill()
 *   SHORT_BUG_DEV_ID          the handler uses its dev_id, which was registered as NULL */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/jiffies.h>

#define SHORT_BASE 0x378
#define SHORT_IRQ 7
#define RING 64

static unsigned long ring[RING];
static unsigned int head, tail;
static DEFINE_SPINLOCK(ring_lock);
static DECLARE_WAIT_QUEUE_HEAD(short_queue);
static unsigned long irq_count;

static void short_do_tasklet(struct tasklet_struct *t)
{
	wake_up_interruptible(&short_queue);
}
static DECLARE_TASKLET(short_tasklet, short_do_tasklet);

static irqreturn_t short_interrupt(int irq, void *dev_id)
{
	unsigned long now = jiffies;
#ifdef SHORT_BUG_SLEEP_IN_IRQ
	kfree(kmalloc(16, GFP_KERNEL));
#endif
#ifdef SHORT_BUG_DEV_ID
	(*(unsigned long *)dev_id)++; /* request_irq() was given NULL */
#endif
	spin_lock(&ring_lock);
	ring[head % RING] = now;
	head++;
	irq_count++;
	spin_unlock(&ring_lock);
	tasklet_schedule(&short_tasklet);
	return IRQ_HANDLED;
}

static bool ring_empty(void)
{
	unsigned long flags;
	bool empty;
	spin_lock_irqsave(&ring_lock, flags);
	empty = head == tail;
	spin_unlock_irqrestore(&ring_lock, flags);
	return empty;
}

static ssize_t short_read(struct file *filp, char __user *buf, size_t count, loff_t *pos)
{
	unsigned long stamp, flags;
	char line[32];
	int len;

#ifdef SHORT_BUG_UNCHECKED_WAIT
	wait_event_interruptible(short_queue, !ring_empty());
	if (ring_empty())
		return 0;
#else
	if (wait_event_interruptible(short_queue, !ring_empty()))
		return -ERESTARTSYS;
#endif
#ifdef SHORT_BUG_IRQ_UNSAFE_LOCK
	spin_lock(&ring_lock);
	(void)flags;
#else
	spin_lock_irqsave(&ring_lock, flags);
#endif
	stamp = ring[tail % RING];
	tail++;
#ifdef SHORT_BUG_IRQ_UNSAFE_LOCK
	spin_unlock(&ring_lock);
#else
	spin_unlock_irqrestore(&ring_lock, flags);
#endif
	len = snprintf(line, sizeof(line), "%08lx\n", stamp);
	if (count < (size_t)len)
		return -EINVAL;
	if (copy_to_user(buf, line, len))
		return -EFAULT;
	return len;
}

/* Writing alternates 0x00/0xff on the data latch: one interrupt per two bytes. */
static ssize_t short_write(struct file *filp, const char __user *buf, size_t count, loff_t *pos)
{
	for (size_t i = 0; i < count; i++)
		outb(i & 1 ? 0xff : 0x00, SHORT_BASE);
	return count;
}

static const struct file_operations short_fops = {
	.owner = THIS_MODULE,
	.read = short_read,
	.write = short_write,
};
static struct miscdevice short_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "short", .fops = &short_fops };

static int __init short_init(void)
{
	int ret;
	if (!request_region(SHORT_BASE, 3, "short"))
		return -EBUSY;
	ret = request_irq(SHORT_IRQ, short_interrupt, 0, "short", NULL);
	if (ret) {
		release_region(SHORT_BASE, 3);
		return ret;
	}
	outb(0x10, SHORT_BASE + 2); /* interrupt enable */
	ret = misc_register(&short_misc);
	if (ret) {
		outb(0, SHORT_BASE + 2);
		free_irq(SHORT_IRQ, NULL);
		release_region(SHORT_BASE, 3);
	}
	return ret;
}

static void __exit short_exit(void)
{
	misc_deregister(&short_misc);
	outb(0, SHORT_BASE + 2); /* quiesce the device before releasing the line */
#ifndef SHORT_BUG_NO_CLEANUP
	free_irq(SHORT_IRQ, NULL);
	tasklet_kill(&short_tasklet);
#endif
	release_region(SHORT_BASE, 3);
}
module_init(short_init);
module_exit(short_exit);
MODULE_LICENSE("GPL");

/* ---- scenario ---- */
#ifdef CTXLINT_SIM
#include <sim/sim.h>
#include <sim/devices.h>
#include <linux/delay.h>

static long got_bytes, interrupted_ret;
static void reader(void *arg)
{
	int fd = sim_open("short");
	char __user *ubuf = sim_user_alloc(64);
	got_bytes = sim_read(fd, ubuf, 64);
	sim_close(fd);
}
static void writer(void *arg)
{
	int fd = sim_open("short");
	char __user *ubuf = sim_user_alloc(8);
	sim_write(fd, ubuf, 8);
	sim_close(fd);
}
static void impatient_reader(void *arg)
{
	int fd = sim_open("short");
	interrupted_ret = sim_read(fd, sim_user_alloc(64), 64);
	sim_close(fd);
}

SIM_SCENARIO(short_basic)
{
	struct sim_short_port *port = sim_short_port_create(SHORT_BASE, SHORT_IRQ);
	if (sim_insmod())
		return;
	struct task_struct *r = sim_spawn("cat", reader, NULL);
	msleep(1);
	struct task_struct *w = sim_spawn("echo", writer, NULL);
	sim_join(w);
	sim_join(r);
	BUG_ON(got_bytes != 9); /* one "%08lx\n" timestamp: the scenario itself failed otherwise */
	/* drain what the other interrupts queued, then block and get a signal */
	while (!ring_empty()) {
		int fd = sim_open("short");
		sim_read(fd, sim_user_alloc(64), 64);
		sim_close(fd);
	}
	struct task_struct *i = sim_spawn("cat2", impatient_reader, NULL);
	msleep(3);
	sim_kill(i, SIGINT);
	sim_join(i);
#ifndef SHORT_BUG_UNCHECKED_WAIT
	BUG_ON(interrupted_ret != -EINTR);
#endif
	sim_rmmod();
	sim_short_port_destroy(port);
}
#endif
