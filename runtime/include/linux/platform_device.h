#ifndef _RT_LINUX_PLATFORM_DEVICE_H
#define _RT_LINUX_PLATFORM_DEVICE_H
#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/module.h>
struct platform_device {
	const char *name;
	int id;
	struct device dev;
	unsigned int num_resources;
	struct resource *resource;
};
struct platform_driver {
	int (*probe)(struct platform_device *);
	void (*remove)(struct platform_device *);
	struct device_driver driver;
};
#define to_platform_device(x) container_of((x), struct platform_device, dev)
__rt_inline void *platform_get_drvdata(const struct platform_device *pdev) { return pdev->dev.driver_data; }
__rt_inline void platform_set_drvdata(struct platform_device *pdev, void *data) { pdev->dev.driver_data = data; }
int __platform_driver_register(struct platform_driver *drv, struct module *owner);
#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE)
void platform_driver_unregister(struct platform_driver *drv);
int platform_get_irq(struct platform_device *pdev, unsigned int num);
struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type, unsigned int num);
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
#define module_platform_driver(__platform_driver) \
	static int __init __platform_driver##_init(void) { return platform_driver_register(&(__platform_driver)); } \
	module_init(__platform_driver##_init); \
	static void __exit __platform_driver##_exit(void) { platform_driver_unregister(&(__platform_driver)); } \
	module_exit(__platform_driver##_exit)
#endif
