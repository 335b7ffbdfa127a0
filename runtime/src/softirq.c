/* Softirqs (run at irq_exit, at local_bh_enable and by ksoftirqd, as in
 * Linux 6.12), tasklets with the SCHED/RUN state machine, kernel timers on
 * simulated jiffies, and RCU callbacks. */
#include "internal.h"

static void (*softirq_vec[NR_SOFTIRQS])(void);
static const char *const softirq_names[NR_SOFTIRQS] = { "HI", "TIMER", "NET_TX", "NET_RX", "BLOCK",
							 "IRQ_POLL", "TASKLET", "SCHED", "HRTIMER", "RCU" };
static void tasklet_action(void);
static void tasklet_hi_action(void);
static void run_timer_softirq(void);
static void rcu_process_callbacks(void);

/* Armed timers, so teardown and kfree() checks can find them. */
static struct timer_list **armed;
static int narmed, caparmed;

struct rt_rcu_cb { struct rcu_head *head; void (*func)(struct rcu_head *); u64 gp; struct rt_rcu_cb *next; };
static struct rt_rcu_cb *rcu_list;
static u64 rcu_gp_started, rcu_gp_done;
static bool rcu_poll_armed;

void rt_softirq_reset(void)
{
	memset(softirq_vec, 0, sizeof(softirq_vec));
	softirq_vec[HI_SOFTIRQ] = tasklet_hi_action;
	softirq_vec[TASKLET_SOFTIRQ] = tasklet_action;
	softirq_vec[TIMER_SOFTIRQ] = run_timer_softirq;
	softirq_vec[RCU_SOFTIRQ] = rcu_process_callbacks;
	softirq_vec[HRTIMER_SOFTIRQ] = rt_hrtimer_softirq;
	rt_hrtimer_reset();
	free(armed);
	armed = NULL;
	narmed = caparmed = 0;
	while (rcu_list) {
		struct rt_rcu_cb *n = rcu_list->next;
		free(rcu_list);
		rcu_list = n;
	}
	rcu_gp_started = rcu_gp_done = 0;
	rcu_poll_armed = false;
}

void open_softirq(int nr, void (*action)(void))
{
	if (nr >= 0 && nr < NR_SOFTIRQS)
		softirq_vec[nr] = action;
}

static void wakeup_softirqd(struct rt_cpu *c)
{
	if (c->ksoftirqd)
		rt_wake(c->ksoftirqd, TASK_NORMAL);
}
void __raise_softirq_irqoff(unsigned int nr) { rt_this_cpu()->softirq_pending |= 1u << nr; }
void raise_softirq_irqoff(unsigned int nr)
{
	__raise_softirq_irqoff(nr);
	/* Outside interrupt context nothing would run it soon: ksoftirqd does. */
	if (!in_interrupt() && rt.running)
		wakeup_softirqd(rt_this_cpu());
}
void raise_softirq(unsigned int nr)
{
	struct rt_cpu *c = rt_this_cpu();
	bool off = c->irqs_off;
	c->irqs_off = true;
	raise_softirq_irqoff(nr);
	rt_this_cpu()->irqs_off = off;
}

static long thunk_void(void *fn, void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	((void (*)(void))fn)();
	return 0;
}

