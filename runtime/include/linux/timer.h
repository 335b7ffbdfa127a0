/* Kernel timers on simulated jiffies.  Callbacks run from TIMER_SOFTIRQ on
 * the CPU that armed them (or in hardirq-safe mode with TIMER_IRQSAFE). */
#ifndef _RT_LINUX_TIMER_H
#define _RT_LINUX_TIMER_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/jiffies.h>
#include <linux/lockdep.h>
#include <linux/container_of.h>
struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
	/* runtime bookkeeping */
	int __rt_cpu;
	unsigned int __rt_state; /* bit0 pending, bit1 running, bit2 shut down */
	unsigned long __rt_magic;
	u64 __rt_seq;
	struct timer_list *__rt_next;
	void *__rt_event;
	struct lockdep_map __rt_map; /* lets lockdep see del_timer_sync() vs. the callback */
};
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000
#define __RT_TIMER_MAGIC 0x74696d72UL
void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, struct lock_class_key *key);
#define timer_setup(timer, callback, flags) do { static struct lock_class_key __key; \
	init_timer_key((timer), (callback), (flags), #timer, &__key); } while (0)
#define timer_setup_on_stack(timer, callback, flags) timer_setup(timer, callback, flags)
#define __TIMER_INITIALIZER(_function, _flags) { .function = (_function), .flags = (_flags), \
	.__rt_cpu = -1, .__rt_magic = __RT_TIMER_MAGIC }
#define DEFINE_TIMER(_name, _function) struct timer_list _name = __TIMER_INITIALIZER(_function, 0)
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)
#define timer_container_of(var, callback_timer, timer_fieldname) from_timer(var, callback_timer, timer_fieldname)
int mod_timer(struct timer_list *timer, unsigned long expires);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
void add_timer_on(struct timer_list *timer, int cpu);
int timer_delete(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int try_to_del_timer_sync(struct timer_list *timer);
int timer_shutdown(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);
/* Linux 6.12 keeps del_timer()/del_timer_sync() as inline wrappers. */
__rt_fwd int del_timer(struct timer_list *timer) { return timer_delete(timer); }
__rt_fwd int del_timer_sync(struct timer_list *timer) { return timer_delete_sync(timer); }
#define destroy_timer_on_stack(t) do { } while (0)
#endif
