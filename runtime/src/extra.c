/* Less common parts of the API: rw_semaphores, allocation variants and page
 * allocation, kmem caches, more I2C transfers, completion and sleep variants,
 * devm_request_any_context_irq, rcu_read_lock_sched. */
#include "internal.h"
#include <linux/rwsem.h>

#define CALLER() ((struct rt_site){ NULL, 0, __builtin_return_address(0) })

/* ---- rw_semaphore ---- */
void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key)
{
	sem->readers = 0;
	sem->writer = NULL;
	INIT_LIST_HEAD(&sem->wait_list);
	sem->dep_map.key = key;
	sem->dep_map.name = name;
}
static void rwsem_wake_all(struct rw_semaphore *sem)
{
	struct wait_queue_entry *w, *n;
	list_for_each_entry_safe(w, n, &sem->wait_list, entry) {
		list_del_init(&w->entry);
		rt_wake(((struct task_struct *)w->private)->rt, TASK_NORMAL | TASK_WAKEKILL);
	}
}
static int rwsem_acquire(struct rw_semaphore *sem, bool write, unsigned int state, struct rt_site s, const char *api)
{
	rt_sleep_check(api, s.file, s.line, s.ra);
	rt_point();
	struct rt_task *t = rt.running;
	int rep = rt_lockdep_acquire(&sem->dep_map, sem, write ? 0 : 1, 0, s);
	while (!rt.aborted && (sem->writer || (write && sem->readers))) {
		int held = 0;
		for (int i = 0; i < t->nheld; i++)
			held += t->held[i].map == &sem->dep_map;
		if (sem->writer == t || (held > 1 && sem->readers)) {
			if (!rep)
				rt_report("ctxlint-double-lock", s, "rwsem-self", "%s on a rw_semaphore this task already holds", api);
			rt_abort("rw_semaphore self-deadlock");
			return -EDEADLK;
		}
		if (((state & TASK_INTERRUPTIBLE) && t->sigpending) ||
		    ((state & TASK_WAKEKILL) && (t->sigpending & (1UL << SIGKILL)))) {
			rt_lockdep_release(&sem->dep_map, sem, s, NULL);
			return -EINTR;
		}
		struct wait_queue_entry w;
		init_wait_entry(&w, WQ_FLAG_EXCLUSIVE);
		list_add_tail(&w.entry, &sem->wait_list);
		t->ts.__state = state;
		t->wait_file = s.file;
		t->wait_line = s.line;
		t->wait_ra = s.ra;
		rt_block(api, NULL, 0, sem);
		if (!list_empty(&w.entry))
			list_del_init(&w.entry);
	}
	if (write)
		sem->writer = t;
	else
		sem->readers++;
	return 0;
}
void down_read(struct rw_semaphore *sem) { rwsem_acquire(sem, false, TASK_UNINTERRUPTIBLE, CALLER(), "down_read()"); }
int down_read_interruptible(struct rw_semaphore *sem)
{
	struct rt_site s = CALLER();
	int r = rwsem_acquire(sem, false, TASK_INTERRUPTIBLE, s, "down_read_interruptible()");
	if (r == -EINTR)
		rt_note_interrupted_wait(s);
	return r;
}
int down_read_killable(struct rw_semaphore *sem)
{
	return rwsem_acquire(sem, false, TASK_KILLABLE, CALLER(), "down_read_killable()");
}
void down_write(struct rw_semaphore *sem) { rwsem_acquire(sem, true, TASK_UNINTERRUPTIBLE, CALLER(), "down_write()"); }
int down_write_killable(struct rw_semaphore *sem)
{
	return rwsem_acquire(sem, true, TASK_KILLABLE, CALLER(), "down_write_killable()");
}
int down_read_trylock(struct rw_semaphore *sem)
{
	rt_point();
	if (sem->writer)
		return 0;
	rt_lockdep_acquire(&sem->dep_map, sem, 1, 1, CALLER());
	sem->readers++;
	return 1;
}
int down_write_trylock(struct rw_semaphore *sem)
{
	rt_point();
	if (sem->writer || sem->readers)
		return 0;
	rt_lockdep_acquire(&sem->dep_map, sem, 0, 1, CALLER());
	sem->writer = rt.running;
	return 1;
}
void up_read(struct rw_semaphore *sem)
{
	struct rt_site s = CALLER();
	if (sem->readers <= 0) {
		rt_report("ctxlint-lock-balance", s, "up_read-not-held", "up_read() on a rw_semaphore with no readers");
		return;
	}
	rt_lockdep_release(&sem->dep_map, sem, s, "up_read()");
	if (--sem->readers == 0)
		rwsem_wake_all(sem);
	rt_point();
}
void up_write(struct rw_semaphore *sem)
{
	struct rt_site s = CALLER();
	if (sem->writer != rt.running) {
		rt_report("ctxlint-lock-balance", s, "up_write-not-owner",
			  "up_write() on a rw_semaphore this task does not hold for writing");
		if (!sem->writer)
			return;
	}
	rt_lockdep_release(&sem->dep_map, sem, s, "up_write()");
	sem->writer = NULL;
	rwsem_wake_all(sem);
	rt_point();
}
void downgrade_write(struct rw_semaphore *sem)
{
	if (sem->writer != rt.running)
		return;
	sem->writer = NULL;
	sem->readers++;
	rwsem_wake_all(sem);
}
int rwsem_is_locked(struct rw_semaphore *sem) { return sem->readers || sem->writer; }

