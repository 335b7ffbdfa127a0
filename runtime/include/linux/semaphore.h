/* Counting semaphores (not tracked by lockdep, as in the kernel). */
#ifndef _RT_LINUX_SEMAPHORE_H
#define _RT_LINUX_SEMAPHORE_H
#include <linux/types.h>
#include <linux/list.h>
struct semaphore {
	unsigned int count;
	struct list_head wait_list;
};
#define __SEMAPHORE_INITIALIZER(name, n) { .count = (n), .wait_list = LIST_HEAD_INIT((name).wait_list) }
/* Since Linux 6.4 DEFINE_SEMAPHORE takes the initial count. */
#define DEFINE_SEMAPHORE(_name, _n) struct semaphore _name = __SEMAPHORE_INITIALIZER(_name, _n)
void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
int __must_check down_interruptible(struct semaphore *sem);
int __must_check down_killable(struct semaphore *sem);
int __must_check down_trylock(struct semaphore *sem);
int __must_check down_timeout(struct semaphore *sem, long jiffies);
void up(struct semaphore *sem);
#endif