/* __do_softirq(): entered with interrupts off and outside interrupt context. */
void rt_do_softirq(void)
{
	struct rt_cpu *c = rt_this_cpu();
	unsigned int pending = c->softirq_pending;
	if (!pending || rt.aborted)
		return;
	c->preempt_count += SOFTIRQ_OFFSET;
	int restart = 10; /* MAX_SOFTIRQ_RESTART */
	u64 end = sim_now_ns() + 2000000; /* MAX_SOFTIRQ_TIME */
	for (;;) {
		c->softirq_pending = 0;
		c->irqs_off = false;
		for (int nr = 0; nr < NR_SOFTIRQS && !rt.aborted; nr++) {
			if (!(pending & (1u << nr)) || !softirq_vec[nr])
				continue;
			if (nr == HI_SOFTIRQ || nr == TASKLET_SOFTIRQ || nr == TIMER_SOFTIRQ || nr == RCU_SOFTIRQ ||
			    nr == HRTIMER_SOFTIRQ) {
				softirq_vec[nr]();
			} else {
				char label[48];
				snprintf(label, sizeof(label), "%s softirq", softirq_names[nr]);
				rt_call_entry(label, (void *)softirq_vec[nr], 0, thunk_void, NULL, NULL, NULL);
			}
		}
		c = rt_this_cpu();
		c->irqs_off = true;
		pending = c->softirq_pending;
		if (!pending || rt.aborted)
			break;
		if (sim_now_ns() >= end || --restart == 0) {
			wakeup_softirqd(c);
			break;
		}
	}
	c->preempt_count -= SOFTIRQ_OFFSET;
}

void rt_ksoftirqd_fn(void *arg)
{
	struct rt_cpu *c = arg;
	struct rt_task *t = rt.running;
	for (;;) {
		while (!c->softirq_pending) {
			t->ts.__state = TASK_INTERRUPTIBLE;
			rt_block("ksoftirqd idle", NULL, 0, NULL);
		}
		c = rt_this_cpu();
		c->irqs_off = true;
		rt_do_softirq();
		rt_this_cpu()->irqs_off = false;
		/* each round costs a little CPU time so a softirq that re-raises
		 * itself forever (a disabled, scheduled tasklet) burns time, not the host */
		rt_busy_wait_ns(50000);
	}
}

/* ---- tasklets ---- */
static long thunk_tasklet(void *fn, void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	struct tasklet_struct *t = a;
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
	(void)fn;
	return 0;
}
static void tasklet_queue(struct tasklet_struct *t, bool hi)
{
	struct rt_cpu *c = rt_this_cpu();
	bool off = c->irqs_off;
	c->irqs_off = true;
	t->next = NULL;
	if (hi) {
		*c->hi_tail = t;
		c->hi_tail = &t->next;
	} else {
		*c->tasklet_tail = t;
		c->tasklet_tail = &t->next;
	}
	raise_softirq_irqoff(hi ? HI_SOFTIRQ : TASKLET_SOFTIRQ);
	rt_this_cpu()->irqs_off = off;
}
void __tasklet_schedule(struct tasklet_struct *t) { tasklet_queue(t, false); }
void __tasklet_hi_schedule(struct tasklet_struct *t) { tasklet_queue(t, true); }

