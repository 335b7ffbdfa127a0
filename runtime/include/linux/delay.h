/* udelay/ndelay/mdelay busy-wait on simulated time (atomic-safe);
 * msleep/ssleep/usleep_range/fsleep sleep (may not be used in atomic context). */
#ifndef _RT_LINUX_DELAY_H
#define _RT_LINUX_DELAY_H
#include <linux/types.h>
void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);
void mdelay(unsigned long msecs);
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);
__rt_fwd void usleep_range(unsigned long min, unsigned long max) { usleep_range_state(min, max, 0x0002); }
__rt_fwd void ssleep(unsigned int seconds) { msleep(seconds * 1000); }
void fsleep(unsigned long usecs);
#endif
