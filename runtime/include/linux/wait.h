/* Wait queues.  wait_event*() are statement-expression macros with the
 * kernel's semantics: the condition is re-checked after every wakeup, a true
 * condition wins over a pending signal, and the *_timeout forms return 1 when
 * the condition became true exactly as the time ran out. */
#ifndef _RT_LINUX_WAIT_H
#define _RT_LINUX_WAIT_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN 0x02
struct wait_queue_entry {
	unsigned int flags;
	void *private;
	wait_queue_func_t func;
	struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;
#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name, struct lock_class_key *key);
#define init_waitqueue_head(wq_head) do { static struct lock_class_key __key; \
	__init_waitqueue_head((wq_head), #wq_head, &__key); } while (0)
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int sync, void *key);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
#define DEFINE_WAIT(name) struct wait_queue_entry name = { .private = current, .func = autoremove_wake_function, \
	.entry = LIST_HEAD_INIT((name).entry) }
#define DECLARE_WAITQUEUE(name, tsk) struct wait_queue_entry name = { .private = tsk, .func = default_wake_function }
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
int waitqueue_active(struct wait_queue_head *wq_head);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);
#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr) __wake_up(x, TASK_INTERRUPTIBLE, nr, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/* Runtime hooks around every wait_event*: the first is might_sleep() at the
 * caller's line, the second records a signal-interrupted wait so the driver
 * entry point's return value can be checked (ctxlint-unchecked-wait-return). */
void __rt_wait_begin(const char *file, int line);
long __rt_wait_end(long ret, const char *file, int line);

#define __rt_wait_loop(wq_head, condition, state, cmd) ({ \
	struct wait_queue_entry __rt_wqe; long __rt_res = 0; \
	init_wait_entry(&__rt_wqe, 0); \
	for (;;) { \
		long __rt_sig = prepare_to_wait_event(&(wq_head), &__rt_wqe, (state)); \
		if (condition) break; \
		if (__rt_sig) { __rt_res = __rt_sig; break; } \
		cmd; \
	} \
	finish_wait(&(wq_head), &__rt_wqe); \
	__rt_res; })

#define __rt_wait_loop_timeout(wq_head, condition, state, timeout) ({ \
	struct wait_queue_entry __rt_wqe; long __rt_left = (timeout); \
	init_wait_entry(&__rt_wqe, 0); \
	for (;;) { \
		long __rt_sig = prepare_to_wait_event(&(wq_head), &__rt_wqe, (state)); \
		bool __rt_cond = (condition); \
		if (__rt_cond && !__rt_left) __rt_left = 1; \
		if (__rt_cond || !__rt_left) break; \
		if (__rt_sig) { __rt_left = __rt_sig; break; } \
		__rt_left = schedule_timeout(__rt_left); \
	} \
	finish_wait(&(wq_head), &__rt_wqe); \
	__rt_left; })

#define wait_event(wq_head, condition) do { \
	__rt_wait_begin(__FILE__, __LINE__); \
	if (!(condition)) \
		(void)__rt_wait_loop(wq_head, condition, TASK_UNINTERRUPTIBLE, schedule()); \
} while (0)

#define wait_event_interruptible(wq_head, condition) ({ \
	int __ret = 0; \
	__rt_wait_begin(__FILE__, __LINE__); \
	if (!(condition)) \
		__ret = (int)__rt_wait_loop(wq_head, condition, TASK_INTERRUPTIBLE, schedule()); \
	(int)__rt_wait_end(__ret, __FILE__, __LINE__); })

#define wait_event_killable(wq_head, condition) ({ \
	int __ret = 0; \
	__rt_wait_begin(__FILE__, __LINE__); \
	if (!(condition)) \
		__ret = (int)__rt_wait_loop(wq_head, condition, TASK_KILLABLE, schedule()); \
	(int)__rt_wait_end(__ret, __FILE__, __LINE__); })

#define wait_event_timeout(wq_head, condition, timeout) ({ \
	long __ret = (timeout); \
	__rt_wait_begin(__FILE__, __LINE__); \
	bool __rt_c0 = (condition); \
	if (__rt_c0 && !__ret) __ret = 1; \
	if (!(__rt_c0 || !__ret)) \
		__ret = __rt_wait_loop_timeout(wq_head, condition, TASK_UNINTERRUPTIBLE, __ret); \
	__ret; })

