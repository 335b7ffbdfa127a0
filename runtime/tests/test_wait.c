/* Sleeping and waking: wait_event* return values, signals, completions,
 * mutexes and semaphores, and determinism of the interleaving. */
#include <linux/module.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/string.h>
#include "rt_test.h"

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int cond;
static long ret1, ret2, ret3, ret4, ret5;
static struct task_struct *waiter;

static void waiter_interruptible(void *arg) { ret1 = wait_event_interruptible(wq, cond != 0); }

static void scen_signal(void)
{
	cond = 0;
	waiter = sim_spawn("waiter", waiter_interruptible, NULL);
	msleep(2);
	sim_kill(waiter, SIGINT);
	sim_join(waiter);
}

/* A condition that is true wins over a pending signal. */
static void waiter_cond_true(void *arg)
{
	msleep(3); /* the signal arrives while we are not waiting */
	ret1 = wait_event_interruptible(wq, cond != 0);
}
static void scen_cond_beats_signal(void)
{
	cond = 1;
	waiter = sim_spawn("waiter", waiter_cond_true, NULL);
	msleep(1);
	sim_kill(waiter, SIGINT);
	sim_join(waiter);
}

static void waker(void *arg)
{
	msleep(5);
	cond = 1;
	wake_up_interruptible(&wq);
}
static void scen_timeouts(void)
{
	cond = 0;
	ret1 = wait_event_timeout(wq, cond != 0, 3); /* times out */
	ret2 = wait_event_timeout(wq, 1, 0);         /* true at timeout 0: returns 1 */
	sim_spawn("waker", waker, NULL);
	ret3 = wait_event_interruptible_timeout(wq, cond != 0, 100);
}

static DECLARE_COMPLETION(done);
static void completer(void *arg)
{
	msleep(2);
	complete(&done);
}
static void scen_completion(void)
{
	reinit_completion(&done);
	ret1 = wait_for_completion_timeout(&done, 1);
	sim_spawn("completer", completer, NULL);
	wait_for_completion(&done);
	ret2 = completion_done(&done);
	complete_all(&done);
	wait_for_completion(&done);
	ret3 = try_wait_for_completion(&done); /* complete_all: stays done */
}

static DEFINE_MUTEX(m);
static struct semaphore sem;
static void holder(void *arg)
{
	mutex_lock(&m);
	msleep(10);
	mutex_unlock(&m);
}
static void contender(void *arg) { ret1 = mutex_lock_interruptible(&m); }
static void scen_mutex(void)
{
	struct task_struct *h = sim_spawn("holder", holder, NULL);
	msleep(1);
	struct task_struct *c = sim_spawn("contender", contender, NULL);
	msleep(1);
	sim_kill(c, SIGINT);
	sim_join(c);
	sim_join(h);
	sim_kill(current, SIGUSR1); /* uncontended: taken even with a signal pending */
	ret2 = mutex_lock_interruptible(&m);
	if (!ret2)
		mutex_unlock(&m);
	sema_init(&sem, 1);
	ret3 = down_trylock(&sem);
	ret4 = down_trylock(&sem);
	ret5 = down_timeout(&sem, 2);
	up(&sem);
}

/* Unchecked wait result in a driver entry point (a char device read). */
#include <linux/miscdevice.h>
#include <linux/fs.h>
static DECLARE_WAIT_QUEUE_HEAD(data_wq);
static int data_ready;
static bool use_good_read;
static ssize_t wdev_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	if (use_good_read) {
		if (wait_event_interruptible(data_wq, data_ready))
			return -ERESTARTSYS;
	} else {
		wait_event_interruptible(data_wq, data_ready); /* result ignored */
	}
	return 0;
}
static const struct file_operations wdev_fops = { .read = wdev_read };
static struct miscdevice wdev = { .minor = MISC_DYNAMIC_MINOR, .name = "wdev", .fops = &wdev_fops };
static void reader(void *arg)
{
	int fd = sim_open("wdev");
	ret1 = sim_read(fd, sim_user_alloc(8), 8);
	sim_close(fd);
}
static void scen_unchecked(void)
{
	misc_register(&wdev);
	struct task_struct *t = sim_spawn("reader", reader, NULL);
	msleep(2);
	sim_kill(t, SIGINT);
	sim_join(t);
	misc_deregister(&wdev);
}