void mutex_lock_io(struct mutex *lock) { mutex_lock(lock); }

/* ---- completions and sleeping ---- */
unsigned long wait_for_completion_io_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_completion_timeout(x, timeout);
}
int wait_for_completion_state(struct completion *x, unsigned int state)
{
	if (state & TASK_INTERRUPTIBLE)
		return wait_for_completion_interruptible(x);
	if (state & TASK_WAKEKILL)
		return wait_for_completion_killable(x);
	wait_for_completion(x);
	return 0;
}
void io_schedule(void)
{
	rt_sleep_check("io_schedule()", NULL, 0, __builtin_return_address(0));
	schedule();
}
long io_schedule_timeout(long timeout)
{
	rt_sleep_check("io_schedule_timeout()", NULL, 0, __builtin_return_address(0));
	return schedule_timeout(timeout);
}
long __rt_ns_to_jiffies_ceil(long long ns)
{
	if (ns <= 0)
		return 0;
	return (long)((ns + (long long)NSEC_PER_JIFFY - 1) / (long long)NSEC_PER_JIFFY);
}
static void hr_wake(void *arg)
{
	struct rt_task *t = arg;
	t->timeout_ev = NULL;
	rt_wake(t, TASK_NORMAL);
}
int schedule_hrtimeout_range(ktime_t *expires, u64 delta, const enum hrtimer_mode mode)
{
	rt_sleep_check("schedule_hrtimeout()", NULL, 0, __builtin_return_address(0));
	struct rt_task *t = rt.running;
	if (!t)
		return 0;
	if (!expires) {
		schedule();
		return -EINTR;
	}
	u64 now = sim_now_ns();
	u64 until = mode == HRTIMER_MODE_ABS ? (u64)*expires : now + (u64)*expires;
	until += rt_rand_below(delta + 1);
	if (until <= now) {
		t->ts.__state = TASK_RUNNING;
		return 0;
	}
	t->timeout_ev = rt_event_at(until, hr_wake, t);
	rt_block("schedule_hrtimeout", NULL, 0, NULL);
	if (t->timeout_ev) {
		rt_event_cancel(t->timeout_ev);
		t->timeout_ev = NULL;
		return -EINTR;
	}
	return 0;
}
int schedule_hrtimeout(ktime_t *expires, const enum hrtimer_mode mode)
{
	return schedule_hrtimeout_range(expires, 0, mode);
}

void rcu_read_lock_sched(void) { preempt_disable(); }
void rcu_read_unlock_sched(void) { preempt_enable(); }

