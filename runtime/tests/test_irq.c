/* Interrupt core: delivery, edge coalescing, level re-firing, disable/enable
 * depth, shared lines, threaded handlers with ONESHOT masking, the request
 * checks and the spurious-interrupt accounting. */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/delay.h>
#include <linux/wait.h>
#include <sim/devices.h>
#include "rt_test.h"

#define IRQ 5
static int handled, thread_runs, order[16], norder;
static bool handler_saw_hardirq, handler_saw_irqs_off, thread_saw_masked, thread_saw_process;
static struct sim_shared_dev *dev_a, *dev_b;

static void reset(void)
{
	handled = thread_runs = norder = 0;
	handler_saw_hardirq = handler_saw_irqs_off = thread_saw_masked = thread_saw_process = false;
}

/* ---- edge coalescing: many edges while handling give one more run ---- */
static irqreturn_t slow_edge_handler(int irq, void *dev)
{
	handled++;
	handler_saw_hardirq = in_irq() && in_interrupt() && !in_softirq();
	handler_saw_irqs_off = irqs_disabled();
	udelay(50);
	return IRQ_HANDLED;
}
static int token;
static void edge_pulses(void *arg) { sim_irq_edge(IRQ); }
static void scen_edge_coalesce(void)
{
	sim_irq_wire(IRQ, SIM_EDGE_RISING);
	CHECK_EQ(request_irq(IRQ, slow_edge_handler, 0, "edge", &token), 0);
	/* five edges 5 us apart while the handler takes 50 us */
	for (int i = 0; i < 5; i++)
		sim_event_after(1000 + i * 5000, edge_pulses, NULL);
	msleep(5);
	free_irq(IRQ, &token);
}

/* ---- level: re-fires until the device is quiesced ---- */
static int level_budget;
static irqreturn_t level_handler(int irq, void *dev)
{
	handled++;
	if (--level_budget == 0)
		sim_irq_set_level(IRQ, &token, false); /* the device is finally acked */
	return IRQ_HANDLED;
}
static void assert_level(void *arg) { sim_irq_set_level(IRQ, &token, true); }
static void scen_level_refire(void)
{
	sim_irq_wire(IRQ, SIM_LEVEL_HIGH);
	level_budget = 3;
	CHECK_EQ(request_irq(IRQ, level_handler, IRQF_TRIGGER_HIGH, "level", &token), 0);
	sim_event_after(1000, assert_level, NULL);
	msleep(2);
	free_irq(IRQ, &token);
}

/* ---- disable/enable depth ---- */
static void scen_depth(void)
{
	sim_irq_wire(IRQ, SIM_EDGE_RISING);
	CHECK_EQ(request_irq(IRQ, slow_edge_handler, 0, "depth", &token), 0);
	disable_irq(IRQ);
	disable_irq_nosync(IRQ);
	sim_irq_edge(IRQ);
	msleep(1);
	CHECK_EQ(handled, 0);
	enable_irq(IRQ);
	msleep(1);
	CHECK_EQ(handled, 0); /* still disabled once */
	enable_irq(IRQ);
	msleep(1);
	CHECK_EQ(handled, 1); /* the latched edge is delivered on the final enable */
	free_irq(IRQ, &token);
}

/* ---- disable_irq waits for a running handler on another CPU ---- */
static bool handler_running, disable_returned_while_running;
static irqreturn_t long_handler(int irq, void *dev)
{
	handler_running = true;
	handled++;
	udelay(300);
	handler_running = false;
	return IRQ_HANDLED;
}
static void scen_disable_waits(void)
{
	sim_irq_wire(IRQ, SIM_EDGE_RISING);
	CHECK_EQ(request_irq(IRQ, long_handler, 0, "long", &token), 0);
	sim_event_after(10000, edge_pulses, NULL);
	while (!handler_running)
		udelay(5);
	disable_irq(IRQ);
	disable_returned_while_running = handler_running;
	enable_irq(IRQ);
	free_irq(IRQ, &token);
}

