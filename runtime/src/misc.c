/* Memory, user copies, port/MMIO dispatch to device models, modules, char
 * devices and the system calls on them, platform and I2C buses, devres. */
#include "internal.h"

/* ---- slab ---- */
#define SLAB_MAGIC 0x51ab51abU
#define SLAB_FREED 0xdeadf4eeU
struct slab_hdr {
	size_t size;
	unsigned int magic;
	unsigned int pad;
};
/* Freed blocks are poisoned and kept until the run ends, so a callback that
 * still runs into freed memory does not corrupt the simulator's heap. */
static struct slab_hdr **quarantine;
static int nquar, capquar;

void rt_slab_reset(void)
{
	for (int i = 0; i < nquar; i++)
		free(quarantine[i]);
	free(quarantine);
	quarantine = NULL;
	nquar = capquar = 0;
}

static void *do_alloc(size_t size, gfp_t flags, struct rt_site s, const char *api)
{
	if (flags & __GFP_DIRECT_RECLAIM)
		rt_sleep_check(api, s.file, s.line, s.ra);
	rt_point();
	if (rt.fail_kmalloc > 0) {
		rt.fail_kmalloc--;
		return NULL;
	}
	struct slab_hdr *h = malloc(sizeof(*h) + (size ? size : 1));
	if (!h)
		return NULL;
	h->size = size;
	h->magic = SLAB_MAGIC;
	void *p = h + 1;
	if (flags & __GFP_ZERO)
		memset(p, 0, size);
	else
		memset(p, 0xa5, size); /* uninitialized memory is not zero */
	return p;
}
#define CALLER() ((struct rt_site){ NULL, 0, __builtin_return_address(0) })
void *kmalloc(size_t size, gfp_t flags) { return do_alloc(size, flags, CALLER(), "kmalloc(GFP_KERNEL)"); }
void *kzalloc(size_t size, gfp_t flags) { return do_alloc(size, flags | __GFP_ZERO, CALLER(), "kzalloc(GFP_KERNEL)"); }
void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return do_alloc(n * size, flags | __GFP_ZERO, CALLER(), "kcalloc(GFP_KERNEL)");
}
void *kmalloc_array(size_t n, size_t size, gfp_t flags) { return do_alloc(n * size, flags, CALLER(), "kmalloc_array(GFP_KERNEL)"); }
void *kvmalloc(size_t size, gfp_t flags) { return do_alloc(size, flags, CALLER(), "kvmalloc(GFP_KERNEL)"); }
void *kvzalloc(size_t size, gfp_t flags) { return do_alloc(size, flags | __GFP_ZERO, CALLER(), "kvzalloc(GFP_KERNEL)"); }
void *vmalloc(unsigned long size) { return do_alloc(size, GFP_KERNEL, CALLER(), "vmalloc()"); }
void *vzalloc(unsigned long size) { return do_alloc(size, GFP_KERNEL | __GFP_ZERO, CALLER(), "vzalloc()"); }
void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = do_alloc(len, gfp, CALLER(), "kmemdup(GFP_KERNEL)");
	if (p)
		memcpy(p, src, len);
	return p;
}
char *kstrdup(const char *s, gfp_t gfp)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = do_alloc(n, gfp, CALLER(), "kstrdup(GFP_KERNEL)");
	if (p)
		memcpy(p, s, n);
	return p;
}
size_t ksize(const void *objp) { return objp ? ((const struct slab_hdr *)objp - 1)->size : 0; }
static void do_free(const void *objp, struct rt_site s)
{
	if (!objp || (uintptr_t)objp < 4096)
		return;
	struct slab_hdr *h = (struct slab_hdr *)objp - 1;
	if (h->magic == SLAB_FREED) {
		rt_report("ctxlint-sim-double-free", s, "double-free", "memory freed twice");
		return;
	}
	if (h->magic != SLAB_MAGIC) {
		__rt_warn(NULL, 0, "kfree", "kfree() of memory the allocator did not return\n");
		return;
	}
	rt_lockdep_check_free(objp, h->size, s);
	rt_check_free_callbacks(objp, h->size, s);
	rt_check_free_work(objp, h->size, s);
	h->magic = SLAB_FREED;
	memset((void *)objp, 0x6b, h->size);
	if (nquar == capquar) {
		capquar = capquar ? capquar * 2 : 64;
		quarantine = realloc(quarantine, sizeof(*quarantine) * capquar);
	}
	quarantine[nquar++] = h;
}
void kfree(const void *objp) { do_free(objp, CALLER()); }
void kfree_sensitive(const void *objp) { do_free(objp, CALLER()); }
void kvfree(const void *addr) { do_free(addr, CALLER()); }
void vfree(const void *addr) { do_free(addr, CALLER()); }
void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	void *n = do_alloc(new_size, flags, CALLER(), "krealloc(GFP_KERNEL)");
	if (n && p) {
		size_t old = ksize(p);
		memcpy(n, p, old < new_size ? old : new_size);
		do_free(p, CALLER());
	}
	return n;
}