/* poll() on a driver file */
#include <linux/poll.h>
static DECLARE_WAIT_QUEUE_HEAD(pdev_wq);
static int pdev_ready;
static __poll_t pdev_poll(struct file *f, poll_table *wait)
{
	poll_wait(f, &pdev_wq, wait);
	return pdev_ready ? EPOLLIN | EPOLLRDNORM : 0;
}
static const struct file_operations pdev_fops = { .poll = pdev_poll };
static struct miscdevice pdev_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "pdev", .fops = &pdev_fops };
static int poll_timeout_ret, poll_ready_ret;
static void make_ready(void *arg)
{
	msleep(3);
	pdev_ready = 1;
	wake_up_interruptible(&pdev_wq);
}
static void scen_poll(void)
{
	pdev_ready = 0;
	misc_register(&pdev_misc);
	int fd = sim_open("pdev");
	poll_timeout_ret = sim_poll(fd, POLLIN, 1);
	sim_spawn("producer", make_ready, NULL);
	poll_ready_ret = sim_poll(fd, POLLIN, 1000);
	sim_close(fd);
	misc_deregister(&pdev_misc);
}

/* The same seed gives the same interleaving; other seeds give others. */
static char trace[256];
static int ntrace;
static DEFINE_SPINLOCK(trace_lock);
static void worker_a(void *arg)
{
	for (int i = 0; i < 20; i++) {
		spin_lock(&trace_lock);
		if (ntrace < 255)
			trace[ntrace++] = *(const char *)arg;
		spin_unlock(&trace_lock);
		udelay(1);
	}
}
static void scen_interleave(void)
{
	ntrace = 0;
	struct task_struct *a = sim_spawn("a", worker_a, "a");
	struct task_struct *b = sim_spawn("b", worker_a, "b");
	struct task_struct *c = sim_spawn("c", worker_a, "c");
	sim_join(a);
	sim_join(b);
	sim_join(c);
	trace[ntrace] = 0;
}

/* kthreads: created stopped, run after wake_up_process, stop on request */
static int kthread_loops, kthread_result;
static int kthread_fn(void *data)
{
	while (!kthread_should_stop()) {
		kthread_loops++;
		msleep(1);
	}
	return 42;
}
static void scen_kthread(void)
{
	struct task_struct *k = kthread_run(kthread_fn, NULL, "mykthread/%d", 0);
	CHECK(!IS_ERR(k));
	CHECK(!strcmp(k->comm, "mykthread/0"));
	msleep(5);
	kthread_result = kthread_stop(k);
}

int main(void)
{
	run(scen_poll);
	CHECK_EQ(poll_timeout_ret, 0);
	CHECK_EQ(poll_ready_ret, POLLIN);
	CHECK_EQ(sim_finding_count(NULL), 0);

	run(scen_kthread);
	CHECK(kthread_loops >= 3);
	CHECK_EQ(kthread_result, 42);
	CHECK_EQ(sim_finding_count(NULL), 0);

	run(scen_signal);
	CHECK_EQ(ret1, -ERESTARTSYS);
	CHECK_EQ(sim_finding_count(NULL), 0);

	ret1 = 99;
	run(scen_cond_beats_signal);
	CHECK_EQ(ret1, 0);

	run(scen_timeouts);
	CHECK_EQ(ret1, 0);
	CHECK_EQ(ret2, 1);
	CHECK(ret3 > 0 && ret3 <= 100);

	run(scen_completion);
	CHECK_EQ(ret1, 0);
	CHECK_EQ(ret2, 0); /* the wait consumed the completion */
	CHECK_EQ(ret3, 1);

	run(scen_mutex);
	CHECK_EQ(ret1, -EINTR);
	CHECK_EQ(ret2, 0);
	CHECK_EQ(ret3, 0);
	CHECK_EQ(ret4, 1);
	CHECK_EQ(ret5, -ETIME);
	CHECK_EQ(sim_finding_count(NULL), 0);

	use_good_read = false;
	run(scen_unchecked);
	CHECK_EQ(ret1, 0);
	CHECK_EQ(sim_finding_count("ctxlint-unchecked-wait-return"), 1);
	use_good_read = true;
	run(scen_unchecked);
	CHECK_EQ(ret1, -EINTR); /* -ERESTARTSYS becomes -EINTR on the way to user space */
	CHECK_EQ(sim_finding_count(NULL), 0);

	char first[256], again[256];
	run_seed(scen_interleave, 7);
	memcpy(first, trace, sizeof(first));
	run_seed(scen_interleave, 7);
	memcpy(again, trace, sizeof(again));
	CHECK(!strcmp(first, again));
	int distinct = 0;
	for (unsigned long long s = 1; s <= 6; s++) {
		run_seed(scen_interleave, s);
		if (strcmp(trace, first))
			distinct++;
	}
	CHECK(distinct >= 3);
	CHECK_EQ(strlen(first), 60);
	TEST_DONE();
}