#define wait_event_interruptible_timeout(wq_head, condition, timeout) ({ \
	long __ret = (timeout); \
	__rt_wait_begin(__FILE__, __LINE__); \
	bool __rt_c0 = (condition); \
	if (__rt_c0 && !__ret) __ret = 1; \
	if (!(__rt_c0 || !__ret)) \
		__ret = __rt_wait_loop_timeout(wq_head, condition, TASK_INTERRUPTIBLE, __ret); \
	__rt_wait_end(__ret, __FILE__, __LINE__); })

#define wait_event_interruptible_exclusive(wq_head, condition) wait_event_interruptible(wq_head, condition)

/* wait_var_event: waits on a hashed global queue woken by wake_up_var(). */
struct wait_queue_head *__var_waitqueue(void *p);
void wake_up_var(void *var);
#define wait_var_event(var, condition) do { \
	__rt_wait_begin(__FILE__, __LINE__); \
	if (!(condition)) \
		(void)__rt_wait_loop(*__var_waitqueue(var), condition, TASK_UNINTERRUPTIBLE, schedule()); \
} while (0)

#define wait_event_idle(wq_head, condition) do { \
	__rt_wait_begin(__FILE__, __LINE__); \
	if (!(condition)) \
		(void)__rt_wait_loop(wq_head, condition, TASK_IDLE, schedule()); \
} while (0)
#define wait_event_idle_timeout(wq_head, condition, timeout) ({ \
	long __ret = (timeout); \
	__rt_wait_begin(__FILE__, __LINE__); \
	bool __rt_c0 = (condition); \
	if (__rt_c0 && !__ret) __ret = 1; \
	if (!(__rt_c0 || !__ret)) \
		__ret = __rt_wait_loop_timeout(wq_head, condition, TASK_IDLE, __ret); \
	__ret; })
/* No freezer in the simulation: freezable waits are interruptible waits. */
#define wait_event_freezable(wq_head, condition) wait_event_interruptible(wq_head, condition)
#define wait_event_killable_exclusive(wq_head, condition) wait_event_killable(wq_head, condition)
#define wait_event_killable_timeout(wq_head, condition, timeout) ({ \
	long __ret = (timeout); \
	__rt_wait_begin(__FILE__, __LINE__); \
	bool __rt_c0 = (condition); \
	if (__rt_c0 && !__ret) __ret = 1; \
	if (!(__rt_c0 || !__ret)) \
		__ret = __rt_wait_loop_timeout(wq_head, condition, TASK_KILLABLE, __ret); \
	__ret; })

/* Waits entered with a spinlock held (the queue's own lock for *_locked,
 * `lock` for *_lock_irq): it is dropped around each sleep and retaken.  Like
 * the kernel's, these macros do not call might_sleep() at entry. */
void __rt_wait_site(const char *file, int line);
#define __rt_wait_locked(wq_head, condition, state, unlock, relock) ({ \
	struct wait_queue_entry __rt_wqe; long __rt_res = 0; \
	init_wait_entry(&__rt_wqe, 0); \
	for (;;) { \
		long __rt_sig = prepare_to_wait_event(&(wq_head), &__rt_wqe, (state)); \
		if (condition) break; \
		if (__rt_sig) { __rt_res = __rt_sig; break; } \
		unlock; schedule(); relock; \
	} \
	finish_wait(&(wq_head), &__rt_wqe); \
	__rt_res; })
#define wait_event_interruptible_locked(wq, condition) ({ int __ret = 0; \
	__rt_wait_site(__FILE__, __LINE__); \
	if (!(condition)) __ret = (int)__rt_wait_locked(wq, condition, TASK_INTERRUPTIBLE, \
		spin_unlock(&(wq).lock), spin_lock(&(wq).lock)); \
	(int)__rt_wait_end(__ret, __FILE__, __LINE__); })
