/* Compiler attributes used by kernel-style code.  Part of the ctxlint
 * reference runtime (Linux 6.12 API shapes, written from the documented API). */
#ifndef _RT_LINUX_COMPILER_H
#define _RT_LINUX_COMPILER_H

#define __user
#define __iomem
#define __rcu
#define __force
#define __must_check __attribute__((warn_unused_result))
#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#define __maybe_unused __attribute__((unused))
#define __always_unused __attribute__((unused))
#define __init
#define __exit
#define __initdata
#define __exitdata
#define __read_mostly
#define __cold
#define noinline __attribute__((noinline))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define barrier() __asm__ __volatile__("" ::: "memory")
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define smp_mb() barrier()
#define smp_rmb() barrier()
#define smp_wmb() barrier()
#define mb() barrier()
#define rmb() barrier()
#define wmb() barrier()
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()
#define cpu_relax() __rt_cpu_relax()
void __rt_cpu_relax(void);

/* Header helpers must not show up in the -finstrument-functions stack of the
 * driver: they are runtime code, not driver code. */
#define __rt_inline static inline __attribute__((no_instrument_function, unused))
/* Forwarding wrappers are always inlined so the callee's return address is
 * the driver's call site. */
#define __rt_fwd static inline __attribute__((always_inline, no_instrument_function, unused))

#define __RT_CONCAT2(a, b) a##b
#define __RT_CONCAT(a, b) __RT_CONCAT2(a, b)
#define __RT_UNIQUE(prefix) __RT_CONCAT(prefix, __COUNTER__)

#endif
