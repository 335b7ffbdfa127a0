/* Simulated jiffies.  HZ is 1000 in the runtime (one jiffy = 1 ms of
 * simulated time); see docs/runtime.md. */
#ifndef _RT_LINUX_JIFFIES_H
#define _RT_LINUX_JIFFIES_H
#include <linux/types.h>
#define HZ 1000
extern volatile unsigned long jiffies;
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_is_before_jiffies(a) time_after(jiffies, a)
unsigned long msecs_to_jiffies(const unsigned int m);
unsigned long usecs_to_jiffies(const unsigned int u);
unsigned int jiffies_to_msecs(const unsigned long j);
unsigned int jiffies_to_usecs(const unsigned long j);
u64 get_jiffies_64(void);
u64 ktime_get_ns(void);
#endif