/* ---- user memory ---- */
struct user_map { char *start; size_t len; };
static struct user_map umaps[256];
static int numaps;

void __user *sim_user_alloc(size_t size)
{
	char *p = calloc(1, size ? size : 1);
	if (numaps < 256)
		umaps[numaps++] = (struct user_map){ p, size };
	return p;
}
void sim_user_write(void __user *dst, const void *src, size_t n) { memcpy(dst, src, n); }
void sim_user_read(void *dst, const void __user *src, size_t n) { memcpy(dst, src, n); }
/* Bytes accessible from p on, within one user mapping. */
static size_t user_span(const void *p, size_t n)
{
	const char *c = p;
	for (int i = 0; i < numaps; i++)
		if (c >= umaps[i].start && c < umaps[i].start + umaps[i].len) {
			size_t avail = (size_t)(umaps[i].start + umaps[i].len - c);
			return avail < n ? avail : n;
		}
	return 0;
}
bool access_ok(const void __user *addr, unsigned long size) { (void)addr; (void)size; return true; }
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	rt_sleep_check("copy_to_user()", NULL, 0, __builtin_return_address(0));
	rt_point();
	size_t ok = user_span(to, n);
	memcpy(to, from, ok);
	return n - ok;
}
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	rt_sleep_check("copy_from_user()", NULL, 0, __builtin_return_address(0));
	rt_point();
	size_t ok = user_span(from, n);
	memcpy(to, from, ok);
	memset((char *)to + ok, 0, n - ok);
	return n - ok;
}
unsigned long clear_user(void __user *to, unsigned long n)
{
	rt_sleep_check("clear_user()", NULL, 0, __builtin_return_address(0));
	size_t ok = user_span(to, n);
	memset(to, 0, ok);
	return n - ok;
}
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	rt_sleep_check("strncpy_from_user()", NULL, 0, __builtin_return_address(0));
	size_t ok = user_span(src, (size_t)count);
	if (!ok)
		return -EFAULT;
	long i;
	for (i = 0; i < (long)ok; i++) {
		dst[i] = src[i];
		if (!src[i])
			return i;
	}
	return i;
}
int __rt_get_user(void *dst, const void __user *src, unsigned long size, const char *file, int line)
{
	rt_sleep_check("get_user()", file, line, NULL);
	if (user_span(src, size) != size) {
		memset(dst, 0, size);
		return -EFAULT;
	}
	memcpy(dst, src, size);
	return 0;
}
int __rt_put_user(const void *src, void __user *dst, unsigned long size, const char *file, int line)
{
	rt_sleep_check("put_user()", file, line, NULL);
	if (user_span(dst, size) != size)
		return -EFAULT;
	memcpy(dst, src, size);
	return 0;
}

/* ---- I/O dispatch ---- */
struct io_region { u64 base, len; const struct sim_io_ops *ops; void *model; bool mmio; };
static struct io_region regions[64];
static int nregions;
#define MMIO_COOKIE 0x100000000000ULL /* ioremap() cookies: never dereferenceable */