/* ---- allocation variants ---- */
void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	(void)node;
	if (flags & __GFP_DIRECT_RECLAIM)
		rt_sleep_check("kmalloc_node(GFP_KERNEL)", NULL, 0, __builtin_return_address(0));
	return kmalloc(size, flags & ~__GFP_DIRECT_RECLAIM);
}
void *kzalloc_node(size_t size, gfp_t flags, int node)
{
	(void)node;
	if (flags & __GFP_DIRECT_RECLAIM)
		rt_sleep_check("kzalloc_node(GFP_KERNEL)", NULL, 0, __builtin_return_address(0));
	return kzalloc(size, flags & ~__GFP_DIRECT_RECLAIM);
}
struct kmem_cache { char name[32]; unsigned int size; void (*ctor)(void *); long live; };
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align, unsigned int flags,
				     void (*ctor)(void *))
{
	(void)align;
	(void)flags;
	rt_sleep_check("kmem_cache_create()", NULL, 0, __builtin_return_address(0));
	struct kmem_cache *c = calloc(1, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->size = size;
	c->ctor = ctor;
	return c;
}
static void *cache_alloc(struct kmem_cache *c, gfp_t flags, void *ra, const char *api)
{
	if (flags & __GFP_DIRECT_RECLAIM)
		rt_sleep_check(api, NULL, 0, ra);
	void *p = kmalloc(c->size, flags & ~__GFP_DIRECT_RECLAIM);
	if (p && c->ctor && !(flags & __GFP_ZERO))
		c->ctor(p);
	if (p)
		c->live++;
	return p;
}
void *kmem_cache_alloc(struct kmem_cache *c, gfp_t flags)
{
	return cache_alloc(c, flags, __builtin_return_address(0), "kmem_cache_alloc(GFP_KERNEL)");
}
void *kmem_cache_zalloc(struct kmem_cache *c, gfp_t flags)
{
	return cache_alloc(c, flags | __GFP_ZERO, __builtin_return_address(0), "kmem_cache_zalloc(GFP_KERNEL)");
}
void kmem_cache_free(struct kmem_cache *c, void *objp)
{
	if (objp)
		c->live--;
	kfree(objp);
}
void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	if (s->live)
		printk(KERN_ERR "kmem_cache_destroy %s: Slab cache still has objects\n", s->name);
	free(s);
}
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	if (gfp_mask & __GFP_DIRECT_RECLAIM)
		rt_sleep_check("__get_free_pages(GFP_KERNEL)", NULL, 0, __builtin_return_address(0));
	return (unsigned long)kmalloc(PAGE_SIZE << order, gfp_mask & ~__GFP_DIRECT_RECLAIM);
}
unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	if (gfp_mask & __GFP_DIRECT_RECLAIM)
		rt_sleep_check("get_zeroed_page(GFP_KERNEL)", NULL, 0, __builtin_return_address(0));
	return (unsigned long)kzalloc(PAGE_SIZE, gfp_mask & ~__GFP_DIRECT_RECLAIM);
}
void free_pages(unsigned long addr, unsigned int order)
{
	(void)order;
	kfree((void *)addr);
}
/* A struct page is represented by the page's memory itself. */
struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	if (gfp_mask & __GFP_DIRECT_RECLAIM)
		rt_sleep_check("alloc_pages(GFP_KERNEL)", NULL, 0, __builtin_return_address(0));
	return kmalloc(PAGE_SIZE << order, gfp_mask & ~__GFP_DIRECT_RECLAIM);
}
void __free_pages(struct page *page, unsigned int order)
{
	(void)order;
	kfree(page);
}
void *page_address(const struct page *page) { return (void *)page; }

/* ---- IRQ ---- */
int devm_request_any_context_irq(struct device *dev, unsigned int irq, irq_handler_t handler, unsigned long irqflags,
				 const char *devname, void *dev_id)
{
	int ret = devm_request_threaded_irq(dev, irq, handler, NULL, irqflags, devname, dev_id);
	return ret < 0 ? ret : IRQC_IS_HARDIRQ;
}