static void tasklet_action_common(bool hi)
{
	struct rt_cpu *c = rt_this_cpu();
	c->irqs_off = true;
	struct tasklet_struct *list = hi ? c->hi_head : c->tasklet_head;
	if (hi) {
		c->hi_head = NULL;
		c->hi_tail = &c->hi_head;
	} else {
		c->tasklet_head = NULL;
		c->tasklet_tail = &c->tasklet_head;
	}
	c->irqs_off = false;
	while (list && !rt.aborted) {
		struct tasklet_struct *t = list;
		list = list->next;
		if (!test_and_set_bit(TASKLET_STATE_RUN, &t->state)) { /* tasklet_trylock() */
			if (!atomic_read(&t->count)) {
				if (!test_and_clear_bit(TASKLET_STATE_SCHED, &t->state))
					__rt_warn(NULL, 0, "tasklet SCHED state not set", NULL);
				void *fn = t->use_callback ? (void *)t->callback : (void *)t->func;
				if (!fn) {
					rt_report("ctxlint-sim-uninitialized-tasklet", RT_SITE(NULL, 0), "tasklet-no-func",
						  "tasklet scheduled without DECLARE_TASKLET()/tasklet_setup(): no function");
					clear_bit(TASKLET_STATE_RUN, &t->state);
					continue;
				}
				rt_this_cpu()->running_tasklet = t;
				rt_call_entry(hi ? "HI tasklet" : "tasklet", fn, 0, thunk_tasklet, t, NULL, NULL);
				rt_this_cpu()->running_tasklet = NULL;
				clear_bit(TASKLET_STATE_RUN, &t->state);
				wake_up_var(&t->state);
				continue;
			}
			clear_bit(TASKLET_STATE_RUN, &t->state);
			wake_up_var(&t->state);
		}
		/* Running elsewhere or disabled: requeue and raise again. */
		c = rt_this_cpu();
		c->irqs_off = true;
		t->next = NULL;
		if (hi) {
			*c->hi_tail = t;
			c->hi_tail = &t->next;
		} else {
			*c->tasklet_tail = t;
			c->tasklet_tail = &t->next;
		}
		__raise_softirq_irqoff(hi ? HI_SOFTIRQ : TASKLET_SOFTIRQ);
		c->irqs_off = false;
	}
}
static void tasklet_action(void) { tasklet_action_common(false); }
static void tasklet_hi_action(void) { tasklet_action_common(true); }

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->func = func;
	t->use_callback = false;
	t->data = data;
}
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->callback = callback;
	t->use_callback = true;
	t->data = 0;
}
void tasklet_unlock_spin_wait(struct tasklet_struct *t)
{
	while (test_bit(TASKLET_STATE_RUN, &t->state) && !rt.aborted)
		rt_point();
}
static void tasklet_wait_not_running(struct tasklet_struct *t, struct rt_site s)
{
	rt_sleep_check("tasklet_unlock_wait()", s.file, s.line, s.ra);
	if (rt_atomic_context()) {
		tasklet_unlock_spin_wait(t);
		return;
	}
	(void)__rt_wait_loop(*__var_waitqueue(&t->state), !test_bit(TASKLET_STATE_RUN, &t->state) || rt.aborted,
			     TASK_UNINTERRUPTIBLE, schedule());
}
void tasklet_unlock_wait(struct tasklet_struct *t) { tasklet_wait_not_running(t, RT_SITE_RA()); }
void tasklet_kill(struct tasklet_struct *t)
{
	struct rt_site s = RT_SITE_RA();
	if (in_interrupt())
		printk(KERN_NOTICE "Attempt to kill tasklet from interrupt\n");
	rt_sleep_check("tasklet_kill()", NULL, 0, s.ra);
	/* Waits for a scheduled tasklet to run (it is not removed), so a
	 * disabled, scheduled tasklet makes this wait forever. */
	struct rt_task *cur = rt.running;
	if (cur) {
		cur->wait_file = NULL;
		cur->wait_ra = s.ra;
		cur->wait_what = "tasklet_kill";
	}
	if (rt_atomic_context()) {
		while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state) && !rt.aborted)
			rt_point();
	} else {
		(void)__rt_wait_loop(*__var_waitqueue(&t->state),
				     !test_and_set_bit(TASKLET_STATE_SCHED, &t->state) || rt.aborted, TASK_UNINTERRUPTIBLE,
				     rt_block("tasklet_kill", NULL, 0, t));
	}
	tasklet_wait_not_running(t, s);
	clear_bit(TASKLET_STATE_SCHED, &t->state);
	wake_up_var(&t->state);
}

/* ---- timers ---- */
enum { TS_PENDING = 1, TS_RUNNING = 2, TS_SHUTDOWN = 4 };
static int running_cpu_of(struct timer_list *t) { return (int)(t->flags >> 24) - 1; }

static void armed_add(struct timer_list *t)
{
	for (int i = 0; i < narmed; i++)
		if (armed[i] == t)
			return;
	if (narmed == caparmed) {
		caparmed = caparmed ? caparmed * 2 : 16;
		armed = realloc(armed, sizeof(*armed) * caparmed);
	}
	armed[narmed++] = t;
}
static void armed_del(struct timer_list *t)
{
	for (int i = 0; i < narmed; i++)
		if (armed[i] == t) {
			armed[i] = armed[--narmed];
			return;
		}
}

void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags, const char *name,
		    struct lock_class_key *key)
{
	memset(timer, 0, sizeof(*timer));
	timer->function = func;
	timer->flags = flags & 0x00ffffff;
	timer->__rt_cpu = -1;
	timer->__rt_magic = __RT_TIMER_MAGIC;
	timer->__rt_map.key = key;
	timer->__rt_map.name = name;
}