void sim_pio_register(unsigned long base, unsigned long len, const struct sim_io_ops *ops, void *model)
{
	if (nregions < 64)
		regions[nregions++] = (struct io_region){ base, len, ops, model, false };
}
void sim_mmio_register(u64 phys, u64 len, const struct sim_io_ops *ops, void *model)
{
	if (nregions < 64)
		regions[nregions++] = (struct io_region){ phys, len, ops, model, true };
}
void sim_io_unregister(void *model)
{
	for (int i = 0; i < nregions;)
		if (regions[i].model == model)
			regions[i] = regions[--nregions];
		else
			i++;
}
static u32 io_read(u64 addr, bool mmio, int width)
{
	rt_point(); /* device access takes time and is a switch point */
	for (int i = 0; i < nregions; i++)
		if (regions[i].mmio == mmio && addr >= regions[i].base && addr < regions[i].base + regions[i].len)
			return regions[i].ops->read ? regions[i].ops->read(regions[i].model, addr - regions[i].base, width)
						    : 0;
	return width == 1 ? 0xff : width == 2 ? 0xffff : 0xffffffffu;
}
static void io_write(u64 addr, u32 v, bool mmio, int width)
{
	rt_point();
	for (int i = 0; i < nregions; i++)
		if (regions[i].mmio == mmio && addr >= regions[i].base && addr < regions[i].base + regions[i].len) {
			if (regions[i].ops->write)
				regions[i].ops->write(regions[i].model, addr - regions[i].base, v, width);
			return;
		}
}
u8 inb(unsigned long port) { return (u8)io_read(port, false, 1); }
u16 inw(unsigned long port) { return (u16)io_read(port, false, 2); }
u32 inl(unsigned long port) { return io_read(port, false, 4); }
void outb(u8 value, unsigned long port) { io_write(port, value, false, 1); }
void outw(u16 value, unsigned long port) { io_write(port, value, false, 2); }
void outl(u32 value, unsigned long port) { io_write(port, value, false, 4); }
static u64 mmio_addr(const volatile void *a) { return (u64)(uintptr_t)a - MMIO_COOKIE; }
u8 readb(const volatile void __iomem *addr) { return (u8)io_read(mmio_addr(addr), true, 1); }
u16 readw(const volatile void __iomem *addr) { return (u16)io_read(mmio_addr(addr), true, 2); }
u32 readl(const volatile void __iomem *addr) { return io_read(mmio_addr(addr), true, 4); }
void writeb(u8 value, volatile void __iomem *addr) { io_write(mmio_addr(addr), value, true, 1); }
void writew(u16 value, volatile void __iomem *addr) { io_write(mmio_addr(addr), value, true, 2); }
void writel(u32 value, volatile void __iomem *addr) { io_write(mmio_addr(addr), value, true, 4); }
void __iomem *ioremap(phys_addr_t offset, size_t size)
{
	(void)size;
	return (void __iomem *)(uintptr_t)(MMIO_COOKIE + offset);
}
void iounmap(volatile void __iomem *addr) { (void)addr; }

static struct resource io_claims[64];
static int nclaims;
struct resource *__rt_request_region(unsigned long start, unsigned long n, const char *name, unsigned long type)
{
	for (int i = 0; i < nclaims; i++)
		if (io_claims[i].flags == type && start <= io_claims[i].end && start + n - 1 >= io_claims[i].start)
			return NULL; /* busy */
	if (nclaims == 64)
		return NULL;
	io_claims[nclaims] = (struct resource){ start, start + n - 1, name, type };
	return &io_claims[nclaims++];
}
void __rt_release_region(unsigned long start, unsigned long n, unsigned long type)
{
	(void)n;
	for (int i = 0; i < nclaims; i++)
		if (io_claims[i].flags == type && io_claims[i].start == start) {
			io_claims[i] = io_claims[--nclaims];
			return;
		}
}

/* ---- modules ---- */
static struct { initcall_t init; exitcall_t exit; const char *file; } modules[16];
static int nmodules;
static bool modules_loaded;
void __rt_register_module(initcall_t init, exitcall_t exit, const char *file)
{
	for (int i = 0; i < nmodules; i++)
		if (!strcmp(modules[i].file, file)) {
			if (init)
				modules[i].init = init;
			if (exit)
				modules[i].exit = exit;
			return;
		}
	if (nmodules < 16)
		modules[nmodules++] = (typeof(modules[0])){ init, exit, file };
}
static long thunk_init(void *fn, void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	return ((initcall_t)fn)();
}
static long thunk_exit(void *fn, void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	((exitcall_t)fn)();
	return 0;
}

static void teardown_checks(void *exit_fn, const char *what)
{
	char when[64];
	snprintf(when, sizeof(when), "after %s", what);
	rt_irq_check_leftovers(exit_fn, what, NULL, -1);
	rt_teardown_check_callbacks_fn(exit_fn, when);
	rt_workqueue_teardown_check_fn(exit_fn, when);
}

int sim_insmod(void)
{
	int ret = 0;
	for (int i = 0; i < nmodules && !rt.aborted; i++) {
		if (!modules[i].init)
			continue;
		long r = rt_call_entry("module_init (insmod)", (void *)modules[i].init, 1, thunk_init, NULL, NULL, NULL);
		if (r) {
			printk(KERN_WARNING "module init of %s failed: %ld\n", modules[i].file, r);
			/* a failed init must leave nothing behind */
			teardown_checks((void *)modules[i].init, "a failed module init");
			ret = (int)r;
		}
	}
	/* signals are delivered on return to user space */
	rt_current()->sigpending = 0;
	modules_loaded = ret == 0;
	return ret;
}
void sim_rmmod(void)
{
	if (!modules_loaded)
		return;
	void *last_exit = NULL;
	for (int i = nmodules - 1; i >= 0 && !rt.aborted; i--) {
		if (!modules[i].exit)
			continue;
		last_exit = (void *)modules[i].exit;
		rt_call_entry("module_exit (rmmod)", last_exit, 1, thunk_exit, NULL, NULL, NULL);
	}
	if (!rt.aborted)
		teardown_checks(last_exit, "module exit");
	modules_loaded = false;
	rt_current()->sigpending = 0;
}

