/* High-resolution timers: nanosecond expiry events, callbacks in hardirq
 * context from the local timer interrupt (or HRTIMER_SOFTIRQ for _SOFT). */
#include "internal.h"

enum { HR_ENQUEUED = 1, HR_RUNNING = 2 };
static struct hrtimer **hr_armed;
static int nhr, caphr;

static void armed_add(struct hrtimer *t)
{
	for (int i = 0; i < nhr; i++)
		if (hr_armed[i] == t)
			return;
	if (nhr == caphr) {
		caphr = caphr ? 2 * caphr : 16;
		hr_armed = realloc(hr_armed, sizeof(*hr_armed) * caphr);
	}
	hr_armed[nhr++] = t;
}
static void armed_del(struct hrtimer *t)
{
	for (int i = 0; i < nhr; i++)
		if (hr_armed[i] == t) {
			hr_armed[i] = hr_armed[--nhr];
			return;
		}
}
void rt_hrtimer_reset(void)
{
	free(hr_armed);
	hr_armed = NULL;
	nhr = caphr = 0;
}

void hrtimer_init(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode)
{
	(void)which_clock;
	memset(timer, 0, sizeof(*timer));
	timer->is_soft = (mode & HRTIMER_MODE_SOFT) != 0;
	timer->__rt_cpu = -1;
	timer->__rt_running_cpu = -1;
}
void hrtimer_setup(struct hrtimer *timer, enum hrtimer_restart (*function)(struct hrtimer *), clockid_t clock_id,
		   enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}

static void unlink_expired(struct hrtimer *t)
{
	for (int ci = 0; ci < rt.ncpus; ci++)
		for (int k = 0; k < 2; k++)
			for (struct hrtimer **pp = k ? &rt.cpus[ci].hr_soft : &rt.cpus[ci].hr_expired; *pp;
			     pp = &(*pp)->__rt_next)
				if (*pp == t) {
					*pp = t->__rt_next;
					t->__rt_next = NULL;
					return;
				}
}
static void dequeue(struct hrtimer *t)
{
	if (t->__rt_event) {
		rt_event_cancel(t->__rt_event);
		t->__rt_event = NULL;
	}
	unlink_expired(t);
	t->state &= ~HR_ENQUEUED;
	armed_del(t);
}
static void hr_expire(void *arg)
{
	struct hrtimer *t = arg;
	t->__rt_event = NULL;
	if (!(t->state & HR_ENQUEUED))
		return;
	struct rt_cpu *c = &rt.cpus[t->__rt_cpu >= 0 ? t->__rt_cpu : 0];
	struct hrtimer **pp = &c->hr_expired;
	while (*pp)
		pp = &(*pp)->__rt_next;
	*pp = t;
	t->__rt_next = NULL;
	c->tick_pending = true; /* the local timer interrupt runs it */
}
static void enqueue(struct hrtimer *t, ktime_t expires)
{
	t->_softexpires = expires;
	t->state |= HR_ENQUEUED;
	t->__rt_event = rt_event_at((u64)(expires < 0 ? 0 : expires), hr_expire, t);
	armed_add(t);
}
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns, const enum hrtimer_mode mode)
{
	dequeue(timer);
	if (mode & HRTIMER_MODE_SOFT)
		timer->is_soft = 1;
	ktime_t expires = (mode & HRTIMER_MODE_REL) ? (ktime_t)sim_now_ns() + tim : tim;
	expires += (ktime_t)rt_rand_below(range_ns + 1);
	timer->__rt_cpu = rt.running ? rt_this_cpu()->id : 0;
	enqueue(timer, expires);
}
int hrtimer_try_to_cancel(struct hrtimer *timer)
{
	if (timer->state & HR_RUNNING)
		return -1;
	int was = (timer->state & HR_ENQUEUED) != 0;
	dequeue(timer);
	return was;
}
int hrtimer_cancel(struct hrtimer *timer)
{
	struct rt_site s = RT_SITE_RA();
	int ret;
	while ((ret = hrtimer_try_to_cancel(timer)) < 0 && !rt.aborted) {
		if (timer->__rt_running_cpu == rt_this_cpu()->id) {
			rt_report("ctxlint-sim-hang", s, "hrtimer_cancel-self",
				  "hrtimer_cancel() waits for this hrtimer's callback, which is running on this CPU: deadlock");
			rt_abort("hrtimer_cancel on its own running callback");
			return 0;
		}
		rt_point();
	}
	return ret;
}
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval)
{
	if (interval <= 0 || now < timer->_softexpires)
		return 0;
	u64 n = (u64)((now - timer->_softexpires) / interval) + 1;
	timer->_softexpires += (ktime_t)n * interval;
	return n;
}
u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval)
{
	return hrtimer_forward(timer, (ktime_t)sim_now_ns(), interval);
}
bool hrtimer_active(const struct hrtimer *timer) { return timer->state != 0; }

static long thunk_hr(void *fn, void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	return ((enum hrtimer_restart (*)(struct hrtimer *))fn)(a);
}
static void run_one(struct hrtimer *t, const char *label)
{
	struct rt_cpu *c = rt_this_cpu();
	t->state = (t->state & ~HR_ENQUEUED) | HR_RUNNING;
	t->__rt_running_cpu = c->id;
	armed_del(t);
	enum hrtimer_restart r =
		(enum hrtimer_restart)rt_call_entry(label, (void *)t->function, 0, thunk_hr, t, NULL, NULL);
	t->state &= ~HR_RUNNING;
	t->__rt_running_cpu = -1;
	if (r == HRTIMER_RESTART && !(t->state & HR_ENQUEUED))
		enqueue(t, t->_softexpires);
}
/* Called from the local timer interrupt (hardirq, interrupts off). */
void rt_hrtimer_interrupt(struct rt_cpu *c)
{
	while (c->hr_expired && !rt.aborted) {
		struct hrtimer *t = c->hr_expired;
		c->hr_expired = t->__rt_next;
		t->__rt_next = NULL;
		if (t->is_soft) {
			struct hrtimer **pp = &c->hr_soft;
			while (*pp)
				pp = &(*pp)->__rt_next;
			*pp = t;
			__raise_softirq_irqoff(HRTIMER_SOFTIRQ);
			continue;
		}
		run_one(t, "hrtimer callback (hardirq)");
		c = rt_this_cpu();
	}
}
void rt_hrtimer_softirq(void)
{
	struct rt_cpu *c = rt_this_cpu();
	while (c->hr_soft && !rt.aborted) {
		struct hrtimer *t = c->hr_soft;
		c->hr_soft = t->__rt_next;
		t->__rt_next = NULL;
		run_one(t, "hrtimer callback (softirq)");
		c = rt_this_cpu();
	}
}
void rt_hrtimer_teardown(void *teardown_fn, const void *start, size_t len, struct rt_site site, const char *when)
{
	for (int i = nhr - 1; i >= 0; i--) {
		struct hrtimer *t = hr_armed[i];
		if (start && !((const char *)t >= (const char *)start && (const char *)t < (const char *)start + len))
			continue;
		char basis[160];
		snprintf(basis, sizeof(basis), "hrtimer:%s:%s", rt_symbol_name((void *)t->function), when);
		rt_report_function_override = teardown_fn;
		rt_report("ctxlint-teardown-missing-kill", site, basis, "hrtimer %s is still pending %s",
			  rt_symbol_name((void *)t->function), when);
		rt_report_function_override = NULL;
		dequeue(t);
	}
}
