/* Everyday kernel helpers (ctxlint reference runtime). */
#ifndef _RT_LINUX_KERNEL_H
#define _RT_LINUX_KERNEL_H
#include <stdarg.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/container_of.h>
#include <linux/string.h> /* memcpy and friends come with most kernel headers */

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define min(a, b) ({ __typeof__(a) __rt_a = (a); __typeof__(b) __rt_b = (b); __rt_a < __rt_b ? __rt_a : __rt_b; })
#define max(a, b) ({ __typeof__(a) __rt_a = (a); __typeof__(b) __rt_b = (b); __rt_a > __rt_b ? __rt_a : __rt_b; })
#define min_t(t, a, b) min((t)(a), (t)(b))
#define max_t(t, a, b) max((t)(a), (t)(b))
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define ALIGN(x, a) (((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))
#define BIT(n) (1UL << (n))
#define GENMASK(h, l) (((~0UL) << (l)) & (~0UL >> (sizeof(long) * 8 - 1 - (h))))
#define U8_MAX 0xff
#define INT_MAX ((int)(~0U >> 1))
#define UINT_MAX (~0U)
#define LONG_MAX ((long)(~0UL >> 1))
#define ULONG_MAX (~0UL)
#define MAX_SCHEDULE_TIMEOUT LONG_MAX

__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);

/* might_sleep() is a macro so the report can name the caller's line. */
void __might_sleep(const char *file, int line);
#define might_sleep() do { __might_sleep(__FILE__, __LINE__); } while (0)
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)
#define might_resched() do { } while (0)
#endif
