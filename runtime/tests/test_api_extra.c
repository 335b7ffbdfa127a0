/* rw_semaphores, scope guards, *_locked waits, hrtimeouts, kmem caches and
 * raw I2C transfers. */
#include <linux/module.h>
#include <linux/rwsem.h>
#include <linux/cleanup.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/hrtimer.h>
#include <linux/rcupdate.h>
#include <linux/i2c.h>
#include <sim/devices.h>
#include <linux/string.h>
#include "rt_test.h"

static DECLARE_RWSEM(sem);
static int readers_inside, max_readers, writer_saw_readers;
static void reader(void *arg)
{
	down_read(&sem);
	if (++readers_inside > max_readers)
		max_readers = readers_inside;
	msleep(2);
	readers_inside--;
	up_read(&sem);
}
static void writer(void *arg)
{
	msleep(1);
	down_write(&sem);
	writer_saw_readers = readers_inside;
	up_write(&sem);
}
static void scen_rwsem(void)
{
	struct task_struct *a = sim_spawn("r1", reader, NULL), *b = sim_spawn("r2", reader, NULL);
	struct task_struct *w = sim_spawn("w", writer, NULL);
	sim_join(a);
	sim_join(b);
	sim_join(w);
}
static void scen_rwsem_recursive(void)
{
	down_read(&sem);
	down_read(&sem); /* rwsem readers are not recursive for lockdep */
	up_read(&sem);
	up_read(&sem);
}

static DEFINE_SPINLOCK(glock);
static DEFINE_MUTEX(gmutex);
static int guarded;
static int guarded_update(void)
{
	guard(spinlock_irqsave)(&glock);
	guarded++;
	return guarded; /* the guard restores interrupts here */
}
static void scen_guards(void)
{
	guarded_update();
	scoped_guard(mutex, &gmutex) {
		guarded++;
	}
	CHECK(!mutex_is_locked(&gmutex));
	CHECK(!spin_is_locked(&glock));
	CHECK(!irqs_disabled());
	scoped_guard(rcu) {
		guarded++;
	}
	guard(spinlock)(&glock);
	msleep(1); /* sleeping with the guard's spinlock held */
}

static DECLARE_WAIT_QUEUE_HEAD(lwq);
static int lcond;
static long lret;
static void locked_waiter(void *arg)
{
	spin_lock(&lwq.lock);
	lret = wait_event_interruptible_locked(lwq, lcond);
	spin_unlock(&lwq.lock);
}
static void scen_locked_wait(void)
{
	lcond = 0;
	struct task_struct *t = sim_spawn("lw", locked_waiter, NULL);
	msleep(1);
	spin_lock(&lwq.lock);
	lcond = 1;
	spin_unlock(&lwq.lock);
	wake_up(&lwq);
	sim_join(t);
}

static u64 slept_ns;
static struct kmem_cache *cache;
static char sent, got;
static void scen_misc(void)
{
	u64 t0 = sim_now_ns();
	ktime_t to = us_to_ktime(300);
	set_current_state(TASK_UNINTERRUPTIBLE);
	CHECK_EQ(schedule_hrtimeout(&to, HRTIMER_MODE_REL), 0);
	slept_ns = sim_now_ns() - t0;
	cache = kmem_cache_create("things", 48, 0, 0, NULL);
	void *p = kmem_cache_zalloc(cache, GFP_KERNEL);
	CHECK(p && ((char *)p)[47] == 0);
	kmem_cache_free(cache, p);
	kmem_cache_destroy(cache);
	unsigned long page = get_zeroed_page(GFP_KERNEL);
	CHECK(page && ((char *)page)[4095] == 0);
	free_page(page);
	struct sim_sensor *s = sim_sensor_create(20, 1000000);
	struct i2c_client *c = sim_i2c_add("nodriver", 0x48, 20, &sim_sensor_i2c_ops, s);
	char cmd[2] = { SENSOR_REG_CTRL, SENSOR_CTRL_MEASURE };
	CHECK_EQ(i2c_master_send(c, cmd, 2), 2);
	u8 reg = SENSOR_REG_WHO_AM_I, val = 0;
	struct i2c_msg msgs[2] = { { 0x48, 0, 1, &reg }, { 0x48, I2C_M_RD, 1, &val } };
	CHECK_EQ(i2c_transfer(c->adapter, msgs, 2), 2);
	got = (char)val;
	sent = 0x5a;
	sim_i2c_remove(c);
	sim_sensor_destroy(s);
}

/* RCU: synchronize_rcu() waits for a reader in another task; call_rcu()
 * callbacks run only after it left its read-side section. */
