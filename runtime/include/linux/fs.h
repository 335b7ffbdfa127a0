/* The file_operations subset a character driver needs. */
#ifndef _RT_LINUX_FS_H
#define _RT_LINUX_FS_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/wait.h>
struct inode {
	dev_t i_rdev;
	void *i_private;
	struct cdev *i_cdev;
};
struct file;
struct poll_table_struct;
struct module;
struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	unsigned int (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *, void *id);
	int (*release)(struct inode *, struct file *);
	int (*fasync)(int, struct file *, int);
};
struct file {
	const struct file_operations *f_op;
	unsigned int f_flags;
	fmode_t f_mode;
	loff_t f_pos;
	void *private_data;
	struct inode *f_inode;
};
#define O_NONBLOCK 00004000
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2
#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))
__rt_inline unsigned iminor(const struct inode *inode) { return MINOR(inode->i_rdev); }
__rt_inline unsigned imajor(const struct inode *inode) { return MAJOR(inode->i_rdev); }
__rt_inline struct inode *file_inode(const struct file *f) { return f->f_inode; }
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name);
int register_chrdev_region(dev_t from, unsigned count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned count);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
int nonseekable_open(struct inode *inode, struct file *filp);
#endif
