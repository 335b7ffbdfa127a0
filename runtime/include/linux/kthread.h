#ifndef _RT_LINUX_KTHREAD_H
#define _RT_LINUX_KTHREAD_H
#include <linux/sched.h>
#define NUMA_NO_NODE (-1)
__printf(4, 5) struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
							const char namefmt[], ...);
#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)
#define kthread_run(threadfn, data, namefmt, ...) ({ \
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k)) wake_up_process(__k); \
	__k; })
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
/* Parking: kthread_park() waits until the thread calls kthread_parkme(). */
int kthread_park(struct task_struct *k);
void kthread_unpark(struct task_struct *k);
bool kthread_should_park(void);
void kthread_parkme(void);
#endif
