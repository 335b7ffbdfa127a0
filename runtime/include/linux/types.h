/* Basic kernel types (ctxlint reference runtime). */
#ifndef _RT_LINUX_TYPES_H
#define _RT_LINUX_TYPES_H

#include <stddef.h>
#include <stdbool.h>
#include <linux/compiler.h>

typedef signed char s8;
typedef unsigned char u8;
typedef signed short s16;
typedef unsigned short u16;
typedef signed int s32;
typedef unsigned int u32;
typedef signed long long s64;
typedef unsigned long long u64;
typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef s32 __s32;
typedef u16 __le16;
typedef u32 __le32;
typedef u16 __be16;
typedef u32 __be32;
typedef long ssize_t;
typedef long loff_t;
typedef int pid_t;
typedef unsigned int gfp_t;
typedef unsigned short umode_t;
typedef unsigned int fmode_t;
typedef u32 dev_t;
typedef unsigned long uintptr_t;
typedef u64 phys_addr_t;
typedef u64 resource_size_t;
typedef u64 dma_addr_t;

typedef struct { int counter; } atomic_t;
typedef struct { long counter; } atomic_long_t;

struct list_head { struct list_head *next, *prev; };
struct hlist_node { struct hlist_node *next, **pprev; };
struct hlist_head { struct hlist_node *first; };
struct callback_head { struct callback_head *next; void (*func)(struct callback_head *head); };
#define rcu_head callback_head

#endif