/* ---- char devices and their system calls ---- */
struct chrdev { const char *name; const struct file_operations *fops; unsigned int major, minor; struct miscdevice *misc; struct cdev *cdev; };
static struct chrdev chrdevs[32];
static int nchrdevs;
static unsigned int next_major = 240;

int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	rt_sleep_check("register_chrdev()", NULL, 0, __builtin_return_address(0));
	if (!major)
		major = next_major++;
	if (nchrdevs < 32)
		chrdevs[nchrdevs++] = (struct chrdev){ name, fops, major, 0, NULL, NULL };
	return (int)major;
}
void unregister_chrdev(unsigned int major, const char *name)
{
	(void)name;
	for (int i = 0; i < nchrdevs; i++)
		if (chrdevs[i].major == major && !chrdevs[i].misc && !chrdevs[i].cdev) {
			chrdevs[i] = chrdevs[--nchrdevs];
			return;
		}
}
static struct { dev_t base; unsigned count; const char *name; } regions_dev[16];
static int nregdev;
int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name)
{
	*dev = MKDEV(next_major++, baseminor);
	if (nregdev < 16)
		regions_dev[nregdev++] = (typeof(regions_dev[0])){ *dev, count, name };
	return 0;
}
int register_chrdev_region(dev_t from, unsigned count, const char *name)
{
	if (nregdev < 16)
		regions_dev[nregdev++] = (typeof(regions_dev[0])){ from, count, name };
	return 0;
}
void unregister_chrdev_region(dev_t from, unsigned count)
{
	(void)count;
	for (int i = 0; i < nregdev; i++)
		if (regions_dev[i].base == from) {
			regions_dev[i] = regions_dev[--nregdev];
			return;
		}
}
void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	memset(cdev, 0, sizeof(*cdev));
	cdev->ops = fops;
}
int cdev_add(struct cdev *p, dev_t dev, unsigned count)
{
	p->dev = dev;
	p->count = count;
	const char *name = "cdev";
	for (int i = 0; i < nregdev; i++)
		if (MAJOR(regions_dev[i].base) == MAJOR(dev))
			name = regions_dev[i].name;
	if (nchrdevs < 32)
		chrdevs[nchrdevs++] = (struct chrdev){ name, p->ops, MAJOR(dev), MINOR(dev), NULL, p };
	return 0;
}
void cdev_del(struct cdev *p)
{
	for (int i = 0; i < nchrdevs; i++)
		if (chrdevs[i].cdev == p) {
			chrdevs[i] = chrdevs[--nchrdevs];
			return;
		}
}
int misc_register(struct miscdevice *misc)
{
	rt_sleep_check("misc_register()", NULL, 0, __builtin_return_address(0));
	if (misc->minor == MISC_DYNAMIC_MINOR)
		misc->minor = 64 + nchrdevs;
	if (nchrdevs < 32)
		chrdevs[nchrdevs++] = (struct chrdev){ misc->name, misc->fops, 10, (unsigned)misc->minor, misc, NULL };
	return 0;
}
void misc_deregister(struct miscdevice *misc)
{
	for (int i = 0; i < nchrdevs; i++)
		if (chrdevs[i].misc == misc) {
			chrdevs[i] = chrdevs[--nchrdevs];
			return;
		}
}
loff_t no_llseek(struct file *file, loff_t offset, int whence) { (void)file; (void)offset; (void)whence; return -ESPIPE; }
loff_t noop_llseek(struct file *file, loff_t offset, int whence) { (void)offset; (void)whence; return file->f_pos; }
int nonseekable_open(struct inode *inode, struct file *filp) { (void)inode; (void)filp; return 0; }
void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	(void)filp;
	if (!p || !wait_address || p->n >= 8)
		return;
	struct wait_queue_entry *e = &p->entries[p->n];
	init_wait_entry(e, 0);
	e->func = default_wake_function; /* stays queued until poll() ends */
	p->heads[p->n++] = wait_address;
	add_wait_queue(wait_address, e);
}

struct open_file { struct file file; struct inode inode; bool used; };
static struct open_file files[32];

static long thunk_open(void *fn, void *a, void *b, void *c) { (void)c; return ((int (*)(struct inode *, struct file *))fn)(a, b); }
static long thunk_rw(void *fn, void *a, void *b, void *c)
{
	struct file *f = a;
	return ((ssize_t (*)(struct file *, char *, size_t, loff_t *))fn)(f, b, (size_t)(uintptr_t)c, &f->f_pos);
}
static long thunk_ioctl(void *fn, void *a, void *b, void *c)
{
	return ((long (*)(struct file *, unsigned int, unsigned long))fn)(a, (unsigned int)(uintptr_t)b, (unsigned long)c);
}
/* Return to user space: pending signals are delivered, and an interrupted
 * call that asked for a restart reports -EINTR (no SA_RESTART). */
