#ifndef _RT_LINUX_ERR_H
#define _RT_LINUX_ERR_H
#include <linux/types.h>
#include <linux/errno.h>
#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
__rt_inline void *ERR_PTR(long error) { return (void *)error; }
__rt_inline long PTR_ERR(const void *ptr) { return (long)ptr; }
__rt_inline bool IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }
__rt_inline bool IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR_VALUE((unsigned long)ptr); }
__rt_inline void *ERR_CAST(const void *ptr) { return (void *)ptr; }
__rt_inline int PTR_ERR_OR_ZERO(const void *ptr) { return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0; }
#endif
