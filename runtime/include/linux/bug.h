#ifndef _RT_LINUX_BUG_H
#define _RT_LINUX_BUG_H
#include <linux/types.h>
void __rt_warn(const char *file, int line, const char *cond, const char *fmt, ...);
__attribute__((noreturn)) void __rt_bug(const char *file, int line);
#define BUG() __rt_bug(__FILE__, __LINE__)
#define BUG_ON(c) do { if (unlikely(c)) BUG(); } while (0)
#define WARN_ON(c) ({ int __rt_c = !!(c); if (unlikely(__rt_c)) __rt_warn(__FILE__, __LINE__, #c, NULL); unlikely(__rt_c); })
#define WARN_ON_ONCE(c) WARN_ON(c)
#define WARN(c, fmt, ...) ({ int __rt_c = !!(c); if (unlikely(__rt_c)) __rt_warn(__FILE__, __LINE__, #c, fmt, ##__VA_ARGS__); unlikely(__rt_c); })
#define WARN_ONCE(c, fmt, ...) WARN(c, fmt, ##__VA_ARGS__)
#define BUILD_BUG_ON(c) _Static_assert(!(c), #c)
#endif