static void detach(struct timer_list *t)
{
	if (t->__rt_event) {
		rt_event_cancel(t->__rt_event);
		t->__rt_event = NULL;
	}
	if (t->__rt_cpu >= 0) {
		struct rt_cpu *c = &rt.cpus[t->__rt_cpu];
		for (struct timer_list **pp = &c->expired; *pp; pp = &(*pp)->__rt_next)
			if (*pp == t) {
				*pp = t->__rt_next;
				break;
			}
	}
	t->__rt_next = NULL;
	t->__rt_state &= ~TS_PENDING;
	armed_del(t);
}

static void timer_expire_event(void *arg)
{
	struct timer_list *t = arg;
	t->__rt_event = NULL;
	if (!(t->__rt_state & TS_PENDING))
		return;
	struct rt_cpu *c = &rt.cpus[t->__rt_cpu >= 0 ? t->__rt_cpu : 0];
	struct timer_list **pp = &c->expired;
	while (*pp)
		pp = &(*pp)->__rt_next;
	*pp = t;
	t->__rt_next = NULL;
	c->tick_pending = true; /* the local timer interrupt raises TIMER_SOFTIRQ */
}

static void check_timer_init(struct timer_list *t, struct rt_site s)
{
	if (t->__rt_magic == __RT_TIMER_MAGIC)
		return;
	rt_report("ctxlint-sim-uninitialized-timer", s, "timer-not-initialized",
		  "timer armed without timer_setup()/DEFINE_TIMER");
	void (*fn)(struct timer_list *) = t->function;
	init_timer_key(t, fn, 0, "<uninitialized timer>", NULL);
}

static int do_mod_timer(struct timer_list *t, unsigned long expires, bool pending_only, struct rt_site s)
{
	check_timer_init(t, s);
	if (t->__rt_state & TS_SHUTDOWN)
		return 0;
	int was_pending = (t->__rt_state & TS_PENDING) != 0;
	if (pending_only && !was_pending)
		return 0;
	detach(t);
	t->expires = expires;
	int cpu = rt.running ? rt_this_cpu()->id : 0;
	t->__rt_cpu = cpu;
	t->__rt_state |= TS_PENDING;
	t->__rt_seq = rt.event_seq;
	/* fires at the tick that makes jiffies reach `expires` (at the next one
	 * if that is already past) */
	long delta = (long)(expires - jiffies);
	if (delta < 1)
		delta = 1;
	u64 when = (u64)(jiffies + (unsigned long)delta - RT_INITIAL_JIFFIES) * NSEC_PER_JIFFY;
	t->__rt_event = rt_event_at(when, timer_expire_event, t);
	armed_add(t);
	return was_pending;
}
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return do_mod_timer(timer, expires, false, RT_SITE_RA());
}
int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
	return do_mod_timer(timer, expires, true, RT_SITE_RA());
}
void add_timer(struct timer_list *timer)
{
	if (timer->__rt_state & TS_PENDING)
		__rt_warn(NULL, 0, "add_timer() of a pending timer", NULL);
	do_mod_timer(timer, timer->expires, false, RT_SITE_RA());
}
void add_timer_on(struct timer_list *timer, int cpu)
{
	do_mod_timer(timer, timer->expires, false, RT_SITE_RA());
	if (cpu >= 0 && cpu < rt.ncpus)
		timer->__rt_cpu = cpu;
}
int timer_pending(const struct timer_list *timer) { return (timer->__rt_state & TS_PENDING) != 0; }
int timer_delete(struct timer_list *timer)
{
	int was = (timer->__rt_state & TS_PENDING) != 0;
	detach(timer);
	return was;
}
int try_to_del_timer_sync(struct timer_list *timer)
{
	if (timer->__rt_state & TS_RUNNING)
		return -1;
	return timer_delete(timer);
}
static int delete_sync(struct timer_list *t, bool shutdown, struct rt_site s)
{
	if (in_hardirq() && !(t->flags & TIMER_IRQSAFE))
		__rt_warn(NULL, 0, "in_hardirq() && !(timer->flags & TIMER_IRQSAFE)", NULL);
	/* Let lockdep see that this waits for the callback (as the kernel's
	 * lockdep_map in del_timer_sync() does), with interrupts off so that
	 * no irq-usage state is recorded. */
	struct rt_cpu *c = rt_this_cpu();
	bool off = c->irqs_off;
	c->irqs_off = true;
	rt_lockdep_acquire(&t->__rt_map, &t->__rt_map, 0, 0, s);
	rt_lockdep_release(&t->__rt_map, &t->__rt_map, s, NULL);
	rt_this_cpu()->irqs_off = off;
	if (shutdown)
		t->__rt_state |= TS_SHUTDOWN;
	int ret;
	u64 start = sim_now_ns();
	while ((ret = try_to_del_timer_sync(t)) < 0 && !rt.aborted) {
		if (running_cpu_of(t) == rt_this_cpu()->id) {
			rt_report("ctxlint-sim-hang", s, "del_timer_sync-self",
				  "del_timer_sync() waits for the callback of this timer, which is running on this CPU "
				  "(called from the callback or from an interrupt that preempted it): deadlock");
			rt_abort("del_timer_sync on its own running callback");
			return 0;
		}
		rt_point();
		if (sim_now_ns() - start > 1000000000ULL) {
			rt_report("ctxlint-sim-hang", s, "del_timer_sync-wait", "del_timer_sync() waited 1 s for the callback");
			rt_abort("del_timer_sync never returned");
			return 0;
		}
	}
	return ret;
}
int timer_delete_sync(struct timer_list *timer) { return delete_sync(timer, false, RT_SITE_RA()); }
int timer_shutdown_sync(struct timer_list *timer) { return delete_sync(timer, true, RT_SITE_RA()); }
int timer_shutdown(struct timer_list *timer)
{
	timer->__rt_state |= TS_SHUTDOWN;
	return timer_delete(timer);
}

