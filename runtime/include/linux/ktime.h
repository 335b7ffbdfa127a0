#ifndef _RT_LINUX_KTIME_H
#define _RT_LINUX_KTIME_H
#include <linux/jiffies.h>
typedef s64 ktime_t;
ktime_t ktime_get(void);
#define ktime_to_ns(kt) (kt)
#define ktime_sub(a, b) ((a) - (b))
enum hrtimer_mode { HRTIMER_MODE_ABS = 0, HRTIMER_MODE_REL = 1 };
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define ms_to_ktime(ms) ((ktime_t)(ms) * NSEC_PER_MSEC)
#define us_to_ktime(us) ((ktime_t)(us) * NSEC_PER_USEC)
int schedule_hrtimeout(ktime_t *expires, const enum hrtimer_mode mode);
int schedule_hrtimeout_range(ktime_t *expires, u64 delta, const enum hrtimer_mode mode);
#endif
