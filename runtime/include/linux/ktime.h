#ifndef _RT_LINUX_KTIME_H
#define _RT_LINUX_KTIME_H
#include <linux/jiffies.h>
typedef s64 ktime_t;
ktime_t ktime_get(void);
#define ktime_to_ns(kt) (kt)
#define ktime_sub(a, b) ((a) - (b))
#endif