/* ---- shared line: all handlers run; each acks only its own device ---- */
static irqreturn_t shared_handler(int irq, void *dev)
{
	struct sim_shared_dev **which = dev;
	unsigned long base = which == &dev_a ? 0x300 : 0x310;
	order[norder++ % 16] = which == &dev_a ? 1 : 2;
	if (!(inb(base + SHDEV_STATUS) & 1))
		return IRQ_NONE;
	outb(1, base + SHDEV_ACK);
	handled++;
	return IRQ_HANDLED;
}
static void scen_shared(void)
{
	dev_a = sim_shared_dev_create(0x300, IRQ, SIM_LEVEL_HIGH);
	dev_b = sim_shared_dev_create(0x310, IRQ, SIM_LEVEL_HIGH);
	outb(1, 0x300 + SHDEV_CTRL);
	outb(1, 0x310 + SHDEV_CTRL);
	CHECK_EQ(request_irq(IRQ, shared_handler, IRQF_SHARED, "a", &dev_a), 0);
	CHECK_EQ(request_irq(IRQ, shared_handler, IRQF_SHARED, "b", &dev_b), 0);
	int before = norder; /* DEBUG_SHIRQ test calls already ran */
	sim_shared_dev_event(dev_b, 1000);
	msleep(2);
	CHECK(norder - before >= 2);       /* both handlers ran for b's interrupt */
	CHECK_EQ(order[before % 16], 1);   /* in registration order */
	CHECK_EQ(order[(before + 1) % 16], 2);
	CHECK_EQ(sim_shared_dev_acked(dev_b), 1);
	CHECK(!sim_shared_dev_pending(dev_a));
	free_irq(IRQ, &dev_a);
	free_irq(IRQ, &dev_b);
}

/* ---- sharers must agree on the flags ---- */
static int mismatch_ret, null_dev_ret, oneshot_ret, both_null_ret;
static void scen_request_checks(void)
{
	sim_irq_wire(IRQ, SIM_LEVEL_HIGH);
	CHECK_EQ(request_irq(IRQ, shared_handler, IRQF_SHARED, "a", &dev_a), 0);
	mismatch_ret = request_irq(IRQ, shared_handler, 0, "b", &dev_b);             /* not shared */
	null_dev_ret = request_irq(IRQ, shared_handler, IRQF_SHARED, "c", NULL);       /* NULL dev_id */
	oneshot_ret = request_threaded_irq(IRQ + 1, NULL, level_handler, 0, "t", &token); /* NULL + !ONESHOT */
	both_null_ret = request_threaded_irq(IRQ + 2, NULL, NULL, IRQF_ONESHOT, "n", &token);
	free_irq(IRQ, &dev_a);
	free_irq(IRQ, &dev_a); /* already freed: unknown dev_id */
}

/* ---- threaded IRQ with ONESHOT: the line stays masked until thread_fn returns ---- */
static irqreturn_t oneshot_thread(int irq, void *dev)
{
	thread_runs++;
	thread_saw_process = !in_interrupt() && !irqs_disabled();
	thread_saw_masked = sim_irq_is_masked(IRQ);
	msleep(2); /* may sleep: process context */
	sim_irq_set_level(IRQ, &token, false); /* device quiesced by the thread (like an I2C read) */
	return IRQ_HANDLED;
}
static void scen_oneshot(void)
{
	sim_irq_wire(IRQ, SIM_LEVEL_LOW);
	CHECK_EQ(request_threaded_irq(IRQ, NULL, oneshot_thread, IRQF_ONESHOT | IRQF_TRIGGER_LOW, "os", &token), 0);
	sim_event_after(1000, assert_level, NULL);
	msleep(10);
	CHECK(!sim_irq_is_masked(IRQ));
	free_irq(IRQ, &token);
}

/* ---- without ONESHOT a level line whose device the primary does not quiet storms ---- */
static irqreturn_t wake_primary(int irq, void *dev) { handled++; return IRQ_WAKE_THREAD; }
static irqreturn_t slow_thread(int irq, void *dev)
{
	thread_runs++;
	msleep(5);
	sim_irq_set_level(IRQ, &token, false);
	return IRQ_HANDLED;
}
static void scen_storm(void)
{
	sim_irq_wire(IRQ, SIM_LEVEL_HIGH);
	CHECK_EQ(request_threaded_irq(IRQ, wake_primary, slow_thread, IRQF_TRIGGER_HIGH, "storm", &token), 0);
	sim_event_after(1000, assert_level, NULL);
	msleep(20);
	free_irq(IRQ, &token);
}

