/* Bottom halves: softirq execution points, tasklet state machine (coalescing,
 * never parallel with itself, disable counts, tasklet_kill waiting), timers on
 * simulated jiffies. */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/spinlock.h>
#include "rt_test.h"

#define IRQ 9
static int runs, concurrent, max_concurrent, cpus_seen, in_softirq_ok;
static int seq[8], nseq;
static void reset(void) { runs = concurrent = max_concurrent = cpus_seen = in_softirq_ok = nseq = 0; }

static void tl_fn(struct tasklet_struct *t)
{
	runs++;
	if (++concurrent > max_concurrent)
		max_concurrent = concurrent;
	in_softirq_ok = in_serving_softirq() && !in_irq() && !irqs_disabled();
	cpus_seen |= 1 << smp_processor_id();
	udelay(30);
	concurrent--;
}
static DECLARE_TASKLET(tl, tl_fn);

/* Hardirqs on both CPUs schedule the same tasklet: it runs, but never twice
 * at once, and schedules made while it is pending coalesce. */
static int token;
static irqreturn_t sched_handler(int irq, void *dev)
{
	tasklet_schedule(&tl);
	tasklet_schedule(&tl); /* coalesces with the first */
	return IRQ_HANDLED;
}
static void pulse(void *arg) { sim_irq_edge(IRQ); }
static void scen_tasklet(void)
{
	sim_irq_wire(IRQ, SIM_EDGE_RISING);
	CHECK_EQ(request_irq(IRQ, sched_handler, 0, "tl", &token), 0);
	for (int i = 0; i < 20; i++)
		sim_event_after(1000 + i * 10000, pulse, NULL);
	msleep(5);
	free_irq(IRQ, &token);
	tasklet_kill(&tl);
}

/* Disabled tasklets stay pending; enable lets them run; the count nests. */
static void scen_tasklet_disable(void)
{
	tasklet_disable(&tl);
	tasklet_disable(&tl);
	tasklet_schedule(&tl);
	msleep(2);
	CHECK_EQ(runs, 0);
	tasklet_enable(&tl);
	msleep(2);
	CHECK_EQ(runs, 0);
	tasklet_enable(&tl);
	msleep(2);
	CHECK_EQ(runs, 1);
	tasklet_kill(&tl);
}

/* tasklet_kill waits for a scheduled tasklet to run instead of removing it;
 * on a disabled, scheduled tasklet it waits forever. */
static void scen_tasklet_kill_disabled(void)
{
	tasklet_disable(&tl);
	tasklet_schedule(&tl);
	tasklet_kill(&tl); /* hangs */
}

/* Softirqs raised with bottom halves disabled run at local_bh_enable(). */
static bool ran_before_enable;
static void scen_bh_enable(void)
{
	tasklet_setup(&tl, tl_fn); /* the previous run left it disabled */
	local_bh_disable();
	tasklet_schedule(&tl);
	udelay(100);
	ran_before_enable = runs != 0;
	local_bh_enable();
	CHECK_EQ(runs, 1); /* ran inside local_bh_enable() on this CPU */
	tasklet_kill(&tl);
}

/* Timers: expiry order, mod_timer re-arms, del_timer cancels, del_timer_sync
 * waits for a running callback. */
struct mytimer { struct timer_list t; int id; };
static struct mytimer t1, t2, t3;
static unsigned long fired_at[4];
static bool callback_started, callback_finished, sync_returned_early;
static void timer_cb(struct timer_list *t)
{
	struct mytimer *m = from_timer(m, t, t);
	seq[nseq++ % 8] = m->id;
	fired_at[m->id] = jiffies;
	in_softirq_ok = in_serving_softirq() != 0;
	if (m->id == 3) {
		callback_started = true;
		mdelay(2);
		callback_finished = true;
	}
}
static void scen_timers(void)
{
	unsigned long start = jiffies;
	t1.id = 1;
	t2.id = 2;
	t3.id = 3;
	timer_setup(&t1.t, timer_cb, 0);
	timer_setup(&t2.t, timer_cb, 0);
	timer_setup(&t3.t, timer_cb, 0);
	mod_timer(&t1.t, start + 5);
	mod_timer(&t2.t, start + 3);
	CHECK_EQ(mod_timer(&t1.t, start + 7), 1); /* re-arm a pending timer */
	msleep(10);
	CHECK_EQ(nseq, 2);
	CHECK_EQ(seq[0], 2);
	CHECK_EQ(seq[1], 1);
	CHECK(fired_at[2] - start >= 3);
	CHECK(fired_at[1] - start >= 7);
	mod_timer(&t2.t, jiffies + 2);
	CHECK_EQ(del_timer(&t2.t), 1);
	CHECK_EQ(del_timer(&t2.t), 0);
	/* run the callback on the other CPU so that del_timer_sync() must wait */
	t3.t.expires = jiffies + 1;
	add_timer_on(&t3.t, 1 - smp_processor_id());
	while (!callback_started)
		udelay(20);
	del_timer_sync(&t3.t);
	sync_returned_early = !callback_finished;
	msleep(5);
	CHECK_EQ(nseq, 3);
}

int main(void)
{
	reset();
	run(scen_tasklet);
	CHECK(runs >= 1 && runs <= 20);
	CHECK_EQ(max_concurrent, 1);
	CHECK(in_softirq_ok);
	CHECK_EQ(sim_finding_count(NULL), 0);

	/* over several seeds the tasklet runs on both CPUs, never concurrently */
	int all_cpus = 0;
	for (unsigned long long s = 1; s <= 8; s++) {
		reset();
		run_seed(scen_tasklet, s);
		CHECK_EQ(max_concurrent, 1);
		all_cpus |= cpus_seen;
	}
	CHECK_EQ(all_cpus, 3);

	reset();
	run(scen_tasklet_disable);
	CHECK_EQ(sim_finding_count(NULL), 0);

	reset();
	run(scen_tasklet_kill_disabled);
	CHECK(sim_last_run_hung());
	CHECK_EQ(sim_finding_count("ctxlint-sim-hang"), 1);

	reset();
	run(scen_bh_enable);
	CHECK(!ran_before_enable);

	reset();
	run(scen_timers);
	CHECK(in_softirq_ok);
	CHECK(!sync_returned_early);
	CHECK_EQ(sim_finding_count(NULL), 0);
	TEST_DONE();
}
