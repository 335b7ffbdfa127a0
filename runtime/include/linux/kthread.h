#ifndef _RT_LINUX_KTHREAD_H
#define _RT_LINUX_KTHREAD_H
#include <linux/sched.h>
__printf(3, 4) struct task_struct *kthread_create(int (*threadfn)(void *data), void *data, const char namefmt[], ...);
#define kthread_run(threadfn, data, namefmt, ...) ({ \
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k)) wake_up_process(__k); \
	__k; })
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
#endif
