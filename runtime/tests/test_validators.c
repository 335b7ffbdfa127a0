/* Each dynamic validator fires on a minimal bad program and stays silent on
 * the corresponding good one. */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/rcupdate.h>
#include <linux/workqueue.h>
#include <linux/string.h>
#include "rt_test.h"

#define IRQ 11
static int token;
static bool bad;
static void pulse(void *arg) { sim_irq_edge(IRQ); }
static void fire_irq_once(irq_handler_t h, irq_handler_t thread, unsigned long flags)
{
	sim_irq_wire(IRQ, SIM_EDGE_RISING);
	CHECK_EQ(request_threaded_irq(IRQ, h, thread, flags, "v", &token), 0);
	sim_event_after(1000, pulse, NULL);
	msleep(5);
	free_irq(IRQ, &token);
}

/* ---- ctxlint-sleep-in-atomic ---- */
static irqreturn_t sleepy_primary(int irq, void *dev)
{
	if (bad)
		msleep(1);
	return bad ? IRQ_HANDLED : IRQ_WAKE_THREAD;
}
static irqreturn_t sleepy_thread(int irq, void *dev)
{
	msleep(1); /* fine: process context */
	return IRQ_HANDLED;
}
static void scen_sleep_in_hardirq(void) { fire_irq_once(sleepy_primary, sleepy_thread, IRQF_ONESHOT); }

static DEFINE_SPINLOCK(lock_a);
static DEFINE_SPINLOCK(lock_b);
static void scen_gfp_under_lock(void)
{
	spin_lock(&lock_a);
	void *p = kmalloc(32, bad ? GFP_KERNEL : GFP_ATOMIC);
	spin_unlock(&lock_a);
	kfree(p);
}
static void scen_copy_irqs_off(void)
{
	char *ubuf = sim_user_alloc(16), kbuf[16] = "hello";
	unsigned long flags;
	if (bad)
		local_irq_save(flags);
	CHECK_EQ(copy_to_user(ubuf, kbuf, 6), 0);
	if (bad)
		local_irq_restore(flags);
	CHECK(!strcmp(ubuf, "hello"));
	CHECK_EQ(copy_to_user((void *)kbuf, kbuf, 6), 6); /* not a user address: faults */
}
static DEFINE_MUTEX(mtx);
static struct timer_list tmr;
static void mutex_in_timer(struct timer_list *t)
{
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
}
static void scen_mutex_in_timer(void)
{
	timer_setup(&tmr, mutex_in_timer, 0);
	mod_timer(&tmr, jiffies + 2);
	msleep(5);
}
static void scen_sleep_in_rcu(void)
{
	rcu_read_lock();
	if (bad)
		msleep(1);
	rcu_read_unlock();
	synchronize_rcu();
}

static struct work_struct vwork;
static void vwork_fn(struct work_struct *w) { udelay(50); }
static void scen_flush_under_lock(void)
{
	INIT_WORK(&vwork, vwork_fn);
	schedule_work(&vwork);
	if (bad)
		spin_lock(&lock_a);
	flush_work(&vwork); /* waits: one report, at this line */
	if (bad)
		spin_unlock(&lock_a);
}

/* ---- ctxlint-lock-order ---- */
static void ab(void)
{
	spin_lock(&lock_a);
	spin_lock(&lock_b);
	spin_unlock(&lock_b);
	spin_unlock(&lock_a);
}
static void ba(void)
{
	spin_lock(&lock_b);
	spin_lock(&lock_a);
	spin_unlock(&lock_a);
	spin_unlock(&lock_b);
}
static void scen_abba(void)
{
	ab();
	if (bad)
		ba();
	else
		ab();
}

/* ---- ctxlint-double-lock (and the same-CPU self-deadlock) ---- */
struct obj { spinlock_t lock; int v; };
static void scen_double(void)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	spin_lock_init(&o->lock);
	spin_lock(&o->lock);
	if (bad)
		spin_lock(&o->lock); /* deadlock: reported, run stopped */
	spin_unlock(&o->lock);
	kfree(o);
}

