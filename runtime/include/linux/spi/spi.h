/* An SPI-like bus: spi_sync() and spi_write_then_read() sleep for the bus
 * time; spi_async() may be called from atomic context and completes later
 * from the controller's thread, calling message->complete(context). */
#ifndef _RT_LINUX_SPI_H
#define _RT_LINUX_SPI_H
#include <linux/device.h>
#include <linux/list.h>
#include <linux/module.h>
struct spi_device {
	struct device dev;
	char modalias[32];
	u32 max_speed_hz;
	u8 chip_select;
	int irq;
};
struct spi_transfer {
	const void *tx_buf;
	void *rx_buf;
	unsigned int len;
	struct list_head transfer_list;
};
struct spi_message {
	struct list_head transfers;
	struct spi_device *spi;
	void (*complete)(void *context);
	void *context;
	unsigned int actual_length;
	int status;
	struct list_head queue;
};
struct spi_device_id { char name[32]; unsigned long driver_data; };
struct spi_driver {
	const struct spi_device_id *id_table;
	int (*probe)(struct spi_device *spi);
	void (*remove)(struct spi_device *spi);
	struct device_driver driver;
};
__rt_inline void spi_message_init(struct spi_message *m)
{
	m->transfers.next = m->transfers.prev = &m->transfers;
	m->complete = NULL;
	m->context = NULL;
	m->actual_length = 0;
	m->status = 0;
}
__rt_inline void spi_message_add_tail(struct spi_transfer *t, struct spi_message *m)
{ list_add_tail(&t->transfer_list, &m->transfers); }
__rt_inline void *spi_get_drvdata(const struct spi_device *spi) { return spi->dev.driver_data; }
__rt_inline void spi_set_drvdata(struct spi_device *spi, void *data) { spi->dev.driver_data = data; }
int spi_sync(struct spi_device *spi, struct spi_message *message);
int spi_async(struct spi_device *spi, struct spi_message *message);
int spi_write_then_read(struct spi_device *spi, const void *txbuf, unsigned n_tx, void *rxbuf, unsigned n_rx);
__rt_inline int spi_write(struct spi_device *spi, const void *buf, size_t len)
{ return spi_write_then_read(spi, buf, (unsigned)len, NULL, 0); }
__rt_inline int spi_read(struct spi_device *spi, void *buf, size_t len)
{ return spi_write_then_read(spi, NULL, 0, buf, (unsigned)len); }
int __spi_register_driver(struct module *owner, struct spi_driver *sdrv);
#define spi_register_driver(driver) __spi_register_driver(THIS_MODULE, driver)
void spi_unregister_driver(struct spi_driver *sdrv);
#define module_spi_driver(__spi_driver) \
	static int __init __spi_driver##_init(void) { return spi_register_driver(&(__spi_driver)); } \
	module_init(__spi_driver##_init); \
	static void __exit __spi_driver##_exit(void) { spi_unregister_driver(&(__spi_driver)); } \
	module_exit(__spi_driver##_exit)
#endif