static long syscall_exit(long r)
{
	rt_current()->sigpending = 0;
	if (r == -ERESTARTSYS || r == -ERESTARTNOINTR || r == -ERESTARTNOHAND || r == -ERESTART_RESTARTBLOCK)
		r = -EINTR;
	return r;
}
int sim_open(const char *name)
{
	for (int i = 0; i < nchrdevs; i++) {
		if (strcmp(chrdevs[i].name, name))
			continue;
		for (int fd = 3; fd < 32; fd++) {
			if (files[fd].used)
				continue;
			struct open_file *of = &files[fd];
			memset(of, 0, sizeof(*of));
			of->used = true;
			of->inode.i_rdev = MKDEV(chrdevs[i].major, chrdevs[i].minor);
			of->inode.i_cdev = chrdevs[i].cdev;
			of->file.f_op = chrdevs[i].fops;
			of->file.f_inode = &of->inode;
			of->file.f_mode = FMODE_READ | FMODE_WRITE;
			if (chrdevs[i].misc)
				of->file.private_data = chrdevs[i].misc;
			long r = 0;
			if (of->file.f_op->open)
				r = rt_call_entry("open() system call", (void *)of->file.f_op->open, 1, thunk_open, &of->inode,
						  &of->file, NULL);
			r = syscall_exit(r);
			if (r) {
				of->used = false;
				return (int)r;
			}
			return fd;
		}
		return -EMFILE;
	}
	return -ENOENT;
}
static struct file *fd_file(int fd) { return fd >= 3 && fd < 32 && files[fd].used ? &files[fd].file : NULL; }
long sim_read(int fd, void __user *buf, size_t n)
{
	struct file *f = fd_file(fd);
	if (!f)
		return -EBADF;
	if (!f->f_op->read)
		return -EINVAL;
	return syscall_exit(rt_call_entry("read() system call", (void *)f->f_op->read, 1, thunk_rw, f, buf, (void *)(uintptr_t)n));
}
long sim_write(int fd, const void __user *buf, size_t n)
{
	struct file *f = fd_file(fd);
	if (!f)
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	return syscall_exit(rt_call_entry("write() system call", (void *)f->f_op->write, 1, thunk_rw, f, (void *)buf,
					  (void *)(uintptr_t)n));
}
long sim_ioctl(int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fd_file(fd);
	if (!f)
		return -EBADF;
	if (!f->f_op->unlocked_ioctl)
		return -ENOTTY;
	return syscall_exit(rt_call_entry("ioctl() system call", (void *)f->f_op->unlocked_ioctl, 1, thunk_ioctl, f,
					  (void *)(uintptr_t)cmd, (void *)arg));
}
static long thunk_poll(void *fn, void *a, void *b, void *c)
{
	(void)c;
	return (long)((unsigned int (*)(struct file *, struct poll_table_struct *))fn)(a, b);
}
int sim_poll(int fd, unsigned int events, int timeout_ms)
{
	struct file *f = fd_file(fd);
	struct rt_task *t = rt.running;
	if (!f || !t)
		return -EBADF;
	if (!f->f_op->poll)
		return (int)(events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)); /* always ready */
	struct poll_table_struct pt = { 0 };
	long left = timeout_ms < 0 ? MAX_SCHEDULE_TIMEOUT : (long)msecs_to_jiffies((unsigned)timeout_ms);
	int ret = 0;
	bool first = true;
	for (;;) {
		/* state first, then poll: a wake-up between the two is not lost */
		t->ts.__state = TASK_INTERRUPTIBLE;
		/* only the first pass registers on the driver's queues */
		unsigned int mask = (unsigned int)rt_call_entry("poll() system call", (void *)f->f_op->poll, 1, thunk_poll,
								f, first ? &pt : NULL, NULL);
		first = false;
		if (mask & (events | POLLERR | POLLHUP)) {
			ret = (int)(mask & (events | POLLERR | POLLHUP));
			break;
		}
		if (t->sigpending) {
			ret = -EINTR;
			break;
		}
		if (!left)
			break;
		t->wait_what = "poll";
		left = schedule_timeout(left);
	}
	t->ts.__state = TASK_RUNNING;
	for (int i = 0; i < pt.n; i++)
		remove_wait_queue(pt.heads[i], &pt.entries[i]);
	syscall_exit(0);
	return ret;
}

