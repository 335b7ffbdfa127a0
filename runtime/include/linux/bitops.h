#ifndef _RT_LINUX_BITOPS_H
#define _RT_LINUX_BITOPS_H
#include <linux/types.h>
#define BITS_PER_LONG 64
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
__rt_inline void set_bit(long nr, volatile unsigned long *a) { a[BIT_WORD(nr)] |= BIT_MASK(nr); }
__rt_inline void clear_bit(long nr, volatile unsigned long *a) { a[BIT_WORD(nr)] &= ~BIT_MASK(nr); }
__rt_inline void change_bit(long nr, volatile unsigned long *a) { a[BIT_WORD(nr)] ^= BIT_MASK(nr); }
__rt_inline bool test_bit(long nr, const volatile unsigned long *a) { return (a[BIT_WORD(nr)] & BIT_MASK(nr)) != 0; }
__rt_inline bool test_and_set_bit(long nr, volatile unsigned long *a)
{ bool o = test_bit(nr, a); set_bit(nr, a); return o; }
__rt_inline bool test_and_clear_bit(long nr, volatile unsigned long *a)
{ bool o = test_bit(nr, a); clear_bit(nr, a); return o; }
#define __set_bit set_bit
#define __clear_bit clear_bit
#define __test_and_set_bit test_and_set_bit
#define __test_and_clear_bit test_and_clear_bit
__rt_inline unsigned long ffz(unsigned long w) { return (unsigned long)__builtin_ctzl(~w); }
__rt_inline int fls(unsigned int x) { return x ? 32 - __builtin_clz(x) : 0; }
__rt_inline int hweight32(unsigned int w) { return __builtin_popcount(w); }
#endif
