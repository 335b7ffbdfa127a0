/* An I2C-like bus: every transfer sleeps for the bus time, so it may only be
 * used where sleeping is allowed (thread_fn, work, process context). */
#ifndef _RT_LINUX_I2C_H
#define _RT_LINUX_I2C_H
#include <linux/device.h>
#include <linux/module.h>
struct i2c_adapter { const char *name; int nr; };
struct i2c_client {
	unsigned short flags;
	unsigned short addr;
	char name[20];
	struct i2c_adapter *adapter;
	struct device dev;
	int irq;
};
struct i2c_device_id { char name[20]; unsigned long driver_data; };
struct i2c_driver {
	int (*probe)(struct i2c_client *client);
	void (*remove)(struct i2c_client *client);
	struct device_driver driver;
	const struct i2c_device_id *id_table;
};
#define to_i2c_client(d) container_of(d, struct i2c_client, dev)
__rt_inline void *i2c_get_clientdata(const struct i2c_client *client) { return client->dev.driver_data; }
__rt_inline void i2c_set_clientdata(struct i2c_client *client, void *data) { client->dev.driver_data = data; }
s32 i2c_smbus_read_byte_data(const struct i2c_client *client, u8 command);
s32 i2c_smbus_write_byte_data(const struct i2c_client *client, u8 command, u8 value);
s32 i2c_smbus_read_word_data(const struct i2c_client *client, u8 command);
int i2c_register_driver(struct module *owner, struct i2c_driver *driver);
void i2c_del_driver(struct i2c_driver *driver);
#define i2c_add_driver(driver) i2c_register_driver(THIS_MODULE, driver)
#define module_i2c_driver(__i2c_driver) \
	static int __init __i2c_driver##_init(void) { return i2c_add_driver(&(__i2c_driver)); } \
	module_init(__i2c_driver##_init); \
	static void __exit __i2c_driver##_exit(void) { i2c_del_driver(&(__i2c_driver)); } \
	module_exit(__i2c_driver##_exit)
#define I2C_M_RD 0x0001
struct i2c_msg { u16 addr; u16 flags; u16 len; u8 *buf; };
int i2c_transfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
int i2c_master_send(const struct i2c_client *client, const char *buf, int count);
int i2c_master_recv(const struct i2c_client *client, char *buf, int count);
s32 i2c_smbus_write_word_data(const struct i2c_client *client, u8 command, u16 value);
s32 i2c_smbus_read_i2c_block_data(const struct i2c_client *client, u8 command, u8 length, u8 *values);
s32 i2c_smbus_write_i2c_block_data(const struct i2c_client *client, u8 command, u8 length, const u8 *values);
#endif
