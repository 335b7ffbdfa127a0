#ifndef _RT_LINUX_CDEV_H
#define _RT_LINUX_CDEV_H
#include <linux/fs.h>
struct cdev {
	const struct file_operations *ops;
	struct module *owner;
	dev_t dev;
	unsigned count;
};
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
int cdev_add(struct cdev *p, dev_t dev, unsigned count);
void cdev_del(struct cdev *p);
#endif
