/* Fault injection drives error paths: a module init whose request_irq()
 * fails must undo what it did before; kmalloc() failures are returned. */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/slab.h>
#include "rt_test.h"

static struct timer_list poll_timer;
static bool forgets_timer;
static int tok;
static void poll_fn(struct timer_list *t) { }
static irqreturn_t h(int irq, void *dev) { return IRQ_HANDLED; }
static int __init faulty_init(void)
{
	int ret;
	timer_setup(&poll_timer, poll_fn, 0);
	mod_timer(&poll_timer, jiffies + 100);
	ret = request_irq(3, h, 0, "faulty", &tok);
	if (ret) {
		if (!forgets_timer)
			del_timer_sync(&poll_timer);
		return ret;
	}
	return 0;
}
static void __exit faulty_exit(void)
{
	free_irq(3, &tok);
	del_timer_sync(&poll_timer);
}
module_init(faulty_init);
module_exit(faulty_exit);

static int init_ret;
static void *p1, *p2;
static void scen_init_fails(void)
{
	sim_fail_next("request_irq", 1);
	init_ret = sim_insmod();
	sim_rmmod(); /* not loaded: nothing happens */
}
static void scen_kmalloc(void)
{
	sim_fail_next("kmalloc", 1);
	p1 = kmalloc(16, GFP_KERNEL);
	p2 = kmalloc(16, GFP_KERNEL);
	kfree(p2);
}

int main(void)
{
	forgets_timer = false;
	run(scen_init_fails);
	CHECK_EQ(init_ret, -EBUSY);
	CHECK_EQ(sim_finding_count(NULL), 0);
	forgets_timer = true;
	run(scen_init_fails);
	CHECK_EQ(sim_finding_count("ctxlint-teardown-missing-kill"), 1);
	CHECK_EQ(sim_finding_count(NULL), 1);
	run(scen_kmalloc);
	CHECK(p1 == NULL);
	CHECK(p2 != NULL);
	TEST_DONE();
}