static long thunk_timer(void *fn, void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	((void (*)(struct timer_list *))fn)(a);
	return 0;
}
static void run_timer_softirq(void)
{
	struct rt_cpu *c = rt_this_cpu();
	while (c->expired && !rt.aborted) {
		struct timer_list *t = c->expired;
		c->expired = t->__rt_next;
		t->__rt_next = NULL;
		t->__rt_state &= ~TS_PENDING;
		t->__rt_state |= TS_RUNNING;
		t->flags = (t->flags & 0x00ffffff) | ((u32)(c->id + 1) << 24);
		armed_del(t);
		bool irqsafe = (t->flags & TIMER_IRQSAFE) != 0;
		if (irqsafe)
			c->irqs_off = true;
		unsigned int pc = c->preempt_count;
		struct rt_site s = { NULL, 0, (void *)t->function };
		rt_lockdep_acquire(&t->__rt_map, &t->__rt_map, 0, 0, s);
		c->running_timer = t;
		rt_call_entry("timer callback", (void *)t->function, 0, thunk_timer, t, NULL, NULL);
		c = rt_this_cpu();
		c->running_timer = NULL;
		rt_lockdep_release(&t->__rt_map, &t->__rt_map, s, NULL);
		if (c->preempt_count != pc) {
			printk(KERN_ERR "timer: %s preempt leak: %08x -> %08x\n", rt_symbol_name((void *)t->function), pc,
			       c->preempt_count);
			c->preempt_count = pc;
		}
		if (irqsafe)
			c->irqs_off = false;
		t->__rt_state &= ~TS_RUNNING;
		t->flags &= 0x00ffffff;
	}
}

