/* Spinlocks and rwlocks with the kernel's API shapes (Linux 6.12):
 * spin_lock()/spin_unlock()/spin_lock_bh()/spin_lock_irq()/spin_trylock()/
 * spin_unlock_irqrestore() are functions; spin_lock_irqsave(),
 * spin_lock_init(), the rwlock operations and DEFINE_* are macros.  The
 * macros pass __FILE__/__LINE__ so reports land on the driver's line; the
 * functions find their call site from the return address. */
#ifndef _RT_LINUX_SPINLOCK_H
#define _RT_LINUX_SPINLOCK_H
#include <linux/types.h>
#include <linux/typecheck.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/spinlock_types.h>
#include <linux/lockdep.h>
#include <linux/cleanup.h>

void __raw_spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key);
#define spin_lock_init(_lock) do { static struct lock_class_key __key; \
	__raw_spin_lock_init((_lock), #_lock, &__key); } while (0)
#define raw_spin_lock_init(_lock) spin_lock_init(_lock)

void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
int spin_trylock_bh(spinlock_t *lock);
int spin_trylock_irq(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
int spin_is_locked(spinlock_t *lock);
void __rt_spin_lock_nested(spinlock_t *lock, int subclass, const char *file, int line);
unsigned long _raw_spin_lock_irqsave(spinlock_t *lock, const char *file, int line);
int _raw_spin_trylock_irqsave(spinlock_t *lock, unsigned long *flags, const char *file, int line);

#define spin_lock_irqsave(lock, flags) do { typecheck(unsigned long, flags); \
	(flags) = _raw_spin_lock_irqsave((lock), __FILE__, __LINE__); } while (0)
#define spin_trylock_irqsave(lock, flags) ({ typecheck(unsigned long, flags); \
	_raw_spin_trylock_irqsave((lock), &(flags), __FILE__, __LINE__); })
#define spin_lock_nested(lock, subclass) __rt_spin_lock_nested((lock), (subclass), __FILE__, __LINE__)
#define raw_spin_lock(l) spin_lock(l)
#define raw_spin_unlock(l) spin_unlock(l)
#define raw_spin_lock_irqsave(l, f) spin_lock_irqsave(l, f)
#define raw_spin_unlock_irqrestore(l, f) spin_unlock_irqrestore(l, f)
#define assert_spin_locked(lock) lockdep_assert_held_fn(&(lock)->dep_map, __FILE__, __LINE__)
#define lockdep_assert_held(l) lockdep_assert_held_fn(&(l)->dep_map, __FILE__, __LINE__)

/* rwlocks: macros in the kernel too. */
void __rwlock_init(rwlock_t *lock, const char *name, struct lock_class_key *key);
#define rwlock_init(_lock) do { static struct lock_class_key __key; \
	__rwlock_init((_lock), #_lock, &__key); } while (0)
enum __rt_lock_mode { __RT_PLAIN, __RT_BH, __RT_IRQ };
void __rt_read_lock(rwlock_t *lock, int mode, const char *file, int line);
void __rt_read_unlock(rwlock_t *lock, int mode, const char *file, int line);
void __rt_write_lock(rwlock_t *lock, int mode, const char *file, int line);
void __rt_write_unlock(rwlock_t *lock, int mode, const char *file, int line);
unsigned long __rt_read_lock_irqsave(rwlock_t *lock, const char *file, int line);
unsigned long __rt_write_lock_irqsave(rwlock_t *lock, const char *file, int line);
void __rt_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags, const char *file, int line);
void __rt_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags, const char *file, int line);
int __rt_read_trylock(rwlock_t *lock, const char *file, int line);
int __rt_write_trylock(rwlock_t *lock, const char *file, int line);
#define read_lock(l) __rt_read_lock((l), __RT_PLAIN, __FILE__, __LINE__)
#define read_unlock(l) __rt_read_unlock((l), __RT_PLAIN, __FILE__, __LINE__)
#define write_lock(l) __rt_write_lock((l), __RT_PLAIN, __FILE__, __LINE__)
#define write_unlock(l) __rt_write_unlock((l), __RT_PLAIN, __FILE__, __LINE__)
#define read_lock_bh(l) __rt_read_lock((l), __RT_BH, __FILE__, __LINE__)
#define read_unlock_bh(l) __rt_read_unlock((l), __RT_BH, __FILE__, __LINE__)
#define write_lock_bh(l) __rt_write_lock((l), __RT_BH, __FILE__, __LINE__)
#define write_unlock_bh(l) __rt_write_unlock((l), __RT_BH, __FILE__, __LINE__)
#define read_lock_irq(l) __rt_read_lock((l), __RT_IRQ, __FILE__, __LINE__)
#define read_unlock_irq(l) __rt_read_unlock((l), __RT_IRQ, __FILE__, __LINE__)
#define write_lock_irq(l) __rt_write_lock((l), __RT_IRQ, __FILE__, __LINE__)
#define write_unlock_irq(l) __rt_write_unlock((l), __RT_IRQ, __FILE__, __LINE__)
#define read_lock_irqsave(l, flags) do { typecheck(unsigned long, flags); \
	(flags) = __rt_read_lock_irqsave((l), __FILE__, __LINE__); } while (0)
