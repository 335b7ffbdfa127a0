/* A driver for the simulated 16550 UART: the interrupt handler drains the RX
 * FIFO into a kfifo, a work item echoes the bytes back through the
 * transmitter, a watchdog timer counts idle periods, and read() blocks until
 * data arrived.  Bug variants:
 *   UART_BUG_CANCEL_UNDER_LOCK  module exit cancels the work while holding the
 *                               mutex the work function takes (lock order)
 *   UART_BUG_RESTORE_ELSEWHERE  the FIFO lock's flags are restored in a helper
 *   UART_BUG_DOUBLE_LOCK        the work takes the FIFO lock twice
 *   UART_BUG_LOCK_LEAK          read() returns -EAGAIN with the mutex held */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/kfifo.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

#define BASE 0x3f8
#define IRQ 4
#define UART_RX 0
#define UART_TX 0
#define UART_IER 1
#define UART_IIR 2
#define UART_MCR 4
#define UART_LSR 5

static DEFINE_KFIFO(rx_fifo, unsigned char, 64);   /* for read() */
static DEFINE_KFIFO(echo_fifo, unsigned char, 64); /* for the echo work */
static DEFINE_SPINLOCK(fifo_lock);   /* both FIFOs: hardirq vs. work and read() */
static DEFINE_MUTEX(tx_mutex);       /* the transmitter and the statistics */
static DECLARE_WAIT_QUEUE_HEAD(readq);
static unsigned long echoed, idle_ticks, watchdog_runs;
static char last_rx[64];
static int nlast;
static struct timer_list watchdog;

#ifdef UART_BUG_RESTORE_ELSEWHERE
static void fifo_unlock(unsigned long flags) { spin_unlock_irqrestore(&fifo_lock, flags); }
#endif

static void echo_work_fn(struct work_struct *w)
{
	unsigned char buf[16];
	unsigned int n;
	unsigned long flags;
	for (;;) {
		spin_lock_irqsave(&fifo_lock, flags);
#ifdef UART_BUG_DOUBLE_LOCK
		spin_lock(&fifo_lock);
#endif
		n = kfifo_out(&echo_fifo, buf, sizeof(buf));
#ifdef UART_BUG_RESTORE_ELSEWHERE
		fifo_unlock(flags);
#else
		spin_unlock_irqrestore(&fifo_lock, flags);
#endif
		if (!n)
			break;
		mutex_lock(&tx_mutex);
		for (unsigned int i = 0; i < n; i++) {
			while (!(inb(BASE + UART_LSR) & 0x20))
				cpu_relax();
			outb(buf[i], BASE + UART_TX);
			echoed++;
		}
		mutex_unlock(&tx_mutex);
	}
}
static DECLARE_WORK(echo_work, echo_work_fn);

static irqreturn_t uart_interrupt(int irq, void *dev_id)
{
	if (inb(BASE + UART_IIR) & 0x01)
		return IRQ_NONE; /* not ours */
	spin_lock(&fifo_lock);
	while (inb(BASE + UART_LSR) & 0x01) {
		unsigned char c = inb(BASE + UART_RX);
		kfifo_put(&rx_fifo, c);
		kfifo_put(&echo_fifo, c);
	}
	spin_unlock(&fifo_lock);
	wake_up_interruptible(&readq);
	schedule_work(&echo_work);
	return IRQ_HANDLED;
}

static void watchdog_fn(struct timer_list *t)
{
	watchdog_runs++;
	if (kfifo_is_empty(&rx_fifo))
		idle_ticks++;
	mod_timer(&watchdog, jiffies + msecs_to_jiffies(10));
}

static ssize_t uart_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	unsigned char tmp[64];
	unsigned long flags;
	unsigned int n;
	if (wait_event_interruptible(readq, !kfifo_is_empty(&rx_fifo)))
		return -ERESTARTSYS;
	mutex_lock(&tx_mutex);
#ifdef UART_BUG_LOCK_LEAK
	if (count > 32)
		return -EINVAL; /* error path that forgets mutex_unlock() */
#endif
	spin_lock_irqsave(&fifo_lock, flags);
	n = kfifo_out(&rx_fifo, tmp, min_t(size_t, count, sizeof(tmp)));
	spin_unlock_irqrestore(&fifo_lock, flags);
	mutex_unlock(&tx_mutex);
	memcpy(last_rx, tmp, n);
	nlast = (int)n;
	if (copy_to_user(buf, tmp, n))
		return -EFAULT;
	return n;
}
static const struct file_operations uart_fops = { .owner = THIS_MODULE, .read = uart_read };
static struct miscdevice uart_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "simuart", .fops = &uart_fops };

static int __init uart_init(void)
{
	int ret;
	timer_setup(&watchdog, watchdog_fn, 0);
	ret = request_irq(IRQ, uart_interrupt, IRQF_SHARED, "simuart", &uart_misc);
	if (ret)
		return ret;
	outb(0x01, BASE + UART_IER); /* RX data interrupt */
	outb(0x08, BASE + UART_MCR); /* OUT2: let the interrupt through */
	mod_timer(&watchdog, jiffies + msecs_to_jiffies(10));
	ret = misc_register(&uart_misc);
	if (ret) {
		outb(0, BASE + UART_IER);
		free_irq(IRQ, &uart_misc);
		del_timer_sync(&watchdog);
	}
	return ret;
}
static void __exit uart_exit(void)
{
	misc_deregister(&uart_misc);
	outb(0, BASE + UART_IER);
	free_irq(IRQ, &uart_misc);
	del_timer_sync(&watchdog);
#ifdef UART_BUG_CANCEL_UNDER_LOCK
	mutex_lock(&tx_mutex);
	cancel_work_sync(&echo_work);
	mutex_unlock(&tx_mutex);
#else
	cancel_work_sync(&echo_work);
#endif
}
module_init(uart_init);
module_exit(uart_exit);
MODULE_LICENSE("GPL");

#ifdef CTXLINT_SIM
#include <sim/sim.h>
#include <sim/devices.h>
#include <linux/delay.h>
#include <linux/string.h>
static long got;
static void reader(void *arg)
{
	int fd = sim_open("simuart");
	got = sim_read(fd, sim_user_alloc(64), 64);
	sim_close(fd);
}
SIM_SCENARIO(uart_echo)
{
	struct sim_uart *u = sim_uart_create(BASE, IRQ);
	if (sim_insmod())
		return;
	struct task_struct *r = sim_spawn("cat", reader, NULL);
	sim_uart_receive(u, "ping", 4, 100000, 87000);
	msleep(5);
	sim_join(r);
	msleep(30);
	sim_rmmod();
	char out[16];
	size_t n = sim_uart_transmitted(u, out, sizeof(out));
#if !defined(UART_BUG_DOUBLE_LOCK) && !defined(UART_BUG_LOCK_LEAK)
	BUG_ON(n != 4 || memcmp(out, "ping", 4)); /* echoed back */
	BUG_ON(watchdog_runs == 0);
#endif
	(void)n;
	sim_uart_destroy(u);
}
#endif