/* ---- ctxlint-irq-lock-inversion ---- */
static DEFINE_SPINLOCK(shared_lock);
static int shared_count;
static irqreturn_t locking_handler(int irq, void *dev)
{
	spin_lock(&shared_lock);
	shared_count++;
	spin_unlock(&shared_lock);
	return IRQ_HANDLED;
}
static void scen_irq_inversion(void)
{
	unsigned long flags;
	sim_irq_wire(IRQ, SIM_EDGE_RISING);
	CHECK_EQ(request_irq(IRQ, locking_handler, 0, "inv", &token), 0);
	sim_event_after(1000, pulse, NULL);
	msleep(2);
	if (bad) {
		spin_lock(&shared_lock); /* interrupts enabled: an interrupt here deadlocks */
		shared_count++;
		spin_unlock(&shared_lock);
	} else {
		spin_lock_irqsave(&shared_lock, flags);
		shared_count++;
		spin_unlock_irqrestore(&shared_lock, flags);
	}
	free_irq(IRQ, &token);
}
static void softirq_locker(struct timer_list *t)
{
	spin_lock(&shared_lock);
	shared_count++;
	spin_unlock(&shared_lock);
}
static void scen_softirq_inversion(void)
{
	timer_setup(&tmr, softirq_locker, 0);
	mod_timer(&tmr, jiffies + 1);
	msleep(3);
	if (bad)
		spin_lock(&shared_lock);
	else
		spin_lock_bh(&shared_lock);
	shared_count++;
	if (bad)
		spin_unlock(&shared_lock);
	else
		spin_unlock_bh(&shared_lock);
	del_timer_sync(&tmr);
}
static DEFINE_RWLOCK(rw);
static irqreturn_t reading_handler(int irq, void *dev)
{
	read_lock(&rw);
	shared_count++;
	read_unlock(&rw);
	return IRQ_HANDLED;
}
static void scen_rw_readers(void)
{
	sim_irq_wire(IRQ, SIM_EDGE_RISING);
	CHECK_EQ(request_irq(IRQ, reading_handler, 0, "rw", &token), 0);
	sim_event_after(1000, pulse, NULL);
	msleep(2);
	read_lock(&rw); /* readers with interrupts on: fine */
	shared_count++;
	read_unlock(&rw);
	if (bad) {
		write_lock(&rw); /* a writer with interrupts on is not */
		write_unlock(&rw);
	}
	free_irq(IRQ, &token);
}

/* ---- ctxlint-irqsave-pairing ---- */
static void restore_elsewhere(unsigned long flags) { spin_unlock_irqrestore(&lock_a, flags); }
static void scen_restore_other_frame(void)
{
	unsigned long flags;
	spin_lock_irqsave(&lock_a, flags);
	if (bad)
		restore_elsewhere(flags);
	else
		spin_unlock_irqrestore(&lock_a, flags);
}
static unsigned long saved_flags;
static void leaves_irqs_off(void) { spin_lock_irqsave(&lock_a, saved_flags); }
static void scen_return_with_irqsave(void)
{
	if (bad) {
		leaves_irqs_off();
		spin_unlock_irqrestore(&lock_a, saved_flags);
	} else {
		unsigned long flags;
		spin_lock_irqsave(&lock_a, flags);
		spin_unlock_irqrestore(&lock_a, flags);
	}
}
static void scen_unlock_irq_inside_irqsave(void)
{
	unsigned long flags;
	local_irq_save(flags);
	spin_lock(&lock_b);
	if (bad) {
		spin_unlock_irq(&lock_b); /* re-enables interrupts too early */
		local_irq_disable();
	} else {
		spin_unlock(&lock_b);
	}
	local_irq_restore(flags);
}

/* ---- ctxlint-lock-balance ---- */
static spinlock_t leak_lock;
static irqreturn_t leaky_handler(int irq, void *dev)
{
	spin_lock(&leak_lock);
	if (!bad)
		spin_unlock(&leak_lock);
	return IRQ_HANDLED;
}
static void scen_held_at_return(void)
{
	spin_lock_init(&leak_lock); /* the bad run leaves it locked */
	fire_irq_once(leaky_handler, NULL, 0);
}
static void scen_unlock_not_held(void)
{
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
	if (bad)
		mutex_unlock(&mtx);
}

