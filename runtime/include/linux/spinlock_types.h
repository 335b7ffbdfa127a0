#ifndef _RT_LINUX_SPINLOCK_TYPES_H
#define _RT_LINUX_SPINLOCK_TYPES_H
#include <linux/types.h>
#include <linux/lockdep.h>
#define __RT_SPINLOCK_MAGIC 0xdead4eadUL
#define __RT_RWLOCK_MAGIC 0xdeaf1eedUL
/* owner_cpu/owner are what CONFIG_DEBUG_SPINLOCK keeps; the runtime uses them
 * to tell a same-CPU self-deadlock from SMP contention. */
typedef struct spinlock {
	volatile int locked;
	int owner_cpu;
	void *owner;
	unsigned long magic;
	struct lockdep_map dep_map;
} spinlock_t;
typedef spinlock_t raw_spinlock_t;
typedef struct {
	volatile int readers;
	volatile int writer;
	int owner_cpu;
	void *owner;
	unsigned long magic;
	struct lockdep_map dep_map;
} rwlock_t;
#define __SPIN_LOCK_UNLOCKED(lockname) \
	{ .locked = 0, .owner_cpu = -1, .owner = NULL, .magic = __RT_SPINLOCK_MAGIC, \
	  .dep_map = { .key = NULL, .name = #lockname } }
#define __RAW_SPIN_LOCK_UNLOCKED(lockname) __SPIN_LOCK_UNLOCKED(lockname)
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define __RW_LOCK_UNLOCKED(lockname) \
	{ .readers = 0, .writer = 0, .owner_cpu = -1, .owner = NULL, .magic = __RT_RWLOCK_MAGIC, \
	  .dep_map = { .key = NULL, .name = #lockname } }
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)
#endif
