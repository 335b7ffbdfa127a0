#ifndef _RT_LINUX_COMPLETION_H
#define _RT_LINUX_COMPLETION_H
#include <linux/types.h>
#include <linux/wait.h>
struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};
#define COMPLETION_INITIALIZER(work) { 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)
void init_completion(struct completion *x);
void reinit_completion(struct completion *x);
void wait_for_completion(struct completion *x);
void wait_for_completion_io(struct completion *x);
int __must_check wait_for_completion_interruptible(struct completion *x);
int __must_check wait_for_completion_killable(struct completion *x);
unsigned long __must_check wait_for_completion_timeout(struct completion *x, unsigned long timeout);
long __must_check wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
long __must_check wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
unsigned long __must_check wait_for_completion_io_timeout(struct completion *x, unsigned long timeout);
int __must_check wait_for_completion_state(struct completion *x, unsigned int state);
#endif
