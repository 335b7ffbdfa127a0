/* Allocation.  A blocking GFP mask runs the might_sleep check; kfree() runs
 * the freed-memory checks (held locks, pending timers/work/tasklets). */
#ifndef _RT_LINUX_SLAB_H
#define _RT_LINUX_SLAB_H
#include <linux/types.h>
#include <linux/gfp.h>
void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void *kmalloc_array(size_t n, size_t size, gfp_t flags);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void kfree(const void *objp);
void kfree_sensitive(const void *objp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kstrdup(const char *s, gfp_t gfp);
void *kvmalloc(size_t size, gfp_t flags);
void *kvzalloc(size_t size, gfp_t flags);
void kvfree(const void *addr);
size_t ksize(const void *objp);
#endif
