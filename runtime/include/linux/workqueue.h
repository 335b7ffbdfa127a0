/* Workqueues with worker tasks (Linux 6.12 names and inline/macro shapes). */
#ifndef _RT_LINUX_WORKQUEUE_H
#define _RT_LINUX_WORKQUEUE_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/timer.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/container_of.h>
struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
#define __RT_WORK_MAGIC 0x776f726bUL
struct work_struct {
	atomic_long_t data; /* bit 0: PENDING */
	struct list_head entry;
	work_func_t func;
	/* runtime bookkeeping: executions queued/started/finished, for flushes */
	unsigned long __rt_magic;
	u64 __rt_queued_seq, __rt_started_seq, __rt_done_seq;
	void *__rt_wq;
	int __rt_running;
	struct lockdep_map __rt_map; /* lets lockdep see flush/cancel vs. the work function */
};
struct workqueue_struct;
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};
#define WORK_STRUCT_PENDING_BIT 0
#define WORK_CPU_UNBOUND 64
#define __WORK_INITIALIZER(n, f) { .data = ATOMIC_LONG_INIT(0), .entry = LIST_HEAD_INIT((n).entry), \
	.func = (f), .__rt_magic = __RT_WORK_MAGIC }
void delayed_work_timer_fn(struct timer_list *t);
#define __DELAYED_WORK_INITIALIZER(n, f, tflags) { .work = __WORK_INITIALIZER((n).work, (f)), \
	.timer = __TIMER_INITIALIZER(delayed_work_timer_fn, (tflags) | TIMER_IRQSAFE) }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)
void __rt_init_work(struct work_struct *work, work_func_t func);
void __rt_init_delayed_work(struct delayed_work *dwork, work_func_t func);
#define INIT_WORK(_work, _func) __rt_init_work((_work), (_func))
#define INIT_DELAYED_WORK(_work, _func) __rt_init_delayed_work((_work), (_func))
#define work_pending(work) test_bit(WORK_STRUCT_PENDING_BIT, (unsigned long *)&(work)->data.counter)
#define delayed_work_pending(w) work_pending(&(w)->work)
__rt_inline struct delayed_work *to_delayed_work(struct work_struct *work)
{ return container_of(work, struct delayed_work, work); }

enum {
	WQ_BH = 1 << 0, WQ_UNBOUND = 1 << 1, WQ_FREEZABLE = 1 << 2, WQ_MEM_RECLAIM = 1 << 3,
	WQ_HIGHPRI = 1 << 4, WQ_CPU_INTENSIVE = 1 << 5, WQ_SYSFS = 1 << 6, WQ_POWER_EFFICIENT = 1 << 7,
	__WQ_DESTROYING = 1 << 15, __WQ_DRAINING = 1 << 16, __WQ_ORDERED = 1 << 17, __WQ_LEGACY = 1 << 18,
	WQ_MAX_ACTIVE = 512, WQ_DFL_ACTIVE = WQ_MAX_ACTIVE / 2,
};
extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;
__printf(1, 4) struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
#define alloc_ordered_workqueue(fmt, flags, args...) \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)
#define create_workqueue(name) alloc_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name) \
	alloc_workqueue("%s", __WQ_LEGACY | WQ_FREEZABLE | WQ_UNBOUND | WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) alloc_ordered_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, name)
void destroy_workqueue(struct workqueue_struct *wq);
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *work, unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
void __flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
bool flush_work(struct work_struct *work);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
bool current_is_workqueue_rescuer(void);
__rt_fwd bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{ return queue_work_on(WORK_CPU_UNBOUND, wq, work); }
__rt_fwd bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{ return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay); }
__rt_fwd bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{ return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay); }
__rt_fwd bool schedule_work_on(int cpu, struct work_struct *work) { return queue_work_on(cpu, system_wq, work); }
__rt_fwd bool schedule_work(struct work_struct *work) { return queue_work(system_wq, work); }
__rt_fwd bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork, unsigned long delay)
{ return queue_delayed_work_on(cpu, system_wq, dwork, delay); }
__rt_fwd bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{ return queue_delayed_work(system_wq, dwork, delay); }
#define flush_workqueue(wq) __flush_workqueue(wq)
#define flush_scheduled_work() __flush_workqueue(system_wq)
#endif
