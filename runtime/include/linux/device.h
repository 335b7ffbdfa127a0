/* Devices and device-managed (devm_*) resources, released after remove(). */
#ifndef _RT_LINUX_DEVICE_H
#define _RT_LINUX_DEVICE_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
struct device_driver { const char *name; struct module *owner; };
struct device {
	const char *init_name;
	void *driver_data;
	void *platform_data;
	struct device_driver *driver;
	void *__rt_devres;
	void *__rt_model; /* the simulated hardware behind this device */
};
__rt_inline void *dev_get_drvdata(const struct device *dev) { return dev->driver_data; }
__rt_inline void dev_set_drvdata(struct device *dev, void *data) { dev->driver_data = data; }
__rt_inline const char *dev_name(const struct device *dev) { return dev->init_name ? dev->init_name : "sim-device"; }
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);
void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);
#define dev_err(dev, fmt, ...) printk(KERN_ERR "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) printk(KERN_WARNING "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) printk(KERN_INFO "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) printk(KERN_DEBUG "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) printk(KERN_NOTICE "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
__rt_fwd void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags)
{ return devm_kzalloc(dev, n * size, flags); }
#endif