static bool reader_inside, cb_ran_while_reading, cb_ran;
static u64 sync_done_at, reader_left_at;
static struct rcu_head rh;
static void rcu_cb(struct rcu_head *h) { cb_ran = true; cb_ran_while_reading = reader_inside; }
static void rcu_reader(void *arg)
{
	rcu_read_lock();
	reader_inside = true;
	mdelay(3); /* busy, not sleeping */
	reader_inside = false;
	reader_left_at = sim_now_ns();
	rcu_read_unlock();
}
static void scen_rcu(void)
{
	struct task_struct *r = sim_spawn("rcu-reader", rcu_reader, NULL);
	while (!reader_inside)
		udelay(10);
	call_rcu(&rh, rcu_cb);
	synchronize_rcu();
	sync_done_at = sim_now_ns();
	sim_join(r);
	msleep(5);
}

#include <linux/kfifo.h>
static DEFINE_KFIFO(ifo, int, 8);
static struct kfifo bytes;
static void scen_kfifo(void)
{
	for (int i = 0; i < 10; i++)
		kfifo_put(&ifo, i);
	CHECK_EQ(kfifo_len(&ifo), 8); /* full at 8 */
	int v = -1;
	CHECK_EQ(kfifo_get(&ifo, &v), 1);
	CHECK_EQ(v, 0);
	CHECK(kfifo_put(&ifo, 99));
	int out[8];
	CHECK_EQ(kfifo_out(&ifo, out, 8), 8);
	CHECK_EQ(out[6], 7);
	CHECK_EQ(out[7], 99);
	CHECK(kfifo_is_empty(&ifo));
	CHECK_EQ(kfifo_alloc(&bytes, 100, GFP_KERNEL), 0);
	CHECK_EQ(kfifo_size(&bytes), 128);
	kfifo_in(&bytes, "hello", 5);
	char __user *u = sim_user_alloc(16);
	unsigned int copied = 0;
	CHECK_EQ(kfifo_to_user(&bytes, u, 16, &copied), 0);
	CHECK_EQ(copied, 5);
	CHECK(!memcmp(u, "hello", 5));
	kfifo_free(&bytes);
}

#include <linux/mempool.h>
#include <linux/dma-mapping.h>
#include <linux/kthread.h>
static mempool_t *pool;
static int parks, park_loops;
static int parking_thread(void *d)
{
	while (!kthread_should_stop()) {
		if (kthread_should_park()) {
			parks++;
			kthread_parkme();
		}
		park_loops++;
		msleep(1);
	}
	return 0;
}
static void scen_pool_dma_park(void)
{
	dma_addr_t h = 0;
	void *buf = dma_alloc_coherent(NULL, 256, &h, GFP_KERNEL);
	CHECK(buf && h == (dma_addr_t)(uintptr_t)buf);
	dma_free_coherent(NULL, 256, buf, h);
	pool = mempool_create_kmalloc_pool(2, 64);
	CHECK(pool != NULL && pool->curr_nr == 2);
	void *e = mempool_alloc(pool, GFP_KERNEL);
	CHECK(e != NULL);
	mempool_free(e, pool);
	struct task_struct *k = kthread_run(parking_thread, NULL, "parker");
	msleep(3);
	CHECK_EQ(kthread_park(k), 0);
	int loops = park_loops;
	msleep(5);
	CHECK_EQ(park_loops, loops); /* parked: not running */
	kthread_unpark(k);
	msleep(3);
	CHECK(park_loops > loops);
	kthread_stop(k);
	CHECK_EQ(parks, 1);
	mempool_destroy(pool);
}

#include <linux/spi/spi.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
/* an SPI register file: first byte = register, reads return reg + 0x40 */
static u8 spi_last_reg;
static void spi_model_xfer(void *model, const u8 *tx, u8 *rx, unsigned int len)
{
	for (unsigned int i = 0; i < len; i++) {
		if (tx[i])
			spi_last_reg = tx[i];
		rx[i] = spi_last_reg + 0x40;
	}
}
static const struct sim_spi_ops spi_model_ops = { spi_model_xfer };
static struct spi_device *spidev;
static int probed_id;
static DECLARE_COMPLETION(spi_done);
static u8 async_rx[2];
static struct spi_transfer async_t = { .rx_buf = async_rx, .len = 2 };
static struct spi_message async_m;
static void spi_complete_cb(void *ctx) { complete(ctx); }
static int spitest_probe(struct spi_device *spi)
{
	u8 reg = 0x0f, id = 0;
	int r = spi_write_then_read(spi, &reg, 1, &id, 1);
	probed_id = id;
	spidev = spi;
	return r;
}
static const struct spi_device_id spitest_ids[] = { { "simspi", 0 }, { "" } };
static struct spi_driver spitest_driver = { .id_table = spitest_ids, .probe = spitest_probe, .driver = { .name = "simspi" } };
static bool spi_sync_in_irq;
static irqreturn_t spi_irq(int irq, void *dev)
{
	if (spi_sync_in_irq) {
		u8 b;
		spi_read(spidev, &b, 1); /* sleeps: not in hardirq context */
	}
	spi_message_init(&async_m);
	spi_message_add_tail(&async_t, &async_m);
	async_m.complete = spi_complete_cb;
	async_m.context = &spi_done;
	spi_async(spidev, &async_m); /* fine in hardirq context */
	return IRQ_HANDLED;
}
static void spi_pulse(void *a) { sim_irq_edge(21); }
static void scen_spi(void)
{
	reinit_completion(&spi_done);
	spi_register_driver(&spitest_driver);
	struct spi_device *d = sim_spi_add("simspi", 21, &spi_model_ops, NULL);
	CHECK_EQ(probed_id, 0x4f);
	sim_irq_wire(21, SIM_EDGE_RISING);
	CHECK_EQ(request_irq(21, spi_irq, 0, "spi", d), 0);
	sim_event_after(1000, spi_pulse, NULL);
	CHECK(wait_for_completion_timeout(&spi_done, 10) > 0);
	CHECK_EQ(async_m.actual_length, 2);
	free_irq(21, d);
	sim_spi_remove(d);
	spi_unregister_driver(&spitest_driver);
}