int sim_close(int fd)
{
	struct file *f = fd_file(fd);
	if (!f)
		return -EBADF;
	long r = 0;
	if (f->f_op->release)
		r = rt_call_entry("close() system call", (void *)f->f_op->release, 1, thunk_open, f->f_inode, f, NULL);
	files[fd].used = false;
	return (int)syscall_exit(r);
}

/* ---- devres ---- */
enum devres_kind { DR_MEM, DR_IRQ, DR_ACTION };
struct devres {
	enum devres_kind kind;
	struct rt_site site; /* where the resource was obtained */
	void *ptr;
	unsigned int irq;
	void *dev_id;
	void (*action)(void *);
	struct devres *next;
};
static void devres_add(struct device *dev, struct devres *dr)
{
	dr->next = dev->__rt_devres;
	dev->__rt_devres = dr;
}
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	void *p = do_alloc(size, gfp, CALLER(), "devm_kmalloc(GFP_KERNEL)");
	struct devres *dr = calloc(1, sizeof(*dr));
	dr->kind = DR_MEM;
	dr->ptr = p;
	devres_add(dev, dr);
	return p;
}
void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	void *p = do_alloc(size, gfp | __GFP_ZERO, CALLER(), "devm_kzalloc(GFP_KERNEL)");
	struct devres *dr = calloc(1, sizeof(*dr));
	dr->kind = DR_MEM;
	dr->ptr = p;
	devres_add(dev, dr);
	return p;
}
void devm_kfree(struct device *dev, const void *p)
{
	for (struct devres **pp = (struct devres **)&dev->__rt_devres; *pp; pp = &(*pp)->next)
		if ((*pp)->kind == DR_MEM && (*pp)->ptr == p) {
			struct devres *d = *pp;
			*pp = d->next;
			free(d);
			do_free(p, CALLER());
			return;
		}
}
int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct devres *dr = calloc(1, sizeof(*dr));
	dr->kind = DR_ACTION;
	dr->action = action;
	dr->ptr = data;
	devres_add(dev, dr);
	return 0;
}
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data)
{
	return devm_add_action(dev, action, data);
}
int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			      unsigned long irqflags, const char *devname, void *dev_id)
{
	/* request through the public entry so the checks see the driver's call site */
	int ret = rt_request_threaded_irq_site(irq, handler, thread_fn, irqflags, devname ? devname : dev_name(dev), dev_id,
						 CALLER());
	if (ret)
		return ret;
	struct devres *dr = calloc(1, sizeof(*dr));
	dr->kind = DR_IRQ;
	dr->site = CALLER();
	dr->irq = irq;
	dr->dev_id = dev_id;
	devres_add(dev, dr);
	return 0;
}
void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id)
{
	struct rt_site s = CALLER();
	for (struct devres **pp = (struct devres **)&dev->__rt_devres; *pp; pp = &(*pp)->next)
		if ((*pp)->kind == DR_IRQ && (*pp)->irq == irq && (*pp)->dev_id == dev_id) {
			struct devres *d = *pp;
			*pp = d->next;
			free(d);
			rt_free_irq_site(irq, dev_id, s);
			return;
		}
	__rt_warn(NULL, 0, "devm_free_irq", "devm_free_irq() of an irq not requested with devm_request_irq()\n");
}
static long thunk_action(void *fn, void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	((void (*)(void *))fn)(a);
	return 0;
}
void rt_devres_release(struct device *dev)
{
	struct devres *d = dev->__rt_devres;
	dev->__rt_devres = NULL;
	while (d) {
		struct devres *n = d->next;
		switch (d->kind) {
		case DR_MEM: do_free(d->ptr, RT_SITE(NULL, 0)); break;
		case DR_IRQ: rt_free_irq_site(d->irq, d->dev_id, d->site); break; /* a report lands on the devm request */
		case DR_ACTION: rt_call_entry("devm action", (void *)d->action, 0, thunk_action, d->ptr, NULL, NULL); break;
		}
		free(d);
		d = n;
	}
}

/* ---- platform bus ---- */
static struct platform_driver *pdrivers[8];
static int npdrivers;
static struct platform_device *pdevs[16];
static struct platform_driver *pdev_bound[16];
static int npdevs;

static long thunk_probe(void *fn, void *a, void *b, void *c) { (void)b; (void)c; return ((int (*)(void *))fn)(a); }
static long thunk_remove(void *fn, void *a, void *b, void *c) { (void)b; (void)c; ((void (*)(void *))fn)(a); return 0; }

static void after_remove(struct device *dev, void *remove_fn, void *const *dev_ids, int nids)
{
	rt_devres_release(dev);
	if (!rt.aborted)
		rt_irq_check_leftovers(remove_fn, "device removal", dev_ids, nids);
}