/* ---- I2C transfers ---- */
struct sim_i2c_dev_view { struct i2c_client client; const struct sim_i2c_ops *ops; void *model; };
static int xfer_read(const struct i2c_client *c, u8 reg, u8 *out)
{
	const struct sim_i2c_dev_view *d = (const void *)c;
	if (!d->ops || !d->ops->read_reg)
		return -ENXIO;
	int v = d->ops->read_reg(d->model, reg);
	if (v < 0)
		return v;
	*out = (u8)v;
	return 0;
}
static int xfer_write(const struct i2c_client *c, u8 reg, u8 v)
{
	const struct sim_i2c_dev_view *d = (const void *)c;
	return d->ops && d->ops->write_reg ? d->ops->write_reg(d->model, reg, v) : -ENXIO;
}
s32 i2c_smbus_write_word_data(const struct i2c_client *client, u8 command, u16 value)
{
	rt_sleep_check("i2c_smbus_write_word_data()", NULL, 0, __builtin_return_address(0));
	sim_bus_delay(600000);
	int r = xfer_write(client, command, value & 0xff);
	return r < 0 ? r : xfer_write(client, (u8)(command + 1), value >> 8);
}
s32 i2c_smbus_read_i2c_block_data(const struct i2c_client *client, u8 command, u8 length, u8 *values)
{
	rt_sleep_check("i2c_smbus_read_i2c_block_data()", NULL, 0, __builtin_return_address(0));
	sim_bus_delay(100000ULL * (2 + length));
	for (int i = 0; i < length; i++) {
		int r = xfer_read(client, (u8)(command + i), &values[i]);
		if (r < 0)
			return r;
	}
	return length;
}
s32 i2c_smbus_write_i2c_block_data(const struct i2c_client *client, u8 command, u8 length, const u8 *values)
{
	rt_sleep_check("i2c_smbus_write_i2c_block_data()", NULL, 0, __builtin_return_address(0));
	sim_bus_delay(100000ULL * (2 + length));
	for (int i = 0; i < length; i++) {
		int r = xfer_write(client, (u8)(command + i), values[i]);
		if (r < 0)
			return r;
	}
	return 0;
}
/* Register-addressed devices: a write of one byte sets the register pointer,
 * further bytes are written from there on; a read continues from it. */
static u8 reg_pointer;
int i2c_master_send(const struct i2c_client *client, const char *buf, int count)
{
	rt_sleep_check("i2c_master_send()", NULL, 0, __builtin_return_address(0));
	sim_bus_delay(100000ULL * (1 + count));
	if (count < 1)
		return 0;
	reg_pointer = (u8)buf[0];
	for (int i = 1; i < count; i++) {
		int r = xfer_write(client, (u8)(reg_pointer++), (u8)buf[i]);
		if (r < 0)
			return r;
	}
	return count;
}
int i2c_master_recv(const struct i2c_client *client, char *buf, int count)
{
	rt_sleep_check("i2c_master_recv()", NULL, 0, __builtin_return_address(0));
	sim_bus_delay(100000ULL * (1 + count));
	for (int i = 0; i < count; i++) {
		u8 v;
		int r = xfer_read(client, reg_pointer++, &v);
		if (r < 0)
			return r;
		buf[i] = (char)v;
	}
	return count;
}
int i2c_transfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num)
{
	(void)adap;
	rt_sleep_check("i2c_transfer()", NULL, 0, __builtin_return_address(0));
	extern const struct i2c_client *rt_i2c_client_at(unsigned short addr);
	for (int m = 0; m < num; m++) {
		const struct i2c_client *c = rt_i2c_client_at(msgs[m].addr);
		if (!c)
			return -ENXIO;
		int r = (msgs[m].flags & I2C_M_RD) ? i2c_master_recv(c, (char *)msgs[m].buf, msgs[m].len)
						   : i2c_master_send(c, (const char *)msgs[m].buf, msgs[m].len);
		if (r < 0)
			return r;
	}
	return num;
}