/* The local timer interrupt: time slices end, expired timers run. */
void rt_timer_tick(struct rt_cpu *c)
{
	c->irqs_off = true;
	rt_irq_enter("timer tick");
	rt_hrtimer_interrupt(c);
	c = rt_this_cpu();
	if (c->expired)
		__raise_softirq_irqoff(TIMER_SOFTIRQ);
	if (rcu_list)
		__raise_softirq_irqoff(RCU_SOFTIRQ);
	c->need_resched = true;
	rt_irq_exit();
	rt_this_cpu()->irqs_off = false;
}

/* ---- RCU (simplified grace periods) ---- */
void rcu_read_lock(void) { rt_current()->rcu_depth++; }
void rcu_read_unlock(void)
{
	struct rt_task *t = rt_current();
	if (t->rcu_depth <= 0) {
		__rt_warn(NULL, 0, "rcu_read_unlock() without rcu_read_lock()", NULL);
		return;
	}
	t->rcu_depth--;
}
void rcu_read_lock_bh(void)
{
	local_bh_disable();
	rcu_read_lock();
}
void rcu_read_unlock_bh(void)
{
	rcu_read_unlock();
	local_bh_enable();
}
/* include_self: from a softirq, the interrupted task's read-side section
 * counts too; synchronize_rcu() ignores its caller (sleeping inside a reader
 * is reported by might_sleep). */
static bool readers_active(bool include_self)
{
	struct rt_task *t;
	list_for_each_entry(t, &rt.all_tasks, all_node)
		if (!t->exited && t->rcu_depth > 0 && (include_self || t != rt.running))
			return true;
	return false;
}
/* A grace period ends once no task is inside a read-side section; a long or
 * unending reader delays it, as in the kernel. */
void synchronize_rcu(void)
{
	rt_sleep_check("synchronize_rcu()", NULL, 0, __builtin_return_address(0));
	msleep(1);
	while (readers_active(false) && !rt.aborted)
		msleep(1);
}
/* While callbacks wait, a grace-period poll every jiffy makes sure some CPU
 * takes a timer tick (and so RCU_SOFTIRQ) even when all CPUs are idle. */
static void rcu_poll(void *arg)
{
	(void)arg;
	rcu_poll_armed = false;
	if (!rcu_list)
		return;
	rt.cpus[0].tick_pending = true;
	rcu_poll_armed = true;
	rt_event_at(rt.now + NSEC_PER_JIFFY, rcu_poll, NULL);
}
static void rcu_arm_poll(void)
{
	if (!rcu_poll_armed) {
		rcu_poll_armed = true;
		rt_event_at(sim_now_ns() + NSEC_PER_JIFFY, rcu_poll, NULL);
	}
}
void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *))
{
	rcu_arm_poll();
	struct rt_rcu_cb *cb = calloc(1, sizeof(*cb));
	cb->head = head;
	cb->func = func;
	cb->gp = ++rcu_gp_started;
	struct rt_rcu_cb **pp = &rcu_list;
	while (*pp)
		pp = &(*pp)->next;
	*pp = cb;
}
static long thunk_rcu(void *fn, void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	((void (*)(struct rcu_head *))fn)(a);
	return 0;
}
static void rcu_process_callbacks(void)
{
	if (readers_active(true))
		return;
	while (rcu_list && !rt.aborted) {
		struct rt_rcu_cb *cb = rcu_list;
		rcu_list = cb->next;
		rcu_gp_done = cb->gp;
		rt_call_entry("RCU callback", (void *)cb->func, 0, thunk_rcu, cb->head, NULL, NULL);
		free(cb);
	}
}
void rcu_barrier(void)
{
	while (rcu_list && !rt.aborted)
		msleep(1);
}
static void kfree_rcu_cb(struct rcu_head *h) { kfree(h); }
void __rt_kfree_rcu(void *ptr)
{
	rcu_arm_poll();
	/* The rcu_head lives inside the object; freeing the object start is
	 * what kfree_rcu() ends up doing. */
	struct rt_rcu_cb *cb = calloc(1, sizeof(*cb));
	cb->head = ptr;
	cb->func = kfree_rcu_cb;
	cb->gp = ++rcu_gp_started;
	struct rt_rcu_cb **pp = &rcu_list;
	while (*pp)
		pp = &(*pp)->next;
	*pp = cb;
}

