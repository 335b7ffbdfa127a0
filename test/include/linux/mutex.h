#ifndef CTXLINT_TEST_MUTEX_H
#define CTXLINT_TEST_MUTEX_H
#include <linux/types.h>
struct mutex { long owner; };
#define DEFINE_MUTEX(m) struct mutex m = { 0 }
void mutex_init(struct mutex *lock);
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
int __attribute__((warn_unused_result)) mutex_lock_interruptible_nested(struct mutex *lock, unsigned int subclass);
int __attribute__((warn_unused_result)) mutex_lock_killable_nested(struct mutex *lock, unsigned int subclass);
/* Like a CONFIG_DEBUG_LOCK_ALLOC kernel: the plain names are macros. */
#define mutex_lock(lock) mutex_lock_nested(lock, 0)
#define mutex_lock_interruptible(lock) mutex_lock_interruptible_nested(lock, 0)
#define mutex_lock_killable(lock) mutex_lock_killable_nested(lock, 0)
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
#endif
