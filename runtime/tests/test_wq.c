/* Workqueues: process-context execution, PENDING coalescing, delayed work,
 * flush_work/cancel_work_sync waiting, private workqueues, and the lockdep
 * pseudo-lock that catches cancel_work_sync() under a lock the work takes. */
#include <linux/module.h>
#include <linux/workqueue.h>
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include "rt_test.h"

static int runs;
static bool in_process, may_sleep_ok;
static unsigned long ran_at;
static struct work_struct work;
static struct delayed_work dwork;
static DEFINE_MUTEX(dev_mutex);

static void work_fn(struct work_struct *w)
{
	runs++;
	in_process = !in_interrupt() && !irqs_disabled() && preempt_count() == 0;
	msleep(1); /* work may sleep */
	may_sleep_ok = true;
	ran_at = jiffies;
}

static void scen_basic(void)
{
	INIT_WORK(&work, work_fn);
	CHECK(schedule_work(&work));
	CHECK(!schedule_work(&work)); /* already pending: coalesced */
	CHECK(flush_work(&work));
	CHECK_EQ(runs, 1);
	CHECK(!work_pending(&work));
	schedule_work(&work);
	CHECK(cancel_work_sync(&work) || runs == 2);
	CHECK(!flush_work(&work)); /* nothing left to wait for */
}

static void scen_delayed(void)
{
	unsigned long start = jiffies;
	INIT_DELAYED_WORK(&dwork, work_fn);
	CHECK(schedule_delayed_work(&dwork, msecs_to_jiffies(20)));
	msleep(5);
	CHECK_EQ(runs, 0);
	CHECK(delayed_work_pending(&dwork));
	msleep(30);
	CHECK_EQ(runs, 1);
	CHECK(ran_at - start >= 20);
	schedule_delayed_work(&dwork, 50);
	CHECK(cancel_delayed_work_sync(&dwork));
	msleep(60);
	CHECK_EQ(runs, 1);
}

static struct workqueue_struct *wq;
static void scen_private_wq(void)
{
	wq = alloc_workqueue("mydrv", WQ_UNBOUND, 1);
	INIT_WORK(&work, work_fn);
	queue_work(wq, &work);
	flush_workqueue(wq);
	CHECK_EQ(runs, 1);
	queue_work(wq, &work);
	destroy_workqueue(wq); /* drains first */
	CHECK_EQ(runs, 2);
}

/* cancel_work_sync() while holding a mutex that the work function takes. */
static void locking_work(struct work_struct *w)
{
	mutex_lock(&dev_mutex);
	runs++;
	mutex_unlock(&dev_mutex);
}
static void scen_cancel_under_lock(void)
{
	INIT_WORK(&work, locking_work);
	schedule_work(&work);
	msleep(1);
	mutex_lock(&dev_mutex);
	cancel_work_sync(&work);
	mutex_unlock(&dev_mutex);
}

/* Module exit that forgets the work: reported at teardown. */
static void scen_forgotten(void)
{
	INIT_DELAYED_WORK(&dwork, work_fn);
	schedule_delayed_work(&dwork, 100);
	struct work_struct *w = kmalloc(sizeof(*w), GFP_KERNEL);
	INIT_WORK(w, work_fn);
	schedule_work(w);
	kfree(w); /* freed while queued */
	sim_rmmod();
}
static int fake_init(void) { return 0; }
static void fake_exit(void) { }
module_init(fake_init);
module_exit(fake_exit);
static void scen_forgotten_main(void)
{
	sim_insmod();
	scen_forgotten();
}

int main(void)
{
	run(scen_basic);
	CHECK(in_process);
	CHECK(may_sleep_ok);
	CHECK_EQ(sim_finding_count(NULL), 0);

	runs = 0;
	run(scen_delayed);
	CHECK_EQ(sim_finding_count(NULL), 0);

	runs = 0;
	run(scen_private_wq);
	CHECK_EQ(sim_finding_count(NULL), 0);

	runs = 0;
	run(scen_cancel_under_lock);
	CHECK_EQ(sim_finding_count("ctxlint-lock-order"), 1);

	runs = 0;
	run(scen_forgotten_main);
	CHECK_EQ(sim_finding_count("ctxlint-teardown-missing-kill"), 2);
	TEST_DONE();
}
