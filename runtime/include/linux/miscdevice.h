#ifndef _RT_LINUX_MISCDEVICE_H
#define _RT_LINUX_MISCDEVICE_H
#include <linux/fs.h>
#define MISC_DYNAMIC_MINOR 255
struct device;
struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct device *this_device;
	umode_t mode;
};
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);
#endif