/* ---- teardown ---- */
extern void delayed_work_timer_fn(struct timer_list *t);
static void report_callback(const char *what, void *cb, void *teardown_fn, struct rt_site site, const char *when)
{
	char basis[160];
	snprintf(basis, sizeof(basis), "%s:%s:%s", what, rt_symbol_name(cb), when);
	rt_report_function_override = teardown_fn;
	rt_report("ctxlint-teardown-missing-kill", site, basis, "%s %s is still pending %s", what, rt_symbol_name(cb),
		  when);
	rt_report_function_override = NULL;
}
static bool in_range(const void *p, const void *start, size_t len)
{
	return (const char *)p >= (const char *)start && (const char *)p < (const char *)start + len;
}
/* start == NULL: everything (module exit). */
static void check_callbacks(const void *start, size_t len, void *teardown_fn, struct rt_site site, const char *when)
{
	for (int i = narmed - 1; i >= 0; i--) {
		struct timer_list *t = armed[i];
		if (start && !in_range(t, start, len))
			continue;
		if (t->function == delayed_work_timer_fn) {
			struct delayed_work *dw = container_of(t, struct delayed_work, timer);
			report_callback("delayed work", (void *)dw->work.func, teardown_fn, site, when);
			clear_bit(WORK_STRUCT_PENDING_BIT, (unsigned long *)&dw->work.data.counter);
		} else {
			report_callback("timer", (void *)t->function, teardown_fn, site, when);
		}
		detach(t); /* never run a callback into freed or unloaded code */
	}
	for (int ci = 0; ci < rt.ncpus; ci++) {
		struct rt_cpu *c = &rt.cpus[ci];
		/* callbacks running on another CPU right now (not the caller's own) */
		if (c->running_timer && c != rt_this_cpu() && (!start || in_range(c->running_timer, start, len)))
			report_callback("timer (running)", (void *)c->running_timer->function, teardown_fn, site, when);
		struct tasklet_struct *rtl = c->running_tasklet;
		if (rtl && c != rt_this_cpu() && (!start || in_range(rtl, start, len)))
			report_callback("tasklet (running)", rtl->use_callback ? (void *)rtl->callback : (void *)rtl->func,
					teardown_fn, site, when);
		for (int hi = 0; hi < 2; hi++) {
			struct tasklet_struct **pp = hi ? &c->hi_head : &c->tasklet_head;
			while (*pp) {
				struct tasklet_struct *t = *pp;
				if (start && !in_range(t, start, len)) {
					pp = &t->next;
					continue;
				}
				report_callback(atomic_read(&t->count) ? "tasklet (disabled)" : "tasklet",
						t->use_callback ? (void *)t->callback : (void *)t->func, teardown_fn, site, when);
				*pp = t->next;
				t->next = NULL;
				clear_bit(TASKLET_STATE_SCHED, &t->state);
			}
			if (hi)
				for (c->hi_tail = &c->hi_head; *c->hi_tail; c->hi_tail = &(*c->hi_tail)->next)
					;
			else
				for (c->tasklet_tail = &c->tasklet_head; *c->tasklet_tail;
				     c->tasklet_tail = &(*c->tasklet_tail)->next)
					;
		}
	}
}
void rt_teardown_check_callbacks_fn(void *teardown_fn, const char *when)
{
	check_callbacks(NULL, 0, teardown_fn, ((struct rt_site){ NULL, -1, teardown_fn }), when);
	rt_hrtimer_teardown(teardown_fn, NULL, 0, ((struct rt_site){ NULL, -1, teardown_fn }), when);
}
void rt_teardown_check_callbacks(void) { rt_teardown_check_callbacks_fn(NULL, "after module exit"); }
void rt_check_free_callbacks(const void *start, size_t len, struct rt_site site)
{
	check_callbacks(start, len, NULL, site, "in memory being freed");
	rt_hrtimer_teardown(NULL, start, len, site, "in memory being freed");
}
