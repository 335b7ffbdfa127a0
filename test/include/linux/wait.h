#ifndef CTXLINT_TEST_WAIT_H
#define CTXLINT_TEST_WAIT_H
#include <linux/sched.h>
#include <linux/spinlock.h>
struct wait_queue_head { spinlock_t lock; void *head; };
typedef struct wait_queue_head wait_queue_head_t;
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = { { { 0 } }, 0 }
void init_waitqueue_head(struct wait_queue_head *wq);
void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr, void *key);
#define wake_up(x) __wake_up(x, 3, 1, NULL)
#define wake_up_interruptible(x) __wake_up(x, 1, 1, NULL)
long prepare_to_wait_event(struct wait_queue_head *wq, void *entry, int state);
void finish_wait(struct wait_queue_head *wq, void *entry);
/* Statement-expression macros, shaped like include/linux/wait.h. */
#define ___wait_event(wq, condition, state, ret, cmd) ({ \
	long __ret = ret; \
	for (;;) { \
		long __int = prepare_to_wait_event(&wq, 0, state); \
		if (condition) break; \
		if (__int) { __ret = __int; break; } \
		cmd; \
	} \
	finish_wait(&wq, 0); \
	__ret; })
#define __wait_event(wq, condition) (void)___wait_event(wq, condition, 2, 0, schedule())
#define wait_event(wq, condition) do { might_sleep(); if (condition) break; __wait_event(wq, condition); } while (0)
#define __wait_event_interruptible(wq, condition) ___wait_event(wq, condition, 1, 0, schedule())
#define wait_event_interruptible(wq, condition) ({ \
	int __ret = 0; \
	might_sleep(); \
	if (!(condition)) __ret = __wait_event_interruptible(wq, condition); \
	__ret; })
#define wait_event_killable(wq, condition) ({ \
	int __ret = 0; \
	might_sleep(); \
	if (!(condition)) __ret = ___wait_event(wq, condition, 0x102, 0, schedule()); \
	__ret; })
#define wait_event_interruptible_timeout(wq, condition, timeout) ({ \
	long __ret = timeout; \
	might_sleep(); \
	if (!(condition)) __ret = ___wait_event(wq, condition, 1, timeout, __ret = schedule_timeout(__ret)); \
	__ret; })
#define wait_event_interruptible_locked(wq, condition) \
	((condition) ? 0 : ___wait_event(wq, condition, 1, 0, schedule()))
#define wait_event_interruptible_exclusive(wq, condition) ({ \
	int __ret = 0; \
	might_sleep(); \
	if (!(condition)) __ret = ___wait_event(wq, condition, 1, 0, schedule()); \
	__ret; })
#endif
