/* Atomics.  The simulation runs one host thread and switches tasks only at
 * runtime calls, so plain operations are atomic here. */
#ifndef _RT_LINUX_ATOMIC_H
#define _RT_LINUX_ATOMIC_H
#include <linux/types.h>
#define ATOMIC_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }
__rt_inline int atomic_read(const atomic_t *v) { return v->counter; }
__rt_inline void atomic_set(atomic_t *v, int i) { v->counter = i; }
__rt_inline void atomic_add(int i, atomic_t *v) { v->counter += i; }
__rt_inline void atomic_sub(int i, atomic_t *v) { v->counter -= i; }
__rt_inline void atomic_inc(atomic_t *v) { v->counter++; }
__rt_inline void atomic_dec(atomic_t *v) { v->counter--; }
__rt_inline int atomic_add_return(int i, atomic_t *v) { return v->counter += i; }
__rt_inline int atomic_sub_return(int i, atomic_t *v) { return v->counter -= i; }
__rt_inline int atomic_inc_return(atomic_t *v) { return ++v->counter; }
__rt_inline int atomic_dec_return(atomic_t *v) { return --v->counter; }
__rt_inline bool atomic_dec_and_test(atomic_t *v) { return --v->counter == 0; }
__rt_inline bool atomic_inc_and_test(atomic_t *v) { return ++v->counter == 0; }
__rt_inline bool atomic_sub_and_test(int i, atomic_t *v) { return (v->counter -= i) == 0; }
__rt_inline int atomic_xchg(atomic_t *v, int n) { int o = v->counter; v->counter = n; return o; }
__rt_inline int atomic_cmpxchg(atomic_t *v, int o, int n) { int c = v->counter; if (c == o) v->counter = n; return c; }
__rt_inline long atomic_long_read(const atomic_long_t *v) { return v->counter; }
__rt_inline void atomic_long_set(atomic_long_t *v, long i) { v->counter = i; }
__rt_inline void atomic_long_inc(atomic_long_t *v) { v->counter++; }
__rt_inline void atomic_long_dec(atomic_long_t *v) { v->counter--; }
__rt_inline void atomic_long_add(long i, atomic_long_t *v) { v->counter += i; }
#endif
