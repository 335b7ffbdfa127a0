/* Read-write semaphores (sleeping; tracked by lockdep, readers are not
 * recursive as in the kernel). */
#ifndef _RT_LINUX_RWSEM_H
#define _RT_LINUX_RWSEM_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/cleanup.h>
struct rw_semaphore {
	int readers;
	void *writer;
	struct list_head wait_list;
	struct lockdep_map dep_map;
};
#define __RWSEM_INITIALIZER(lockname) { .readers = 0, .writer = NULL, .wait_list = LIST_HEAD_INIT((lockname).wait_list), \
	.dep_map = { .key = NULL, .name = #lockname } }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)
void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);
#define init_rwsem(sem) do { static struct lock_class_key __key; __init_rwsem((sem), #sem, &__key); } while (0)
void down_read(struct rw_semaphore *sem);
int __must_check down_read_interruptible(struct rw_semaphore *sem);
int __must_check down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int __must_check down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
int rwsem_is_locked(struct rw_semaphore *sem);
DEFINE_LOCK_GUARD_1(rwsem_read, struct rw_semaphore, down_read(_T->lock), up_read(_T->lock))
DEFINE_LOCK_GUARD_1(rwsem_write, struct rw_semaphore, down_write(_T->lock), up_write(_T->lock))
#endif