#define write_lock_irqsave(l, flags) do { typecheck(unsigned long, flags); \
	(flags) = __rt_write_lock_irqsave((l), __FILE__, __LINE__); } while (0)
#define read_unlock_irqrestore(l, flags) __rt_read_unlock_irqrestore((l), (flags), __FILE__, __LINE__)
#define write_unlock_irqrestore(l, flags) __rt_write_unlock_irqrestore((l), (flags), __FILE__, __LINE__)
#define read_trylock(l) __rt_read_trylock((l), __FILE__, __LINE__)
#define write_trylock(l) __rt_write_trylock((l), __FILE__, __LINE__)

#define raw_spin_lock_bh(l) spin_lock_bh(l)
#define raw_spin_unlock_bh(l) spin_unlock_bh(l)
#define raw_spin_lock_irq(l) spin_lock_irq(l)
#define raw_spin_unlock_irq(l) spin_unlock_irq(l)
#define raw_spin_trylock(l) spin_trylock(l)
#define raw_spin_trylock_irqsave(l, f) spin_trylock_irqsave(l, f)
#define raw_spin_lock_nested(l, subclass) spin_lock_nested(l, subclass)
#define spin_lock_irqsave_nested(lock, flags, subclass) do { typecheck(unsigned long, flags); \
	(flags) = __rt_local_irq_save(__FILE__, __LINE__); \
	__rt_spin_lock_nested((lock), (subclass), __FILE__, __LINE__); } while (0)
#define spin_lock_nest_lock(lock, nest_lock) do { (void)(nest_lock); spin_lock(lock); } while (0)
#define lockdep_assert_held_once(l) lockdep_assert_held(l)
#define lockdep_assert_held_write(l) lockdep_assert_held(l)
#define lockdep_assert_held_read(l) lockdep_assert_held(l)

/* Guards (linux/cleanup.h): guard(spinlock_irqsave)(&lock) and friends. */
DEFINE_LOCK_GUARD_1(spinlock, spinlock_t, spin_lock(_T->lock), spin_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(spinlock_irq, spinlock_t, spin_lock_irq(_T->lock), spin_unlock_irq(_T->lock))
DEFINE_LOCK_GUARD_1(spinlock_irqsave, spinlock_t, spin_lock_irqsave(_T->lock, _T->flags),
		    spin_unlock_irqrestore(_T->lock, _T->flags), unsigned long flags)
DEFINE_LOCK_GUARD_1(spinlock_bh, spinlock_t, spin_lock_bh(_T->lock), spin_unlock_bh(_T->lock))
DEFINE_LOCK_GUARD_1_COND(spinlock_try, spinlock, spinlock_t, spin_trylock(_T->lock))
DEFINE_LOCK_GUARD_1_COND(spinlock_irqsave_try, spinlock_irqsave, spinlock_t, spin_trylock_irqsave(_T->lock, _T->flags))
DEFINE_LOCK_GUARD_1(raw_spinlock, raw_spinlock_t, raw_spin_lock(_T->lock), raw_spin_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(raw_spinlock_irq, raw_spinlock_t, raw_spin_lock_irq(_T->lock), raw_spin_unlock_irq(_T->lock))
DEFINE_LOCK_GUARD_1(raw_spinlock_irqsave, raw_spinlock_t, raw_spin_lock_irqsave(_T->lock, _T->flags),
		    raw_spin_unlock_irqrestore(_T->lock, _T->flags), unsigned long flags)
DEFINE_LOCK_GUARD_1(read_lock, rwlock_t, read_lock(_T->lock), read_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(read_lock_irqsave, rwlock_t, read_lock_irqsave(_T->lock, _T->flags),
		    read_unlock_irqrestore(_T->lock, _T->flags), unsigned long flags)
DEFINE_LOCK_GUARD_1(write_lock, rwlock_t, write_lock(_T->lock), write_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(write_lock_irqsave, rwlock_t, write_lock_irqsave(_T->lock, _T->flags),
		    write_unlock_irqrestore(_T->lock, _T->flags), unsigned long flags)
DEFINE_LOCK_GUARD_0(irq, local_irq_disable(), local_irq_enable())
DEFINE_LOCK_GUARD_0(irqsave, local_irq_save(_T->flags), local_irq_restore(_T->flags), unsigned long flags)
DEFINE_LOCK_GUARD_0(preempt, preempt_disable(), preempt_enable())
#endif