/* ---- IRQ_NONE forever: "nobody cared" after the kernel's window ---- */
static irqreturn_t never_mine(int irq, void *dev) { handled++; return IRQ_NONE; }
static void scen_nobody_cared(void)
{
	sim_irq_wire(IRQ, SIM_LEVEL_HIGH);
	CHECK_EQ(request_irq(IRQ, never_mine, IRQF_TRIGGER_HIGH, "stuck", &token), 0);
	sim_event_after(1000, assert_level, NULL);
	msleep(5);
	free_irq(IRQ, &token);
}

/* ---- IRQ_WAKE_THREAD without a thread function ---- */
static void scen_wake_without_thread(void)
{
	sim_irq_wire(IRQ, SIM_EDGE_RISING);
	CHECK_EQ(request_irq(IRQ, wake_primary, 0, "nothread", &token), 0);
	sim_event_after(1000, edge_pulses, NULL);
	msleep(1);
	free_irq(IRQ, &token);
}

/* ---- disable_irq() from the line's own handler deadlocks ---- */
static irqreturn_t self_disabling(int irq, void *dev)
{
	handled++;
	disable_irq(irq);
	return IRQ_HANDLED;
}
static void scen_disable_in_handler(void)
{
	sim_irq_wire(IRQ, SIM_EDGE_RISING);
	CHECK_EQ(request_irq(IRQ, self_disabling, 0, "self", &token), 0);
	sim_event_after(1000, edge_pulses, NULL);
	msleep(1);
	free_irq(IRQ, &token);
}

int main(void)
{
	reset();
	run(scen_edge_coalesce);
	CHECK(handled >= 2 && handled <= 3); /* 5 edges, 1-2 coalesced re-runs */
	CHECK(handler_saw_hardirq);
	CHECK(handler_saw_irqs_off);
	CHECK_EQ(sim_finding_count(NULL), 0);

	reset();
	run(scen_level_refire);
	CHECK_EQ(handled, 3);
	CHECK_EQ(sim_finding_count(NULL), 0);

	reset();
	run(scen_depth);
	CHECK_EQ(sim_finding_count(NULL), 0);

	reset();
	run(scen_disable_waits);
	CHECK(!disable_returned_while_running);
	CHECK_EQ(handled, 1);

	reset();
	run(scen_shared);
	CHECK_EQ(sim_finding_count(NULL), 0);
	CHECK_EQ(handled, 1);

	reset();
	run(scen_request_checks);
	CHECK_EQ(mismatch_ret, -EBUSY);
	CHECK_EQ(null_dev_ret, -EINVAL);
	CHECK_EQ(oneshot_ret, -EINVAL);
	CHECK_EQ(both_null_ret, -EINVAL);
	CHECK_EQ(sim_finding_count("ctxlint-shared-irq-null-dev-id"), 1);
	CHECK_EQ(sim_finding_count("ctxlint-irqf-oneshot"), 1);
	CHECK_EQ(sim_finding_count("ctxlint-free-irq-dev-id"), 1);

	reset();
	run(scen_oneshot);
	CHECK_EQ(thread_runs, 1);
	CHECK(thread_saw_masked);
	CHECK(thread_saw_process);
	CHECK_EQ(sim_finding_count(NULL), 0);

	reset();
	run(scen_storm);
	CHECK_EQ(sim_finding_count("ctxlint-irq-storm"), 1);

	reset();
	run(scen_nobody_cared);
	CHECK_EQ(sim_finding_count("ctxlint-spurious-irq"), 1);
	CHECK(handled >= 100000);

	reset();
	run(scen_wake_without_thread);
	CHECK_EQ(sim_finding_count("ctxlint-irq-handler-return"), 1);

	reset();
	run(scen_disable_in_handler);
	CHECK_EQ(sim_finding_count("ctxlint-disable-irq-in-handler"), 1);
	CHECK_EQ(sim_finding_count("ctxlint-sleep-in-atomic"), 1); /* 6.12: disable_irq() may sleep */
	TEST_DONE();
}
