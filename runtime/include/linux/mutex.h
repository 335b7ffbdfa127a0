/* Sleeping mutexes with owner tracking (CONFIG_DEBUG_MUTEXES-like checks). */
#ifndef _RT_LINUX_MUTEX_H
#define _RT_LINUX_MUTEX_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/cleanup.h>
#define __RT_MUTEX_MAGIC 0x4d555458UL
struct mutex {
	void *owner;
	struct list_head wait_list;
	unsigned long magic;
	struct lockdep_map dep_map;
};
#define __MUTEX_INITIALIZER(lockname) \
	{ .owner = NULL, .wait_list = LIST_HEAD_INIT(lockname.wait_list), .magic = __RT_MUTEX_MAGIC, \
	  .dep_map = { .key = NULL, .name = #lockname } }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)
void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
#define mutex_init(mutex) do { static struct lock_class_key __key; __mutex_init((mutex), #mutex, &__key); } while (0)
void mutex_lock(struct mutex *lock);
int __must_check mutex_lock_interruptible(struct mutex *lock);
int __must_check mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
void mutex_destroy(struct mutex *lock);
void __rt_mutex_lock_nested(struct mutex *lock, unsigned int subclass, const char *file, int line);
#define mutex_lock_nested(lock, subclass) __rt_mutex_lock_nested((lock), (subclass), __FILE__, __LINE__)
#define mutex_lock_interruptible_nested(lock, subclass) mutex_lock_interruptible(lock)
#define mutex_lock_killable_nested(lock, subclass) mutex_lock_killable(lock)
void mutex_lock_io(struct mutex *lock);
DEFINE_LOCK_GUARD_1(mutex, struct mutex, mutex_lock(_T->lock), mutex_unlock(_T->lock))
DEFINE_LOCK_GUARD_1_COND(mutex_try, mutex, struct mutex, mutex_trylock(_T->lock))
DEFINE_LOCK_GUARD_1_COND(mutex_intr, mutex, struct mutex, mutex_lock_interruptible(_T->lock) == 0)
#endif
