/* High-resolution timers.  Callbacks run in hardirq context from the local
 * timer interrupt, or from HRTIMER_SOFTIRQ with the *_SOFT modes, on the CPU
 * that started them.  Linux 6.12 sets them up with hrtimer_init() and an
 * assignment to ->function; hrtimer_setup() (6.13) is provided as well. */
#ifndef _RT_LINUX_HRTIMER_H
#define _RT_LINUX_HRTIMER_H
#include <linux/types.h>
#include <linux/ktime.h>
enum hrtimer_mode {
	HRTIMER_MODE_ABS = 0x00, HRTIMER_MODE_REL = 0x01, HRTIMER_MODE_PINNED = 0x02,
	HRTIMER_MODE_SOFT = 0x04, HRTIMER_MODE_HARD = 0x08,
	HRTIMER_MODE_ABS_PINNED = 0x02, HRTIMER_MODE_REL_PINNED = 0x03,
	HRTIMER_MODE_ABS_SOFT = 0x04, HRTIMER_MODE_REL_SOFT = 0x05,
	HRTIMER_MODE_ABS_PINNED_SOFT = 0x06, HRTIMER_MODE_REL_PINNED_SOFT = 0x07,
	HRTIMER_MODE_ABS_HARD = 0x08, HRTIMER_MODE_REL_HARD = 0x09,
	HRTIMER_MODE_ABS_PINNED_HARD = 0x0a, HRTIMER_MODE_REL_PINNED_HARD = 0x0b,
};
enum hrtimer_restart { HRTIMER_NORESTART, HRTIMER_RESTART };
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_BOOTTIME 7
typedef int clockid_t;
struct hrtimer {
	ktime_t _softexpires;
	enum hrtimer_restart (*function)(struct hrtimer *);
	u8 is_soft;
	u8 state; /* bit0 enqueued, bit1 running */
	/* runtime bookkeeping */
	int __rt_cpu;
	int __rt_running_cpu;
	void *__rt_event;
	struct hrtimer *__rt_next;
};
void hrtimer_init(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode);
void hrtimer_setup(struct hrtimer *timer, enum hrtimer_restart (*function)(struct hrtimer *), clockid_t clock_id,
		   enum hrtimer_mode mode);
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns, const enum hrtimer_mode mode);
__rt_fwd void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode)
{ hrtimer_start_range_ns(timer, tim, 0, mode); }
int hrtimer_try_to_cancel(struct hrtimer *timer);
int hrtimer_cancel(struct hrtimer *timer);
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval);
u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval);
bool hrtimer_active(const struct hrtimer *timer);
__rt_inline bool hrtimer_is_queued(struct hrtimer *timer) { return timer->state & 1; }
__rt_inline ktime_t hrtimer_get_expires(const struct hrtimer *timer) { return timer->_softexpires; }
int schedule_hrtimeout(ktime_t *expires, const enum hrtimer_mode mode);
int schedule_hrtimeout_range(ktime_t *expires, u64 delta, const enum hrtimer_mode mode);
#endif
