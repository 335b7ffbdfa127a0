#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include "rt_test.h"

static DEFINE_SPINLOCK(lock_a);
static DEFINE_MUTEX(mtx);
static int counter;

static void bad_sleep(void)
{
	spin_lock(&lock_a);
	mutex_lock(&mtx);
	counter++;
	mutex_unlock(&mtx);
	spin_unlock(&lock_a);
}

static void scen_sleep(void)
{
	bad_sleep();
	msleep(5);
}

static void good(void)
{
	mutex_lock(&mtx);
	counter++;
	mutex_unlock(&mtx);
	spin_lock(&lock_a);
	counter++;
	spin_unlock(&lock_a);
	msleep(3);
}

int main(void)
{
	run(scen_sleep);
	CHECK_EQ(sim_finding_count("ctxlint-sleep-in-atomic"), 1);
	run(good);
	CHECK_EQ(sim_finding_count(NULL), 0);
	CHECK(counter == 3);
	TEST_DONE();
}
