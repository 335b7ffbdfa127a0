/* A driver for the simulated slow I2C sensor: its active-low level interrupt
 * is handled by a threaded handler (I2C reads sleep) with IRQF_ONESHOT, so the
 * line stays masked until the thread has read the data register.
 * Bug variants:
 *   SENSOR_BUG_NO_ONESHOT    request_threaded_irq(NULL handler) without IRQF_ONESHOT
 *   SENSOR_BUG_HARDIRQ_READ  reads the sensor from a hardirq handler (request_irq)
 *   SENSOR_BUG_UNCHECKED     ignores the wait_event_interruptible() result */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/slab.h>

#define REG_WHO_AM_I 0x00
#define REG_DATA 0x02
#define REG_CTRL 0x03

struct sensor {
	struct i2c_client *client;
	struct mutex lock; /* serializes bus access and protects the sample */
	wait_queue_head_t wq;
	int sample;
	unsigned long nsamples, nread;
	struct miscdevice misc;
};
static struct sensor *the_sensor;

static irqreturn_t sensor_irq_thread(int irq, void *dev_id)
{
	struct sensor *s = dev_id;
	int v;
	mutex_lock(&s->lock);
	v = i2c_smbus_read_byte_data(s->client, REG_DATA); /* sleeps; releases the line */
	if (v >= 0) {
		s->sample = v;
		s->nsamples++;
	}
	mutex_unlock(&s->lock);
	wake_up_interruptible(&s->wq);
	return v >= 0 ? IRQ_HANDLED : IRQ_NONE;
}

#ifdef SENSOR_BUG_HARDIRQ_READ
static irqreturn_t sensor_hardirq(int irq, void *dev_id)
{
	return sensor_irq_thread(irq, dev_id);
}
#endif

static ssize_t sensor_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	struct sensor *s = the_sensor;
	unsigned long seen = s->nread;
	char c;
#ifdef SENSOR_BUG_UNCHECKED
	wait_event_interruptible(s->wq, s->nsamples > seen);
#else
	if (wait_event_interruptible(s->wq, s->nsamples > seen))
		return -ERESTARTSYS;
#endif
	mutex_lock(&s->lock);
	c = (char)s->sample;
	s->nread = s->nsamples;
	mutex_unlock(&s->lock);
	if (copy_to_user(buf, &c, 1))
		return -EFAULT;
	return 1;
}
static const struct file_operations sensor_fops = { .owner = THIS_MODULE, .read = sensor_read };

static int sensor_probe(struct i2c_client *client)
{
	struct sensor *s;
	int ret;
	if (i2c_smbus_read_byte_data(client, REG_WHO_AM_I) != 0x5a)
		return -ENODEV;
	s = devm_kzalloc(&client->dev, sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->client = client;
	mutex_init(&s->lock);
	init_waitqueue_head(&s->wq);
	i2c_set_clientdata(client, s);
	the_sensor = s;
#if defined(SENSOR_BUG_NO_ONESHOT)
	ret = devm_request_threaded_irq(&client->dev, client->irq, NULL, sensor_irq_thread, IRQF_TRIGGER_LOW,
					"sensor", s);
#elif defined(SENSOR_BUG_HARDIRQ_READ)
	ret = devm_request_irq(&client->dev, client->irq, sensor_hardirq, IRQF_TRIGGER_LOW, "sensor", s);
#else
	ret = devm_request_threaded_irq(&client->dev, client->irq, NULL, sensor_irq_thread,
					IRQF_TRIGGER_LOW | IRQF_ONESHOT, "sensor", s);
#endif
	if (ret)
		return ret;
	s->misc.minor = MISC_DYNAMIC_MINOR;
	s->misc.name = "sensor";
	s->misc.fops = &sensor_fops;
	ret = misc_register(&s->misc);
	if (ret)
		return ret;
	/* start measuring with the data-ready interrupt enabled */
	return i2c_smbus_write_byte_data(client, REG_CTRL, 0x03);
}

static void sensor_remove(struct i2c_client *client)
{
	struct sensor *s = i2c_get_clientdata(client);
	i2c_smbus_write_byte_data(client, REG_CTRL, 0);
	misc_deregister(&s->misc);
}

static const struct i2c_device_id sensor_ids[] = { { "simsensor", 0 }, { "" } };
static struct i2c_driver sensor_driver = {
	.probe = sensor_probe,
	.remove = sensor_remove,
	.driver = { .name = "simsensor" },
	.id_table = sensor_ids,
};
module_i2c_driver(sensor_driver);
MODULE_LICENSE("GPL");

#ifdef CTXLINT_SIM
#include <sim/sim.h>
#include <sim/devices.h>
#include <linux/delay.h>

static void reader(void *arg)
{
	int fd = sim_open("sensor");
	for (int i = 0; i < 5; i++)
		sim_read(fd, sim_user_alloc(4), 4);
	sim_close(fd);
}
static void impatient(void *arg)
{
	int fd = sim_open("sensor");
	sim_read(fd, sim_user_alloc(4), 4);
	sim_close(fd);
}
SIM_SCENARIO(sensor_basic)
{
	struct sim_sensor *dev = sim_sensor_create(42, 5000000); /* a sample every 5 ms */
	if (sim_insmod())
		return;
	struct i2c_client *client = sim_i2c_add("simsensor", 0x48, 42, &sim_sensor_i2c_ops, dev);
	struct task_struct *r = sim_spawn("reader", reader, NULL);
	sim_join(r);
	struct task_struct *i = sim_spawn("impatient", impatient, NULL);
	msleep(1);
	sim_kill(i, SIGINT);
	sim_join(i);
#ifndef SENSOR_BUG_NO_ONESHOT /* there the probe fails and nothing is read */
	BUG_ON(sim_sensor_samples_read(dev) < 5); /* the reader got its five samples */
#endif
	sim_i2c_remove(client);
	sim_rmmod();
	sim_sensor_destroy(dev);
}
#endif