/* ---- DMA-coherent memory ---- */
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{
	(void)dev;
	if (gfp & __GFP_DIRECT_RECLAIM)
		rt_sleep_check("dma_alloc_coherent(GFP_KERNEL)", NULL, 0, __builtin_return_address(0));
	void *p = kzalloc(size, gfp & ~__GFP_DIRECT_RECLAIM);
	if (p && dma_handle)
		*dma_handle = (dma_addr_t)(uintptr_t)p;
	return p;
}
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	(void)dev;
	(void)size;
	(void)dma_handle;
	kfree(cpu_addr);
}
static void dmam_release(void *p) { kfree(p); }
void *dmam_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{
	if (gfp & __GFP_DIRECT_RECLAIM)
		rt_sleep_check("dmam_alloc_coherent(GFP_KERNEL)", NULL, 0, __builtin_return_address(0));
	void *p = dma_alloc_coherent(dev, size, dma_handle, gfp & ~__GFP_DIRECT_RECLAIM);
	if (p)
		devm_add_action(dev, dmam_release, p);
	return p;
}

/* ---- mempools ---- */
mempool_t *mempool_create_kmalloc_pool(int min_nr, size_t size)
{
	rt_sleep_check("mempool_create_kmalloc_pool()", NULL, 0, __builtin_return_address(0));
	mempool_t *pool = kzalloc(sizeof(*pool), GFP_ATOMIC);
	if (!pool)
		return NULL;
	pool->min_nr = min_nr;
	pool->size = size;
	pool->elements = kcalloc((size_t)min_nr, sizeof(void *), GFP_ATOMIC);
	init_waitqueue_head(&pool->wait);
	while (pool->curr_nr < min_nr)
		pool->elements[pool->curr_nr++] = kmalloc(size, GFP_ATOMIC);
	return pool;
}
void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask)
{
	struct rt_site s = CALLER();
	if (gfp_mask & __GFP_DIRECT_RECLAIM)
		rt_sleep_check("mempool_alloc(GFP_KERNEL)", s.file, s.line, s.ra);
	for (;;) {
		void *p = kmalloc(pool->size, gfp_mask & ~__GFP_DIRECT_RECLAIM);
		if (p)
			return p;
		if (pool->curr_nr)
			return pool->elements[--pool->curr_nr];
		if (!(gfp_mask & __GFP_DIRECT_RECLAIM))
			return NULL;
		rt_wait_internal(s, pool->wait, pool->curr_nr > 0 || rt.aborted);
		if (rt.aborted)
			return NULL;
	}
}
void mempool_free(void *element, mempool_t *pool)
{
	if (!element)
		return;
	if (pool->curr_nr < pool->min_nr) {
		pool->elements[pool->curr_nr++] = element;
		wake_up(&pool->wait);
		return;
	}
	kfree(element);
}
void mempool_destroy(mempool_t *pool)
{
	if (!pool)
		return;
	while (pool->curr_nr)
		kfree(pool->elements[--pool->curr_nr]);
	kfree(pool->elements);
	kfree(pool);
}

/* ---- kthread parking ---- */
static DECLARE_WAIT_QUEUE_HEAD(park_wq);
bool kthread_should_park(void) { return rt_current()->should_park; }
void kthread_parkme(void)
{
	struct rt_task *t = rt_current();
	rt_sleep_check("kthread_parkme()", NULL, 0, __builtin_return_address(0));
	if (!t->should_park)
		return;
	t->parked = true;
	__wake_up(&park_wq, TASK_NORMAL, 0, NULL);
	rt_wait_internal(CALLER(), park_wq, !t->should_park || t->should_stop || rt.aborted);
	t->parked = false;
}
int kthread_park(struct task_struct *k)
{
	struct rt_task *t = k->rt;
	struct rt_site s = CALLER();
	rt_sleep_check("kthread_park()", s.file, s.line, s.ra);
	if (t->exited)
		return -ENOSYS;
	t->should_park = true;
	rt_wake(t, TASK_NORMAL);
	rt_wait_internal(s, park_wq, t->parked || t->exited || rt.aborted);
	return 0;
}
void kthread_unpark(struct task_struct *k)
{
	k->rt->should_park = false;
	__wake_up(&park_wq, TASK_NORMAL, 0, NULL);
}