static void pbind(int i)
{
	for (int d = 0; d < npdrivers; d++)
		if (!pdev_bound[i] && !strcmp(pdrivers[d]->driver.name, pdevs[i]->name)) {
			pdevs[i]->dev.driver = &pdrivers[d]->driver;
			long r = rt_call_entry("platform probe", (void *)pdrivers[d]->probe, 0, thunk_probe, pdevs[i], NULL, NULL);
			if (r == 0)
				pdev_bound[i] = pdrivers[d];
			else
				rt_devres_release(&pdevs[i]->dev);
		}
}
static void punbind(int i)
{
	struct platform_driver *drv = pdev_bound[i];
	if (!drv)
		return;
	struct platform_device *p = pdevs[i];
	if (drv->remove)
		rt_call_entry("platform remove", (void *)drv->remove, 0, thunk_remove, p, NULL, NULL);
	void *ids[3] = { p, &p->dev, p->dev.driver_data };
	after_remove(&p->dev, (void *)drv->remove, ids, 3);
	pdev_bound[i] = NULL;
}
int __platform_driver_register(struct platform_driver *drv, struct module *owner)
{
	(void)owner;
	if (npdrivers < 8)
		pdrivers[npdrivers++] = drv;
	for (int i = 0; i < npdevs; i++)
		pbind(i);
	return 0;
}
void platform_driver_unregister(struct platform_driver *drv)
{
	for (int i = 0; i < npdevs; i++)
		if (pdev_bound[i] == drv)
			punbind(i);
	for (int d = 0; d < npdrivers; d++)
		if (pdrivers[d] == drv)
			pdrivers[d] = pdrivers[--npdrivers];
}
struct platform_device *sim_platform_add(const char *name, const struct resource *res, unsigned int nres, void *model)
{
	struct platform_device *p = calloc(1, sizeof(*p));
	p->name = name;
	p->id = npdevs;
	p->dev.init_name = name;
	p->dev.__rt_model = model;
	p->num_resources = nres;
	p->resource = calloc(nres ? nres : 1, sizeof(*res));
	memcpy(p->resource, res, sizeof(*res) * nres);
	if (npdevs < 16) {
		pdevs[npdevs] = p;
		pdev_bound[npdevs] = NULL;
		npdevs++;
		pbind(npdevs - 1);
	}
	return p;
}
void sim_platform_remove(struct platform_device *pdev)
{
	for (int i = 0; i < npdevs; i++)
		if (pdevs[i] == pdev) {
			punbind(i);
			pdevs[i] = pdevs[npdevs - 1];
			pdev_bound[i] = pdev_bound[npdevs - 1];
			npdevs--;
			return;
		}
}
struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type, unsigned int num)
{
	for (unsigned int i = 0; i < pdev->num_resources; i++)
		if ((pdev->resource[i].flags & type) && num-- == 0)
			return &pdev->resource[i];
	return NULL;
}
int platform_get_irq(struct platform_device *pdev, unsigned int num)
{
	struct resource *r = platform_get_resource(pdev, IORESOURCE_IRQ, num);
	return r ? (int)r->start : -ENXIO;
}
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index)
{
	struct resource *r = platform_get_resource(pdev, IORESOURCE_MEM, index);
	if (!r)
		return ERR_PTR(-EINVAL);
	return ioremap(r->start, resource_size(r));
}

/* ---- I2C bus ---- */
struct sim_i2c_dev { struct i2c_client client; const struct sim_i2c_ops *ops; void *model; struct i2c_driver *bound; };
static struct i2c_driver *idrivers[8];
static int nidrivers;
static struct sim_i2c_dev *idevs[16];
static int nidevs;
static struct i2c_adapter sim_adapter = { "sim-i2c", 0 };