#define wait_event_interruptible_locked_irq(wq, condition) ({ int __ret = 0; \
	__rt_wait_site(__FILE__, __LINE__); \
	if (!(condition)) __ret = (int)__rt_wait_locked(wq, condition, TASK_INTERRUPTIBLE, \
		spin_unlock_irq(&(wq).lock), spin_lock_irq(&(wq).lock)); \
	(int)__rt_wait_end(__ret, __FILE__, __LINE__); })
#define wait_event_interruptible_exclusive_locked(wq, condition) wait_event_interruptible_locked(wq, condition)
#define wait_event_interruptible_exclusive_locked_irq(wq, condition) wait_event_interruptible_locked_irq(wq, condition)
#define wait_event_lock_irq_cmd(wq_head, condition, lock, cmd) do { \
	__rt_wait_site(__FILE__, __LINE__); \
	if (!(condition)) (void)__rt_wait_locked(wq_head, condition, TASK_UNINTERRUPTIBLE, \
		spin_unlock_irq(&lock); cmd, spin_lock_irq(&lock)); \
} while (0)
#define wait_event_lock_irq(wq_head, condition, lock) wait_event_lock_irq_cmd(wq_head, condition, lock, )
#define wait_event_interruptible_lock_irq(wq_head, condition, lock) ({ int __ret = 0; \
	__rt_wait_site(__FILE__, __LINE__); \
	if (!(condition)) __ret = (int)__rt_wait_locked(wq_head, condition, TASK_INTERRUPTIBLE, \
		spin_unlock_irq(&lock), spin_lock_irq(&lock)); \
	(int)__rt_wait_end(__ret, __FILE__, __LINE__); })
#define __rt_wait_locked_timeout(wq_head, condition, state, timeout, unlock, relock) ({ \
	struct wait_queue_entry __rt_wqe; long __rt_left = (timeout); \
	init_wait_entry(&__rt_wqe, 0); \
	for (;;) { \
		long __rt_sig = prepare_to_wait_event(&(wq_head), &__rt_wqe, (state)); \
		bool __rt_cond = (condition); \
		if (__rt_cond && !__rt_left) __rt_left = 1; \
		if (__rt_cond || !__rt_left) break; \
		if (__rt_sig) { __rt_left = __rt_sig; break; } \
		unlock; __rt_left = schedule_timeout(__rt_left); relock; \
	} \
	finish_wait(&(wq_head), &__rt_wqe); \
	__rt_left; })
#define wait_event_lock_irq_timeout(wq_head, condition, lock, timeout) ({ long __ret = (timeout); \
	__rt_wait_site(__FILE__, __LINE__); \
	if (!(condition)) __ret = __rt_wait_locked_timeout(wq_head, condition, TASK_UNINTERRUPTIBLE, __ret, \
		spin_unlock_irq(&lock), spin_lock_irq(&lock)); \
	__ret; })
#define wait_event_interruptible_lock_irq_timeout(wq_head, condition, lock, timeout) ({ long __ret = (timeout); \
	__rt_wait_site(__FILE__, __LINE__); \
	if (!(condition)) __ret = __rt_wait_locked_timeout(wq_head, condition, TASK_INTERRUPTIBLE, __ret, \
		spin_unlock_irq(&lock), spin_lock_irq(&lock)); \
	__rt_wait_end(__ret, __FILE__, __LINE__); })
/* hrtimeout: the timeout is a ktime_t in nanoseconds; returns 0, -ETIME or -ERESTARTSYS. */
long __rt_ns_to_jiffies_ceil(long long ns);
#define wait_event_interruptible_hrtimeout(wq, condition, timeout) ({ long __ret = 0; \
	__rt_wait_begin(__FILE__, __LINE__); \
	if (!(condition)) { \
		long __rt_l = __rt_wait_loop_timeout(wq, condition, TASK_INTERRUPTIBLE, \
						     __rt_ns_to_jiffies_ceil((long long)(timeout))); \
		__ret = __rt_l == -ERESTARTSYS ? -ERESTARTSYS : (__rt_l > 0 ? 0 : -ETIME); \
	} \
	__rt_wait_end(__ret, __FILE__, __LINE__); })
#endif
