#ifndef CTXLINT_TEST_SPINLOCK_H
#define CTXLINT_TEST_SPINLOCK_H
#include <linux/types.h>
typedef struct raw_spinlock { int raw_lock; } raw_spinlock_t;
typedef struct spinlock { struct raw_spinlock rlock; } spinlock_t;
typedef struct { int raw_lock; } rwlock_t;
#define DEFINE_SPINLOCK(x) spinlock_t x = { { 0 } }
#define DEFINE_RWLOCK(x) rwlock_t x = { 0 }
void spin_lock_init(spinlock_t *lock);
#define typecheck(type, x) ({ type __dummy; __typeof__(x) __dummy2; (void)(&__dummy == &__dummy2); 1; })
void _raw_spin_lock(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock);
void _raw_spin_lock_bh(raw_spinlock_t *lock);
void _raw_spin_unlock_bh(raw_spinlock_t *lock);
void _raw_spin_lock_irq(raw_spinlock_t *lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
int _raw_spin_trylock(raw_spinlock_t *lock);
#define raw_spin_lock(lock) _raw_spin_lock(lock)
#define raw_spin_unlock(lock) _raw_spin_unlock(lock)
#define raw_spin_lock_irqsave(lock, flags) \
	do { typecheck(unsigned long, flags); flags = _raw_spin_lock_irqsave(lock); } while (0)
#define raw_spin_unlock_irqrestore(lock, flags) \
	do { typecheck(unsigned long, flags); _raw_spin_unlock_irqrestore(lock, flags); } while (0)
static inline raw_spinlock_t *spinlock_check(spinlock_t *lock) { return &lock->rlock; }
static inline void spin_lock(spinlock_t *lock) { raw_spin_lock(&lock->rlock); }
static inline void spin_unlock(spinlock_t *lock) { raw_spin_unlock(&lock->rlock); }
static inline void spin_lock_bh(spinlock_t *lock) { _raw_spin_lock_bh(&lock->rlock); }
static inline void spin_unlock_bh(spinlock_t *lock) { _raw_spin_unlock_bh(&lock->rlock); }
static inline void spin_lock_irq(spinlock_t *lock) { _raw_spin_lock_irq(&lock->rlock); }
static inline void spin_unlock_irq(spinlock_t *lock) { _raw_spin_unlock_irq(&lock->rlock); }
static inline int spin_trylock(spinlock_t *lock) { return _raw_spin_trylock(&lock->rlock); }
#define spin_lock_irqsave(lock, flags) \
	do { raw_spin_lock_irqsave(spinlock_check(lock), flags); } while (0)
static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{ raw_spin_unlock_irqrestore(&lock->rlock, flags); }
void _raw_read_lock(rwlock_t *lock);
void _raw_read_unlock(rwlock_t *lock);
void _raw_write_lock(rwlock_t *lock);
void _raw_write_unlock(rwlock_t *lock);
unsigned long _raw_write_lock_irqsave(rwlock_t *lock);
void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
#define read_lock(lock) _raw_read_lock(lock)
#define read_unlock(lock) _raw_read_unlock(lock)
#define write_lock(lock) _raw_write_lock(lock)
#define write_unlock(lock) _raw_write_unlock(lock)
#define write_lock_irqsave(lock, flags) \
	do { typecheck(unsigned long, flags); flags = _raw_write_lock_irqsave(lock); } while (0)
#define write_unlock_irqrestore(lock, flags) \
	do { typecheck(unsigned long, flags); _raw_write_unlock_irqrestore(lock, flags); } while (0)
unsigned long arch_local_irq_save(void);
void arch_local_irq_restore(unsigned long flags);
void arch_local_irq_disable(void);
void arch_local_irq_enable(void);
#define local_irq_save(flags) \
	do { typecheck(unsigned long, flags); flags = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) \
	do { typecheck(unsigned long, flags); arch_local_irq_restore(flags); } while (0)
#define local_irq_disable() do { arch_local_irq_disable(); } while (0)
#define local_irq_enable() do { arch_local_irq_enable(); } while (0)
void __local_bh_disable_ip(unsigned long ip, unsigned int cnt);
void __local_bh_enable_ip(unsigned long ip, unsigned int cnt);
static inline void local_bh_disable(void) { __local_bh_disable_ip(0, 0x200); }
static inline void local_bh_enable(void) { __local_bh_enable_ip(0, 0x200); }
void __preempt_count_add(int val);
void __preempt_count_sub(int val);
#define preempt_disable() do { __preempt_count_add(1); __asm__ __volatile__("" ::: "memory"); } while (0)
#define preempt_enable() do { __asm__ __volatile__("" ::: "memory"); __preempt_count_sub(1); } while (0)
void __rcu_read_lock(void);
void __rcu_read_unlock(void);
static inline void rcu_read_lock(void) { __rcu_read_lock(); }
static inline void rcu_read_unlock(void) { __rcu_read_unlock(); }
void lockdep_assert_held_fn(const void *lock);
#define lockdep_assert_held(l) do { lockdep_assert_held_fn(l); } while (0)
#endif
