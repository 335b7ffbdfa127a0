/* Kernel-like declarations for ctxlint's lit tests: the shapes (macro or
 * function, argument order, statement expressions) follow Linux 6.x, the
 * bodies are minimal. Not the runtime's headers. */
#ifndef CTXLINT_TEST_TYPES_H
#define CTXLINT_TEST_TYPES_H
#define NULL ((void *)0)
typedef unsigned int gfp_t;
typedef _Bool bool;
#define true 1
#define false 0
typedef unsigned long size_t;
typedef unsigned char u8;
typedef unsigned int u32;
#define EINTR 4
#define EINVAL 22
#define ERESTARTSYS 512
/* Sparse annotations: empty outside __CHECKER__, as in the kernel. */
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))
struct device;
#endif
