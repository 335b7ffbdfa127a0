#ifndef CTXLINT_TEST_SLAB_H
#define CTXLINT_TEST_SLAB_H
#include <linux/types.h>
#define ___GFP_DIRECT_RECLAIM 0x400u
#define ___GFP_KSWAPD_RECLAIM 0x800u
#define ___GFP_IO 0x40u
#define ___GFP_FS 0x80u
#define ___GFP_HIGH 0x20u
#define ___GFP_NOWARN 0x2000u
#define __force
#define __GFP_DIRECT_RECLAIM ((__force gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM ((__force gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_RECLAIM ((__force gfp_t)(___GFP_DIRECT_RECLAIM|___GFP_KSWAPD_RECLAIM))
#define __GFP_IO ((__force gfp_t)___GFP_IO)
#define __GFP_FS ((__force gfp_t)___GFP_FS)
#define __GFP_HIGH ((__force gfp_t)___GFP_HIGH)
#define __GFP_NOWARN ((__force gfp_t)___GFP_NOWARN)
#define GFP_ATOMIC (__GFP_HIGH|__GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT (__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO (__GFP_RECLAIM)
void *__kmalloc(size_t size, gfp_t flags);
static inline void *kmalloc(size_t size, gfp_t flags) { return __kmalloc(size, flags); }
static inline void *kzalloc(size_t size, gfp_t flags) { return __kmalloc(size, flags); }
void kfree(const void *p);
void *vmalloc(unsigned long size);
void vfree(const void *addr);
#endif
