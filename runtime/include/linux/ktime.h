#ifndef _RT_LINUX_KTIME_H
#define _RT_LINUX_KTIME_H
#include <linux/jiffies.h>
typedef s64 ktime_t;
ktime_t ktime_get(void);
#define ktime_to_ns(kt) (kt)
#define ktime_sub(a, b) ((a) - (b))
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define ms_to_ktime(ms) ((ktime_t)(ms) * NSEC_PER_MSEC)
#define us_to_ktime(us) ((ktime_t)(us) * NSEC_PER_USEC)
#define ktime_add_ns(kt, ns) ((kt) + (ns))
#define ktime_add(a, b) ((a) + (b))
#define ktime_to_us(kt) ((kt) / 1000)
#define ktime_to_ms(kt) ((kt) / 1000000)
#define ns_to_ktime(ns) ((ktime_t)(ns))
#define ktime_set(secs, nsecs) ((ktime_t)(secs) * NSEC_PER_SEC + (nsecs))
#include <linux/hrtimer.h>
#endif