static struct hrtimer hrt;
static int hr_count, hr_hard_ok, hr_soft_ok;
static bool hr_sleep;
static enum hrtimer_restart hr_cb(struct hrtimer *t)
{
	if (t->is_soft)
		hr_soft_ok = in_serving_softirq() && !in_irq();
	else
		hr_hard_ok = in_irq() && irqs_disabled();
	if (hr_sleep)
		msleep(1);
	if (++hr_count == 5)
		return HRTIMER_NORESTART;
	hrtimer_forward_now(t, us_to_ktime(100));
	return HRTIMER_RESTART;
}
static enum hrtimer_mode hr_mode;
static void scen_hrtimer(void)
{
	hr_count = 0;
	hrtimer_init(&hrt, CLOCK_MONOTONIC, hr_mode);
	hrt.function = hr_cb;
	u64 t0 = sim_now_ns();
	hrtimer_start(&hrt, us_to_ktime(100), hr_mode);
	while (hr_count < 5 && sim_now_ns() - t0 < 10000000)
		udelay(10);
	CHECK(!hrtimer_active(&hrt));
	hrtimer_cancel(&hrt);
}

int main(void)
{
	run(scen_spi);
	CHECK_EQ(sim_finding_count(NULL), 0);
	spi_sync_in_irq = true;
	run(scen_spi);
	CHECK_EQ(sim_finding_count("ctxlint-sleep-in-atomic"), 1);
	spi_sync_in_irq = false;

	run(scen_pool_dma_park);
	CHECK_EQ(sim_finding_count(NULL), 0);

	run(scen_kfifo);
	CHECK_EQ(sim_finding_count(NULL), 0);

	run(scen_rcu);
	CHECK(cb_ran);
	CHECK(!cb_ran_while_reading);
	CHECK(sync_done_at >= reader_left_at);
	CHECK_EQ(sim_finding_count(NULL), 0);

	hr_mode = HRTIMER_MODE_REL;
	run(scen_hrtimer);
	CHECK_EQ(hr_count, 5);
	CHECK(hr_hard_ok);
	CHECK_EQ(sim_finding_count(NULL), 0);
	hr_mode = HRTIMER_MODE_REL_SOFT;
	run(scen_hrtimer);
	CHECK_EQ(hr_count, 5);
	CHECK(hr_soft_ok);
	hr_mode = HRTIMER_MODE_REL;
	hr_sleep = true;
	run(scen_hrtimer);
	CHECK_EQ(sim_finding_count("ctxlint-sleep-in-atomic"), 1);
	hr_sleep = false;

	run(scen_rwsem);
	CHECK_EQ(max_readers, 2);
	CHECK_EQ(writer_saw_readers, 0);
	CHECK_EQ(sim_finding_count(NULL), 0);
	run(scen_rwsem_recursive);
	CHECK_EQ(sim_finding_count("ctxlint-double-lock"), 1);

	run(scen_guards);
	CHECK_EQ(guarded, 3);
	CHECK_EQ(sim_finding_count(NULL), 1); /* only the msleep under guard(spinlock) */
	CHECK_EQ(sim_finding_count("ctxlint-sleep-in-atomic"), 1);

	run(scen_locked_wait);
	CHECK_EQ(lret, 0);
	CHECK_EQ(sim_finding_count(NULL), 0);

	run(scen_misc);
	CHECK(slept_ns >= 300000 && slept_ns < 400000);
	CHECK_EQ(got, sent);
	CHECK_EQ(sim_finding_count(NULL), 0);
	TEST_DONE();
}