static bool i2c_match(struct i2c_driver *drv, struct i2c_client *c)
{
	if (drv->id_table)
		for (const struct i2c_device_id *id = drv->id_table; id->name[0]; id++)
			if (!strcmp(id->name, c->name))
				return true;
	return drv->driver.name && !strcmp(drv->driver.name, c->name);
}
static void ibind(struct sim_i2c_dev *d)
{
	for (int k = 0; k < nidrivers && !d->bound; k++)
		if (i2c_match(idrivers[k], &d->client)) {
			d->client.dev.driver = &idrivers[k]->driver;
			long r = rt_call_entry("i2c probe", (void *)idrivers[k]->probe, 0, thunk_probe, &d->client, NULL, NULL);
			if (r == 0)
				d->bound = idrivers[k];
			else
				rt_devres_release(&d->client.dev);
		}
}
static void iunbind(struct sim_i2c_dev *d)
{
	if (!d->bound)
		return;
	if (d->bound->remove)
		rt_call_entry("i2c remove", (void *)d->bound->remove, 0, thunk_remove, &d->client, NULL, NULL);
	void *ids[3] = { &d->client, &d->client.dev, d->client.dev.driver_data };
	after_remove(&d->client.dev, (void *)d->bound->remove, ids, 3);
	d->bound = NULL;
}
int i2c_register_driver(struct module *owner, struct i2c_driver *driver)
{
	(void)owner;
	if (nidrivers < 8)
		idrivers[nidrivers++] = driver;
	for (int i = 0; i < nidevs; i++)
		ibind(idevs[i]);
	return 0;
}
void i2c_del_driver(struct i2c_driver *driver)
{
	for (int i = 0; i < nidevs; i++)
		if (idevs[i]->bound == driver)
			iunbind(idevs[i]);
	for (int k = 0; k < nidrivers; k++)
		if (idrivers[k] == driver)
			idrivers[k] = idrivers[--nidrivers];
}
struct i2c_client *sim_i2c_add(const char *name, unsigned short addr, int irq, const struct sim_i2c_ops *ops, void *model)
{
	struct sim_i2c_dev *d = calloc(1, sizeof(*d));
	snprintf(d->client.name, sizeof(d->client.name), "%s", name);
	d->client.addr = addr;
	d->client.irq = irq;
	d->client.adapter = &sim_adapter;
	d->client.dev.init_name = name;
	d->client.dev.__rt_model = model;
	d->ops = ops;
	d->model = model;
	if (nidevs < 16)
		idevs[nidevs++] = d;
	ibind(d);
	return &d->client;
}
void sim_i2c_remove(struct i2c_client *client)
{
	for (int i = 0; i < nidevs; i++)
		if (&idevs[i]->client == client) {
			iunbind(idevs[i]);
			idevs[i] = idevs[--nidevs];
			return;
		}
}
const struct i2c_client *rt_i2c_client_at(unsigned short addr)
{
	for (int i = 0; i < nidevs; i++)
		if (idevs[i]->client.addr == addr)
			return &idevs[i]->client;
	return NULL;
}
static struct sim_i2c_dev *i2c_dev_of(const struct i2c_client *c) { return container_of(c, struct sim_i2c_dev, client); }
/* An SMBus byte transfer at 100 kHz takes about 300 us of bus time. */
#define I2C_XFER_NS 300000ULL
s32 i2c_smbus_read_byte_data(const struct i2c_client *client, u8 command)
{
	rt_sleep_check("i2c_smbus_read_byte_data()", NULL, 0, __builtin_return_address(0));
	sim_bus_delay(I2C_XFER_NS);
	struct sim_i2c_dev *d = i2c_dev_of(client);
	return d->ops && d->ops->read_reg ? d->ops->read_reg(d->model, command) : -ENXIO;
}
s32 i2c_smbus_write_byte_data(const struct i2c_client *client, u8 command, u8 value)
{
	rt_sleep_check("i2c_smbus_write_byte_data()", NULL, 0, __builtin_return_address(0));
	sim_bus_delay(I2C_XFER_NS);
	struct sim_i2c_dev *d = i2c_dev_of(client);
	return d->ops && d->ops->write_reg ? d->ops->write_reg(d->model, command, value) : -ENXIO;
}
s32 i2c_smbus_read_word_data(const struct i2c_client *client, u8 command)
{
	rt_sleep_check("i2c_smbus_read_word_data()", NULL, 0, __builtin_return_address(0));
	sim_bus_delay(2 * I2C_XFER_NS);
	struct sim_i2c_dev *d = i2c_dev_of(client);
	if (!d->ops || !d->ops->read_reg)
		return -ENXIO;
	int lo = d->ops->read_reg(d->model, command), hi = d->ops->read_reg(d->model, (u8)(command + 1));
	return lo < 0 ? lo : hi < 0 ? hi : (lo | (hi << 8));
}

void rt_misc_reset(void)
{
	for (int i = 0; i < numaps; i++)
		free(umaps[i].start);
	numaps = 0;
	nregions = 0;
	nclaims = 0;
	modules_loaded = false;
	nchrdevs = 0;
	nregdev = 0;
	next_major = 240;
	memset(files, 0, sizeof(files));
	npdrivers = npdevs = 0;
	for (int i = 0; i < nidevs; i++)
		free(idevs[i]);
	nidevs = nidrivers = 0;
	extern void rt_wait_reset(void);
	rt_wait_reset();
	extern void rt_gpio_reset(void);
	rt_gpio_reset();
	extern void rt_spi_reset(void);
	rt_spi_reset();
}
