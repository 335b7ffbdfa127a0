/* The SPI-like bus: devices bound to drivers by modalias, synchronous
 * transfers that sleep for the bus time (1 us per byte), and asynchronous
 * messages completed by a controller thread. */
#include "internal.h"
#include <linux/spi/spi.h>

struct sim_spi_dev { struct spi_device spi; const struct sim_spi_ops *ops; void *model; struct spi_driver *bound; };
static struct spi_driver *sdrivers[8];
static int nsdrivers;
static struct sim_spi_dev *sdevs[8];
static int nsdevs;
static LIST_HEAD(async_queue);
static struct rt_task *pump;

void rt_spi_reset(void)
{
	for (int i = 0; i < nsdevs; i++)
		free(sdevs[i]);
	nsdevs = nsdrivers = 0;
	INIT_LIST_HEAD(&async_queue);
	pump = NULL;
}

static long thunk_probe(void *fn, void *a, void *b, void *c) { (void)b; (void)c; return ((int (*)(void *))fn)(a); }
static long thunk_remove(void *fn, void *a, void *b, void *c) { (void)b; (void)c; ((void (*)(void *))fn)(a); return 0; }
static bool match(struct spi_driver *d, struct spi_device *s)
{
	if (d->id_table)
		for (const struct spi_device_id *id = d->id_table; id->name[0]; id++)
			if (!strcmp(id->name, s->modalias))
				return true;
	return d->driver.name && !strcmp(d->driver.name, s->modalias);
}
static void bind(struct sim_spi_dev *d)
{
	for (int k = 0; k < nsdrivers && !d->bound; k++)
		if (match(sdrivers[k], &d->spi)) {
			d->spi.dev.driver = &sdrivers[k]->driver;
			if (rt_call_entry("spi probe", (void *)sdrivers[k]->probe, 0, thunk_probe, &d->spi, NULL, NULL) == 0)
				d->bound = sdrivers[k];
			else
				rt_devres_release(&d->spi.dev);
		}
}
static void unbind(struct sim_spi_dev *d)
{
	if (!d->bound)
		return;
	if (d->bound->remove)
		rt_call_entry("spi remove", (void *)d->bound->remove, 0, thunk_remove, &d->spi, NULL, NULL);
	rt_devres_release(&d->spi.dev);
	void *ids[3] = { &d->spi, &d->spi.dev, d->spi.dev.driver_data };
	rt_irq_check_leftovers((void *)d->bound->remove, "device removal", ids, 3);
	d->bound = NULL;
}
int __spi_register_driver(struct module *owner, struct spi_driver *sdrv)
{
	(void)owner;
	if (nsdrivers < 8)
		sdrivers[nsdrivers++] = sdrv;
	for (int i = 0; i < nsdevs; i++)
		bind(sdevs[i]);
	return 0;
}
void spi_unregister_driver(struct spi_driver *sdrv)
{
	for (int i = 0; i < nsdevs; i++)
		if (sdevs[i]->bound == sdrv)
			unbind(sdevs[i]);
	for (int k = 0; k < nsdrivers; k++)
		if (sdrivers[k] == sdrv)
			sdrivers[k] = sdrivers[--nsdrivers];
}
struct spi_device *sim_spi_add(const char *modalias, int irq, const struct sim_spi_ops *ops, void *model)
{
	struct sim_spi_dev *d = calloc(1, sizeof(*d));
	snprintf(d->spi.modalias, sizeof(d->spi.modalias), "%s", modalias);
	d->spi.irq = irq;
	d->spi.max_speed_hz = 8000000;
	d->spi.dev.init_name = d->spi.modalias;
	d->spi.dev.__rt_model = model;
	d->ops = ops;
	d->model = model;
	if (nsdevs < 8)
		sdevs[nsdevs++] = d;
	bind(d);
	return &d->spi;
}
void sim_spi_remove(struct spi_device *spi)
{
	for (int i = 0; i < nsdevs; i++)
		if (&sdevs[i]->spi == spi) {
			unbind(sdevs[i]);
			sdevs[i] = sdevs[--nsdevs];
			return;
		}
}

static int run_message(struct spi_device *spi, struct spi_message *m)
{
	struct sim_spi_dev *d = container_of(spi, struct sim_spi_dev, spi);
	struct spi_transfer *t;
	unsigned int total = 0;
	list_for_each_entry(t, &m->transfers, transfer_list)
		total += t->len;
	sim_bus_delay(1000ULL * total + 2000);
	list_for_each_entry(t, &m->transfers, transfer_list) {
		u8 *tx = calloc(1, t->len ? t->len : 1), *rx = calloc(1, t->len ? t->len : 1);
		if (t->tx_buf)
			memcpy(tx, t->tx_buf, t->len);
		if (d->ops && d->ops->transfer)
			d->ops->transfer(d->model, tx, rx, t->len);
		if (t->rx_buf)
			memcpy(t->rx_buf, rx, t->len);
		free(tx);
		free(rx);
	}
	m->actual_length = total;
	m->status = 0;
	return 0;
}
int spi_sync(struct spi_device *spi, struct spi_message *message)
{
	rt_sleep_check("spi_sync()", NULL, 0, __builtin_return_address(0));
	message->spi = spi;
	return run_message(spi, message);
}
int spi_write_then_read(struct spi_device *spi, const void *txbuf, unsigned n_tx, void *rxbuf, unsigned n_rx)
{
	rt_sleep_check("spi_write_then_read()", NULL, 0, __builtin_return_address(0));
	struct spi_message m;
	struct spi_transfer t[2];
	memset(t, 0, sizeof(t));
	spi_message_init(&m);
	if (n_tx) {
		t[0].tx_buf = txbuf;
		t[0].len = n_tx;
		spi_message_add_tail(&t[0], &m);
	}
	if (n_rx) {
		t[1].rx_buf = rxbuf;
		t[1].len = n_rx;
		spi_message_add_tail(&t[1], &m);
	}
	m.spi = spi;
	return run_message(spi, &m);
}
static long thunk_complete(void *fn, void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	((void (*)(void *))fn)(a);
	return 0;
}
/* The controller's message pump (a kthread, like spi_pump_messages). */
static void pump_body(void *arg)
{
	(void)arg;
	struct rt_task *t = rt.running;
	for (;;) {
		while (list_empty(&async_queue)) {
			t->ts.__state = TASK_INTERRUPTIBLE;
			rt_block("spi pump idle", NULL, 0, NULL);
		}
		struct spi_message *m = list_first_entry(&async_queue, struct spi_message, queue);
		list_del_init(&m->queue);
		run_message(m->spi, m);
		if (m->complete)
			rt_call_entry("spi message completion", (void *)m->complete, 0, thunk_complete, m->context, NULL,
				      NULL);
	}
}
int spi_async(struct spi_device *spi, struct spi_message *message)
{
	/* callable from any context: queue only */
	message->spi = spi;
	message->status = -EINPROGRESS;
	if (!pump)
		pump = rt_task_create("spi0", RT_TASK_KTHREAD, pump_body, NULL, -1);
	list_add_tail(&message->queue, &async_queue);
	rt_wake(pump, TASK_NORMAL);
	return 0;
}
