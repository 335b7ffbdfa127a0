/* RCU: read-side nesting is tracked per task (preemptible RCU), so sleeping
 * inside rcu_read_lock() is reported by might_sleep. */
#ifndef _RT_LINUX_RCUPDATE_H
#define _RT_LINUX_RCUPDATE_H
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/cleanup.h>
void rcu_read_lock(void);
void rcu_read_unlock(void);
void rcu_read_lock_bh(void);
void rcu_read_unlock_bh(void);
void synchronize_rcu(void);
void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));
void rcu_barrier(void);
void __rt_kfree_rcu(void *ptr);
#define rcu_dereference(p) READ_ONCE(p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_access_pointer(p) READ_ONCE(p)
#define rcu_assign_pointer(p, v) do { smp_wmb(); WRITE_ONCE((p), (v)); } while (0)
#define RCU_INIT_POINTER(p, v) WRITE_ONCE((p), (v))
#define kfree_rcu(ptr, rhf) __rt_kfree_rcu(ptr)
void rcu_read_lock_sched(void);
void rcu_read_unlock_sched(void);
#define synchronize_net() synchronize_rcu()
DEFINE_LOCK_GUARD_0(rcu, rcu_read_lock(), rcu_read_unlock())
#endif