/* ---- ctxlint-teardown-missing-kill ---- */
struct mydev { struct timer_list timer; struct tasklet_struct tl; int n; };
static struct mydev *gdev;
static void dev_timer(struct timer_list *t) { struct mydev *d = from_timer(d, t, timer); d->n++; }
static void dev_tasklet(struct tasklet_struct *t) { struct mydev *d = from_tasklet(d, t, tl); d->n++; }
static int teardown_init(void)
{
	gdev = kzalloc(sizeof(*gdev), GFP_KERNEL);
	timer_setup(&gdev->timer, dev_timer, 0);
	tasklet_setup(&gdev->tl, dev_tasklet);
	mod_timer(&gdev->timer, jiffies + 100);
	return 0;
}
static void teardown_exit(void)
{
	if (!bad) {
		del_timer_sync(&gdev->timer);
		tasklet_kill(&gdev->tl);
	}
	kfree(gdev);
}
module_init(teardown_init);
module_exit(teardown_exit);
static void scen_teardown(void)
{
	CHECK_EQ(sim_insmod(), 0);
	msleep(2);
	sim_rmmod();
}

/* extra: the bad run may have consequences reported under other rules (a
 * leaked spinlock keeps preemption disabled, so later sleeps are reported) */
struct named { const char *name; sim_scenario_fn fn; const char *rule; int expect_bad; bool extra; };
static const struct named cases[] = {
	{ "sleep in hardirq", scen_sleep_in_hardirq, "ctxlint-sleep-in-atomic", 1 },
	{ "GFP_KERNEL under spinlock", scen_gfp_under_lock, "ctxlint-sleep-in-atomic", 1 },
	{ "copy_to_user with irqs off", scen_copy_irqs_off, "ctxlint-sleep-in-atomic", 1 },
	{ "sleep under rcu_read_lock", scen_sleep_in_rcu, "ctxlint-sleep-in-atomic", 1 },
	{ "flush_work under spinlock", scen_flush_under_lock, "ctxlint-sleep-in-atomic", 1 },
	{ "ABBA", scen_abba, "ctxlint-lock-order", 1 },
	{ "double lock", scen_double, "ctxlint-double-lock", 1 },
	{ "hardirq inversion", scen_irq_inversion, "ctxlint-irq-lock-inversion", 1 },
	{ "softirq inversion", scen_softirq_inversion, "ctxlint-irq-lock-inversion", 1 },
	{ "rwlock readers", scen_rw_readers, "ctxlint-irq-lock-inversion", 1 },
	{ "restore in other frame", scen_restore_other_frame, "ctxlint-irqsave-pairing", 1 },
	{ "return with irqsave", scen_return_with_irqsave, "ctxlint-irqsave-pairing", 1 },
	{ "unlock_irq inside irqsave", scen_unlock_irq_inside_irqsave, "ctxlint-irqsave-pairing", 1 },
	{ "held at return", scen_held_at_return, "ctxlint-lock-balance", 1, true },
	{ "unlock not held", scen_unlock_not_held, "ctxlint-lock-balance", 1 },
	{ "teardown", scen_teardown, "ctxlint-teardown-missing-kill", 1 },
};

int main(void)
{
	for (unsigned i = 0; i < ARRAY_SIZE(cases); i++) {
		bad = true;
		run(cases[i].fn);
		int nbad = sim_finding_count(cases[i].rule), all_bad = sim_finding_count(NULL);
		bad = false;
		run(cases[i].fn);
		int ngood = sim_finding_count(NULL);
		if (nbad != cases[i].expect_bad || ngood != 0 || (all_bad != nbad && !cases[i].extra)) {
			printf("case '%s': %s bad=%d (all %d) good=%d\n", cases[i].name, cases[i].rule, nbad, all_bad, ngood);
			bad = true;
			run(cases[i].fn);
			for (int k = 0; k < all_bad; k++)
				printf("  bad run: %s: %s\n", sim_finding_rule(k), sim_finding_message(k));
			rt_test_failures++;
		}
	}
	/* sleeping in a timer callback (softirq) is reported every time */
	run(scen_mutex_in_timer);
	CHECK_EQ(sim_finding_count("ctxlint-sleep-in-atomic"), 1);
	TEST_DONE();
}
