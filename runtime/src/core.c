/* The simulated machine's core: seeded randomness, simulated time and the
 * event queue, tasks as ucontext coroutines, the per-CPU scheduler, switch
 * points, preempt_count and local interrupt state, the shadow call stack fed
 * by -finstrument-functions, and the run loop.
 *
 * Only one coroutine runs at a time, and control changes hands only inside
 * runtime calls (rt_point and the blocking primitives), so a run is a pure
 * function of the seed.  Each CPU has its own clock; the run loop always
 * resumes the CPU whose clock is furthest behind, which interleaves CPUs the
 * way concurrent execution would. */
#include "internal.h"
#include <dlfcn.h>
#include <signal.h>
#include <unistd.h>

struct rt_sim rt;
volatile unsigned long jiffies = RT_INITIAL_JIFFIES;

static struct rt_task boot_task; /* stands in for `current` outside a run */

/* ---- randomness ---- */
u64 rt_rand(void)
{
	/* splitmix64: small, fast, and the whole stream follows from the seed */
	u64 z = (rt.rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}
unsigned long rt_rand_below(unsigned long n) { return n ? (unsigned long)(rt_rand() % n) : 0; }

void rt_log(const char *fmt, ...)
{
	if (!rt.cfg.verbose)
		return;
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "[%10.6f] ", rt.now / 1e9);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

/* ---- events ---- */
static bool ev_less(struct sim_event *a, struct sim_event *b)
{
	return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}
static void heap_set(int i, struct sim_event *e) { rt.heap[i] = e; e->heap_index = i; }
static void heap_up(int i)
{
	while (i > 0) {
		int p = (i - 1) / 2;
		if (!ev_less(rt.heap[i], rt.heap[p]))
			break;
		struct sim_event *t = rt.heap[p];
		heap_set(p, rt.heap[i]);
		heap_set(i, t);
		i = p;
	}
}
static void heap_down(int i)
{
	for (;;) {
		int l = 2 * i + 1, r = l + 1, m = i;
		if (l < rt.nheap && ev_less(rt.heap[l], rt.heap[m]))
			m = l;
		if (r < rt.nheap && ev_less(rt.heap[r], rt.heap[m]))
			m = r;
		if (m == i)
			return;
		struct sim_event *t = rt.heap[m];
		heap_set(m, rt.heap[i]);
		heap_set(i, t);
		i = m;
	}
}
struct sim_event *rt_event_at(u64 when, void (*fn)(void *), void *arg)
{
	struct sim_event *e = calloc(1, sizeof(*e));
	e->when = when < rt.now ? rt.now : when;
	e->seq = rt.event_seq++;
	e->fn = fn;
	e->arg = arg;
	if (rt.nheap == rt.capheap) {
		rt.capheap = rt.capheap ? rt.capheap * 2 : 64;
		rt.heap = realloc(rt.heap, sizeof(*rt.heap) * rt.capheap);
	}
	heap_set(rt.nheap++, e);
	heap_up(rt.nheap - 1);
	return e;
}
void rt_event_cancel(struct sim_event *ev)
{
	if (ev)
		ev->cancelled = true;
}
static struct sim_event *heap_top(void)
{
	while (rt.nheap && rt.heap[0]->cancelled) {
		struct sim_event *e = rt.heap[0];
		heap_set(0, rt.heap[--rt.nheap]);
		heap_down(0);
		free(e);
	}
	return rt.nheap ? rt.heap[0] : NULL;
}
static void fire_top(void)
{
	struct sim_event *e = rt.heap[0];
	heap_set(0, rt.heap[--rt.nheap]);
	if (rt.nheap)
		heap_down(0);
	if (e->when > rt.now)
		rt.now = e->when;
	jiffies = RT_INITIAL_JIFFIES + rt.now / NSEC_PER_JIFFY;
	struct rt_task *saved = rt.running;
	rt.last_progress = rt.now;
	rt.running = NULL; /* events are hardware: no CPU, no task */
	e->fn(e->arg);
	rt.running = saved;
	free(e);
}
struct sim_event *sim_event_after(u64 delay_ns, void (*fn)(void *), void *arg)
{
	u64 base = rt.now;
	if (rt.running && rt.running_cpu && rt.running_cpu->clock > base)
		base = rt.running_cpu->clock;
	return rt_event_at(base + delay_ns, fn, arg);
}
void sim_event_cancel(struct sim_event *ev) { rt_event_cancel(ev); }
u64 sim_now_ns(void)
{
	if (rt.running && rt.running_cpu && rt.running_cpu->clock > rt.now)
		return rt.running_cpu->clock;
	return rt.now;
}
unsigned long long sim_seed(void) { return rt.cfg.seed; }
unsigned long sim_random(unsigned long bound) { return rt_rand_below(bound); }
void sim_fail_next(const char *api, int count)
{
	if (!strcmp(api, "kmalloc"))
		rt.fail_kmalloc = count;
	else if (!strcmp(api, "request_irq"))
		rt.fail_request_irq = count;
	else
		fprintf(stderr, "sim_fail_next: unknown API family '%s'\n", api);
}

/* ---- CPUs and tasks ---- */
struct rt_cpu *rt_this_cpu(void) { return rt.running_cpu ? rt.running_cpu : &rt.cpus[0]; }
struct rt_task *rt_current(void) { return rt.running ? rt.running : &boot_task; }
struct task_struct *get_current(void) { return &rt_current()->ts; }

static void task_trampoline(void)
{
	struct rt_task *t = rt.running;
	t->fn(t->arg);
	t->exited = true;
	t->ts.__state = TASK_DEAD;
	rt.last_progress = sim_now_ns();
	__wake_up(&t->exit_wq, TASK_NORMAL, 0, NULL);
	if (t == rt.scenario)
		rt.stop = true;
	if (rt.nzombies < 64)
		rt.zombies[rt.nzombies++] = t;
	rt_schedule(); /* never returns: a dead task is not picked again */
	rt_abort("internal: dead task resumed");
	rt_switch_to_main();
}

static void rq_add(struct rt_task *t)
{
	if (!t->on_rq) {
		list_add_tail(&t->rq_node, &rt.runqueue);
		t->on_rq = true;
	}
}
static void rq_del(struct rt_task *t)
{
	if (t->on_rq) {
		list_del(&t->rq_node);
		t->on_rq = false;
	}
}

struct rt_task *rt_task_create(const char *name, enum rt_task_kind kind, void (*fn)(void *), void *arg, int bound_cpu)
{
	struct rt_task *t = calloc(1, sizeof(*t));
	t->ts.rt = t;
	t->ts.pid = rt.next_pid++;
	snprintf(t->ts.comm, sizeof(t->ts.comm), "%s", name);
	t->ts.flags = kind == RT_TASK_USER ? 0 : PF_KTHREAD;
	t->kind = kind;
	t->fn = fn;
	t->arg = arg;
	t->cpu = -1;
	t->bound_cpu = bound_cpu;
	init_waitqueue_head(&t->exit_wq);
	t->stack = malloc(RT_STACK_SIZE);
	getcontext(&t->ctx);
	t->ctx.uc_stack.ss_sp = t->stack;
	t->ctx.uc_stack.ss_size = RT_STACK_SIZE;
	t->ctx.uc_link = NULL;
	makecontext(&t->ctx, task_trampoline, 0);
	list_add_tail(&t->all_node, &rt.all_tasks);
	t->ts.__state = TASK_RUNNING;
	if (kind != RT_TASK_IDLE)
		rq_add(t);
	return t;
}

static bool runnable_for(struct rt_cpu *c)
{
	struct rt_task *t;
	list_for_each_entry(t, &rt.runqueue, rq_node)
		if (t->bound_cpu < 0 || t->bound_cpu == c->id)
			return true;
	return false;
}

static struct rt_task *pick_next(struct rt_cpu *c)
{
	struct rt_task *cand[32], *t;
	int n = 0;
	list_for_each_entry(t, &rt.runqueue, rq_node) {
		if ((t->bound_cpu < 0 || t->bound_cpu == c->id) && n < 32)
			cand[n++] = t;
	}
	if (!n)
		return NULL;
	/* Mostly FIFO; sometimes another runnable task, so seeds explore orders. */
	if (n == 1 || rt_rand_below(4))
		return cand[0];
	return cand[rt_rand_below(n)];
}

void rt_switch_to_main(void)
{
	struct rt_task *me = rt.running;
	swapcontext(&me->ctx, &rt.main_ctx);
}

void rt_schedule(void)
{
	struct rt_task *prev = rt.running;
	struct rt_cpu *c = rt_this_cpu();
	if (prev->ts.__state != TASK_RUNNING && prev->ts.__state != TASK_DEAD) {
		unsigned int st = prev->ts.__state;
		if ((st & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) && prev->sigpending &&
		    ((st & TASK_INTERRUPTIBLE) || (prev->sigpending & (1UL << SIGKILL))))
			prev->ts.__state = TASK_RUNNING;
	}
	c->need_resched = false;
	struct rt_task *next = pick_next(c);
	if (!next) {
		if (prev->ts.__state == TASK_RUNNING)
			return;
		next = c->idle;
	}
	if (next == prev)
		return;
	if (prev->ts.__state == TASK_RUNNING && prev != c->idle)
		rq_add(prev);
	rq_del(next);
	prev->cpu = -1;
	next->cpu = c->id;
	c->curr = next;
	c->clock += 1000; /* a context switch costs about a microsecond */
	rt.running = next;
	swapcontext(&prev->ctx, &next->ctx);
}

int rt_wake(struct rt_task *t, unsigned int state)
{
	if (!t || t->exited || !(t->ts.__state & state))
		return 0;
	t->ts.__state = TASK_RUNNING;
	if (t->cpu < 0)
		rq_add(t);
	/* Wakeup preemption, decided by the seed. */
	if (rt.running && rt_rand_below(2))
		rt_this_cpu()->need_resched = true;
	return 1;
}
int wake_up_process(struct task_struct *tsk) { return rt_wake(tsk->rt, TASK_NORMAL); }

bool rt_atomic_context(void)
{
	struct rt_cpu *c = rt_this_cpu();
	return c->preempt_count != 0 || c->irqs_off || rt_current()->rcu_depth > 0 ||
	       rt_current()->kind == RT_TASK_IDLE;
}

void rt_abort(const char *why)
{
	if (!rt.aborted)
		rt_log("simulation aborted: %s\n", why);
	rt.aborted = true;
	if (rt.running)
		rt_switch_to_main();
}

static bool cpu_busy(struct rt_cpu *c)
{
	if (c->curr != c->idle || !c->idle_parked)
		return true;
	return c->tick_pending || rt_irq_pending_for(c) || runnable_for(c);
}

static bool should_yield(struct rt_cpu *c)
{
	struct sim_event *e = heap_top();
	if (e && e->when <= c->clock)
		return true;
	for (int i = 0; i < rt.ncpus; i++) {
		struct rt_cpu *o = &rt.cpus[i];
		if (o == c || !cpu_busy(o))
			continue;
		u64 oc = o->clock < rt.now ? rt.now : o->clock;
		if (oc < c->clock)
			return true;
	}
	return false;
}

/* The switch point: time passes, other CPUs and hardware catch up, pending
 * interrupts are taken if this CPU has them enabled, and a preemptible task
 * may be preempted. */
void rt_point(void)
{
	if (!rt.in_sim || !rt.running)
		return;
	struct rt_cpu *c = rt_this_cpu();
	c->clock += 50 + rt_rand_below(200);
	unsigned long cj = RT_INITIAL_JIFFIES + c->clock / NSEC_PER_JIFFY;
	if (cj != c->last_tick && c->curr != c->idle) {
		c->last_tick = cj;
		c->tick_pending = true;
	}
	if (should_yield(c))
		rt_switch_to_main();
	if (rt.aborted)
		rt_switch_to_main();
	rt_irq_check();
	c = rt_this_cpu();
	if (c->preempt_count == 0 && !c->irqs_off && rt.running != c->idle && rt.running->ts.__state == TASK_RUNNING &&
	    (c->need_resched || (runnable_for(c) && rt_rand_below(16) == 0)))
		rt_schedule();
}
void __rt_cpu_relax(void) { rt_point(); }

void rt_busy_wait_ns(u64 ns)
{
	while (ns && !rt.aborted) {
		u64 step = ns > 2000 ? 2000 : ns;
		rt_this_cpu()->clock += step;
		ns -= step;
		rt_point();
	}
}

void rt_irq_check(void)
{
	for (;;) {
		struct rt_cpu *c = rt_this_cpu();
		if (c->irqs_off || rt.aborted || !rt.running)
			return;
		if (rt_irq_deliver_one(c))
			continue;
		if (c->tick_pending) {
			c->tick_pending = false;
			rt_timer_tick(c);
			continue;
		}
		return;
	}
}

static void idle_fn(void *arg)
{
	(void)arg;
	for (;;) {
		rt_irq_check();
		struct rt_cpu *c = rt_this_cpu();
		if (runnable_for(c)) {
			rt_schedule();
			continue;
		}
		c->idle_parked = true;
		rt_switch_to_main();
		rt_this_cpu()->idle_parked = false;
	}
}

/* Blocks the current task until it is woken (its state is RUNNING again).
 * In atomic context, after might_sleep has reported, the CPU busy-waits
 * instead of switching tasks: the runtime never runs two contexts' worth of
 * preempt_count on one CPU (see docs/runtime.md). */
void rt_block(const char *what, const char *file, int line, void *obj)
{
	struct rt_task *t = rt.running;
	if (what)
		t->wait_what = what; /* else keep the wait_event/completion label */
	if (file) { /* else the caller recorded the driver's call site */
		t->wait_file = file;
		t->wait_line = line;
		t->wait_ra = NULL;
	}
	t->wait_obj = obj;
	if (rt_atomic_context()) {
		u64 start = sim_now_ns();
		while (t->ts.__state != TASK_RUNNING && !rt.aborted) {
			unsigned int st = t->ts.__state;
			if ((st & TASK_INTERRUPTIBLE) && t->sigpending)
				break;
			rt_point();
			if (sim_now_ns() - start > 10ULL * 1000000000ULL) {
				rt_report("ctxlint-sim-hang", RT_SITE(file, line), what,
					  "CPU %d stuck for 10 s busy-waiting in %s from atomic context",
					  rt_this_cpu()->id, what);
				rt_abort("busy-wait in atomic context never ended");
			}
		}
		t->ts.__state = TASK_RUNNING;
	} else {
		rt_schedule();
	}
	t->wait_what = NULL;
}

/* ---- preempt_count, local irq and bh state ---- */
int preempt_count(void) { return (int)rt_this_cpu()->preempt_count; }
int irqs_disabled(void) { return rt_this_cpu()->irqs_off; }
void __rt_preempt_disable(void) { rt_this_cpu()->preempt_count++; }
void __rt_preempt_enable(bool resched)
{
	struct rt_cpu *c = rt_this_cpu();
	if ((c->preempt_count & PREEMPT_MASK) == 0) {
		__rt_warn(NULL, 0, "preempt_count underflow", NULL);
		return;
	}
	c->preempt_count--;
	if (resched && c->preempt_count == 0)
		rt_point(); /* preemption point */
}
void rt_irqs_disable(void) { rt_this_cpu()->irqs_off = true; }
void rt_irqs_enable(void) { rt_this_cpu()->irqs_off = false; }
unsigned long __rt_local_save_flags(void) { return rt_this_cpu()->irqs_off ? 1UL : 0UL; }
void __rt_local_irq_disable(const char *file, int line)
{
	(void)file;
	(void)line;
	rt_irqs_disable();
}
void __rt_local_irq_enable(const char *file, int line)
{
	rt_irqsave_check_enable(RT_SITE(file, line), "local_irq_enable");
	rt_irqs_enable();
	rt_point();
}
unsigned long __rt_local_irq_save(const char *file, int line)
{
	struct rt_cpu *c = rt_this_cpu();
	int prev = c->irqs_off;
	c->irqs_off = true;
	u64 id;
	rt_irqsave_push(&id, prev, RT_SITE(file, line));
	return (id << 1) | (unsigned long)prev;
}
void __rt_local_irq_restore(unsigned long flags, const char *file, int line)
{
	rt_irqsave_pop(flags, RT_SITE(file, line), "local_irq_restore");
	rt_this_cpu()->irqs_off = flags & 1;
	if (!(flags & 1))
		rt_point();
}

void local_bh_disable(void) { rt_this_cpu()->preempt_count += SOFTIRQ_DISABLE_OFFSET; }
void local_bh_enable(void)
{
	struct rt_cpu *c = rt_this_cpu();
	if (c->preempt_count & HARDIRQ_MASK)
		__rt_warn(NULL, 0, "local_bh_enable() in hardirq context", NULL);
	if ((c->preempt_count & SOFTIRQ_MASK) < SOFTIRQ_DISABLE_OFFSET) {
		__rt_warn(NULL, 0, "local_bh_enable() without local_bh_disable()", NULL);
		return;
	}
	c->preempt_count -= SOFTIRQ_DISABLE_OFFSET;
	if (!(c->preempt_count & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK)) && c->softirq_pending) {
		bool off = c->irqs_off;
		c->irqs_off = true;
		rt_do_softirq();
		rt_this_cpu()->irqs_off = off;
	}
	rt_point();
}

int rt_irq_context(void)
{
	unsigned int pc = rt_this_cpu()->preempt_count;
	if (pc & HARDIRQ_MASK)
		return 2;
	if (pc & SOFTIRQ_OFFSET)
		return 1;
	return 0;
}
const char *rt_context_name(void)
{
	if (!rt.running)
		return "process";
	switch (rt_irq_context()) {
	case 2: return "hardirq";
	case 1: return "softirq";
	default: return "process";
	}
}

/* ---- the shadow stack ---- */
void __cyg_profile_func_enter(void *fn, void *site) __attribute__((no_instrument_function));
void __cyg_profile_func_exit(void *fn, void *site) __attribute__((no_instrument_function));
void __cyg_profile_func_enter(void *fn, void *site)
{
	struct rt_task *t = rt.running;
	if (!t)
		return;
	if (t->nframes < RT_MAX_FRAMES)
		t->frames[t->nframes] = (struct rt_frame){ fn, site, ++rt.frame_serial, NULL };
	t->nframes++;
}
void __cyg_profile_func_exit(void *fn, void *site)
{
	(void)site;
	struct rt_task *t = rt.running;
	if (!t || t->nframes == 0)
		return;
	int i = t->nframes - 1;
	if (i < RT_MAX_FRAMES && !t->frames[i].boundary && rt.running_cpu && rt.running_cpu->nsaves)
		rt_irqsave_check_frame_exit(t->frames[i].serial, fn);
	t->nframes--;
}
u64 rt_frame_serial(void)
{
	struct rt_task *t = rt.running;
	if (!t || !t->nframes || t->nframes > RT_MAX_FRAMES)
		return 0;
	return t->frames[t->nframes - 1].serial;
}
void *rt_top_fn(void)
{
	struct rt_task *t = rt.running;
	if (!t || !t->nframes || t->nframes > RT_MAX_FRAMES)
		return NULL;
	return t->frames[t->nframes - 1].fn;
}

long rt_call_entry(const char *label, void *fn, int is_syscall, long (*thunk)(void *, void *, void *, void *),
		   void *a, void *b, void *c)
{
	struct rt_task *t = rt.running;
	if (!t || t->nentries >= RT_MAX_ENTRIES)
		return thunk(fn, a, b, c);
	struct rt_entry *e = &t->entries[t->nentries++];
	*e = (struct rt_entry){ .label = label, .fn = fn, .held_at_entry = t->nheld, .frames_at_entry = t->nframes,
				.is_syscall = is_syscall };
	if (t->nframes < RT_MAX_FRAMES)
		t->frames[t->nframes] = (struct rt_frame){ fn, NULL, ++rt.frame_serial, label };
	t->nframes++;
	long ret = thunk(fn, a, b, c);
	t = rt.running;
	rt.last_progress = sim_now_ns();
	e = &t->entries[t->nentries - 1];
	t->nframes = e->frames_at_entry + 1; /* keep the boundary for reports */
	if (!rt.aborted) {
		rt_lockdep_check_entry_return(t, e);
		if (e->wait_interrupted && is_syscall && ret != -ERESTARTSYS && ret != -EINTR && ret != -ERESTARTNOHAND &&
		    ret != -ERESTARTNOINTR && ret != -ERESTART_RESTARTBLOCK) {
			/* Report from the waiting function's point of view. */
			if (t->nframes < RT_MAX_FRAMES)
				t->frames[t->nframes++] = (struct rt_frame){ e->wait_fn, NULL, 0, NULL };
			rt_report("ctxlint-unchecked-wait-return", ((struct rt_site){ e->wait_file, e->wait_line, e->wait_ra }),
				  "interrupted-wait",
				  "%s returned %ld after a wait in it was interrupted by a signal "
				  "(an unchecked wait_event_interruptible() result?)",
				  rt_symbol_name(fn), ret);
			rt_report_line("the wait returned -ERESTARTSYS; the entry point should return -ERESTARTSYS or -EINTR");
		}
	}
	t->nframes = e->frames_at_entry;
	t->nentries--;
	return ret;
}

/* ---- might_sleep ---- */
void rt_sleep_check(const char *api, const char *file, int line, void *ra)
{
	struct rt_task *t = rt.running;
	if (!t || !rt.in_sim)
		return;
	struct rt_cpu *c = rt_this_cpu();
	unsigned int pc = c->preempt_count;
	bool off = c->irqs_off;
	if (pc == 0 && !off && t->rcu_depth == 0 && t->kind != RT_TASK_IDLE) {
		t->atomic_sleep_reported = false;
		return;
	}
	if (!strcmp(api, "schedule()") && t->atomic_sleep_reported)
		return; /* the sleeping API that got here was reported already */
	t->atomic_sleep_reported = true;
	struct rt_site site = { file, line, ra };
	char basis[128];
	snprintf(basis, sizeof(basis), "%s@%s", api, rt_context_name());
	rt_report("ctxlint-sleep-in-atomic", site, basis, "sleeping function %s called from invalid context (%s%s%s%s)",
		  api, rt_context_name(), (pc & PREEMPT_MASK) ? ", preemption disabled" : "",
		  off ? ", interrupts disabled" : "", t->rcu_depth ? ", inside rcu_read_lock()" : "");
	rt_report_line("BUG: sleeping function called from invalid context");
	rt_report_line("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s", pc != 0, off, t->ts.pid,
		       t->ts.comm);
	rt_report_line("preempt_count: %x, expected: 0", pc);
	rt_report_line("RCU nest depth: %d, expected: 0", t->rcu_depth);
	for (int i = 0; i < t->nheld; i++)
		rt_report_note(RT_HELD_SITE(&t->held[i]), "lock %s held here", rt_lock_name(t->held[i].map));
}
void __might_sleep(const char *file, int line) { rt_sleep_check("might_sleep()", file, line, NULL); }
void __rt_might_fault(const char *file, int line) { rt_sleep_check("might_fault()", file, line, NULL); }
void __rt_cond_resched(const char *file, int line)
{
	rt_sleep_check("cond_resched()", file, line, NULL);
	if (!rt_atomic_context())
		rt_point();
}

void __rt_set_current_state(unsigned int state) { rt_current()->ts.__state = state; }

void schedule(void)
{
	struct rt_task *t = rt.running;
	if (!t)
		return;
	if (rt_atomic_context()) {
		rt_sleep_check("schedule()", NULL, 0, __builtin_return_address(0));
		rt_block(t->wait_what ? NULL : "schedule", NULL, 0, NULL);
		return;
	}
	if (t->ts.__state == TASK_RUNNING) {
		rt_point();
		return;
	}
	rt_block(t->wait_what ? NULL : "schedule", NULL, 0, NULL);
}
void yield(void)
{
	rt_this_cpu()->need_resched = true;
	rt_point();
}

static void timeout_fire(void *arg)
{
	struct rt_task *t = arg;
	t->timeout_ev = NULL;
	rt_wake(t, TASK_NORMAL | TASK_WAKEKILL);
}
static u64 jiffy_time(unsigned long j) { return (u64)(j - RT_INITIAL_JIFFIES) * NSEC_PER_JIFFY; }

long schedule_timeout(long timeout)
{
	struct rt_task *t = rt.running;
	if (!t)
		return 0;
	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		printk(KERN_ERR "schedule_timeout: wrong timeout value %lx\n", timeout);
		t->ts.__state = TASK_RUNNING;
		return 0;
	}
	unsigned long expire = jiffies + timeout;
	t->timeout_ev = rt_event_at(jiffy_time(expire), timeout_fire, t);
	if (t->ts.__state == TASK_RUNNING)
		rt_point();
	else
		rt_block("schedule_timeout", NULL, 0, NULL);
	if (t->timeout_ev) {
		rt_event_cancel(t->timeout_ev);
		t->timeout_ev = NULL;
	}
	long left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}
long rt_schedule_timeout_state(long timeout, unsigned int state)
{
	__rt_set_current_state(state);
	return schedule_timeout(timeout);
}
long schedule_timeout_interruptible(long t) { return rt_schedule_timeout_state(t, TASK_INTERRUPTIBLE); }
long schedule_timeout_uninterruptible(long t) { return rt_schedule_timeout_state(t, TASK_UNINTERRUPTIBLE); }
long schedule_timeout_killable(long t) { return rt_schedule_timeout_state(t, TASK_KILLABLE); }

/* ---- signals ---- */
int signal_pending(struct task_struct *p) { return p->rt && p->rt->sigpending != 0; }
int fatal_signal_pending(struct task_struct *p) { return p->rt && (p->rt->sigpending & (1UL << SIGKILL)); }
int task_pid_nr(struct task_struct *tsk) { return tsk->pid; }
void sim_kill(struct task_struct *task, int sig)
{
	struct rt_task *t = task->rt;
	if (!t || t->exited)
		return;
	t->sigpending |= 1UL << sig;
	rt_wake(t, TASK_INTERRUPTIBLE | (sig == SIGKILL ? TASK_WAKEKILL : 0));
}

/* ---- delays and time ---- */
unsigned long msecs_to_jiffies(const unsigned int m) { return (unsigned long)m * HZ / 1000; }
unsigned long usecs_to_jiffies(const unsigned int u) { return ((unsigned long)u * HZ + 999999) / 1000000; }
unsigned int jiffies_to_msecs(const unsigned long j) { return (unsigned int)(j * 1000 / HZ); }
unsigned int jiffies_to_usecs(const unsigned long j) { return (unsigned int)(j * 1000000 / HZ); }
u64 get_jiffies_64(void) { return jiffies; }
u64 ktime_get_ns(void) { return sim_now_ns(); }
ktime_t ktime_get(void) { return (ktime_t)sim_now_ns(); }

void udelay(unsigned long usecs) { rt_busy_wait_ns((u64)usecs * 1000); }
void ndelay(unsigned long nsecs) { rt_busy_wait_ns(nsecs); }
void mdelay(unsigned long msecs) { rt_busy_wait_ns((u64)msecs * 1000000); }
void msleep(unsigned int msecs)
{
	rt_sleep_check("msleep()", NULL, 0, __builtin_return_address(0));
	long timeout = (long)msecs_to_jiffies(msecs) + 1;
	while (timeout && !rt.aborted)
		timeout = schedule_timeout_uninterruptible(timeout);
}
unsigned long msleep_interruptible(unsigned int msecs)
{
	rt_sleep_check("msleep_interruptible()", NULL, 0, __builtin_return_address(0));
	long timeout = (long)msecs_to_jiffies(msecs) + 1;
	while (timeout && !signal_pending(current) && !rt.aborted)
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state)
{
	rt_sleep_check("usleep_range()", NULL, 0, __builtin_return_address(0));
	u64 ns = (min + rt_rand_below(max > min ? max - min + 1 : 1)) * 1000ULL;
	struct rt_task *t = rt.running;
	if (!t)
		return;
	t->ts.__state = state;
	t->timeout_ev = sim_event_after(ns, timeout_fire, t);
	rt_block("usleep_range", NULL, 0, NULL);
	if (t->timeout_ev) {
		rt_event_cancel(t->timeout_ev);
		t->timeout_ev = NULL;
	}
}
void fsleep(unsigned long usecs)
{
	if (usecs <= 10)
		udelay(usecs);
	else if (usecs <= 20000)
		usleep_range_state(usecs, 2 * usecs, TASK_UNINTERRUPTIBLE);
	else
		msleep(DIV_ROUND_UP(usecs, 1000));
}
void sim_sleep_us(unsigned long usecs)
{
	struct rt_task *t = rt.running;
	t->ts.__state = TASK_UNINTERRUPTIBLE;
	t->timeout_ev = sim_event_after((u64)usecs * 1000, timeout_fire, t);
	rt_block("sim_sleep_us", NULL, 0, NULL);
	if (t->timeout_ev) {
		rt_event_cancel(t->timeout_ev);
		t->timeout_ev = NULL;
	}
}
void sim_bus_delay(u64 ns)
{
	struct rt_task *t = rt.running;
	if (!t)
		return;
	if (rt_atomic_context()) {
		rt_busy_wait_ns(ns);
		return;
	}
	t->ts.__state = TASK_UNINTERRUPTIBLE;
	t->timeout_ev = sim_event_after(ns, timeout_fire, t);
	rt_block("bus transfer", NULL, 0, NULL);
	if (t->timeout_ev) {
		rt_event_cancel(t->timeout_ev);
		t->timeout_ev = NULL;
	}
}

/* ---- printk, WARN, BUG ---- */
int printk(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	const char *msg = buf;
	if (msg[0] == '\001' && msg[1])
		msg += 2;
	rt_log("%s", msg);
	return n;
}
void __rt_warn(const char *file, int line, const char *cond, const char *fmt, ...)
{
	char buf[512] = "";
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
	}
	rt_log("WARNING: %s:%d %s %s", file ? file : "?", line, cond ? cond : "", buf);
	if (!fmt || !buf[0] || buf[strlen(buf) - 1] != '\n')
		rt_log("\n");
}
void __rt_bug(const char *file, int line)
{
	rt_report("ctxlint-sim-bug", RT_SITE(file, line), "BUG", "kernel BUG at %s:%d", file, line);
	rt_abort("BUG()");
	abort();
}
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (size == 0)
		return 0;
	return n >= (int)size ? (int)size - 1 : n;
}
int kstrtoint(const char *s, unsigned int base, int *res)
{
	char *end;
	long v = strtol(s, &end, (int)base);
	if (end == s)
		return -EINVAL;
	*res = (int)v;
	return 0;
}
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	char *end;
	unsigned long v = strtoul(s, &end, (int)base);
	if (end == s)
		return -EINVAL;
	*res = v;
	return 0;
}
ssize_t strscpy(char *dst, const char *src, size_t n)
{
	if (!n)
		return -E2BIG;
	size_t l = strlen(src);
	if (l >= n) {
		memcpy(dst, src, n - 1);
		dst[n - 1] = 0;
		return -E2BIG;
	}
	memcpy(dst, src, l + 1);
	return (ssize_t)l;
}
size_t strlcpy(char *dst, const char *src, size_t n)
{
	size_t l = strlen(src);
	if (n) {
		size_t c = l >= n ? n - 1 : l;
		memcpy(dst, src, c);
		dst[c] = 0;
	}
	return l;
}

/* ---- tasks for scenarios and kthreads ---- */
struct task_struct *sim_spawn(const char *name, void (*fn)(void *), void *arg)
{
	return &rt_task_create(name, RT_TASK_USER, fn, arg, -1)->ts;
}
void sim_join(struct task_struct *task)
{
	struct rt_task *t = task->rt;
	rt_wait_internal(RT_SITE_RA(), t->exit_wq, t->exited || rt.aborted);
}

static long thunk_kthread(void *fn, void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	return ((int (*)(void *))fn)(a);
}
static void kthread_trampoline(void *arg)
{
	struct rt_task *t = rt.running;
	(void)arg;
	t->exit_code = (int)rt_call_entry("kthread", (void *)t->threadfn, 0, thunk_kthread, t->arg, NULL, NULL);
}
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node, const char namefmt[], ...)
{
	(void)node;
	char name[64];
	va_list ap;
	va_start(ap, namefmt);
	vsnprintf(name, sizeof(name), namefmt, ap);
	va_end(ap);
	rt_sleep_check("kthread_create()", NULL, 0, __builtin_return_address(0));
	struct rt_task *t = rt_task_create(name, RT_TASK_KTHREAD, kthread_trampoline, data, -1);
	t->threadfn = threadfn;
	/* Created stopped, like the kernel: runs after wake_up_process(). */
	rq_del(t);
	t->ts.__state = TASK_UNINTERRUPTIBLE;
	return &t->ts;
}
bool kthread_should_stop(void) { return rt_current()->should_stop; }
int kthread_stop(struct task_struct *k)
{
	struct rt_task *t = k->rt;
	rt_sleep_check("kthread_stop()", NULL, 0, __builtin_return_address(0));
	t->should_stop = true;
	rt_wake(t, TASK_NORMAL);
	rt_wait_internal(RT_SITE_RA(), t->exit_wq, t->exited || rt.aborted);
	return t->exit_code;
}

/* ---- the run ---- */
static struct { const char *name; sim_scenario_fn fn; } scenarios[64];
static int nscenarios;
void __sim_register_scenario(const char *name, sim_scenario_fn fn)
{
	if (nscenarios < 64) {
		scenarios[nscenarios].name = name;
		scenarios[nscenarios].fn = fn;
		nscenarios++;
	}
}

void sim_default_config(struct sim_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->seed = 1;
	cfg->ncpus = 2;
	cfg->debug_shirq_at_request = true;
	cfg->debug_shirq_at_free = true;
	cfg->spurious_window = 100000;
	cfg->storm_limit = 1000;
	cfg->max_time_ns = 60ULL * 1000000000ULL;
}

static void scenario_body(void *arg)
{
	((sim_scenario_fn)arg)();
}

static void report_hang(const char *why)
{
	struct rt_task *t;
	rt.hung = true;
	list_for_each_entry(t, &rt.all_tasks, all_node) {
		if (t->exited || t->kind == RT_TASK_IDLE || t->ts.__state == TASK_RUNNING || !t->wait_what)
			continue;
		if (t->kind != RT_TASK_USER && t->kind != RT_TASK_KTHREAD)
			continue;
		struct rt_task *saved = rt.running;
		rt.running = t; /* report from the blocked task's stack */
		rt_report("ctxlint-sim-hang", ((struct rt_site){ t->wait_file, t->wait_line, t->wait_file ? NULL : t->wait_ra }),
			  t->wait_what, "task %s (pid %d) blocked in %s %s", t->ts.comm, t->ts.pid, t->wait_what, why);
		rt.running = saved;
	}
}

static void run_loop(void)
{
	while (!rt.stop && !rt.aborted) {
		struct rt_cpu *best = NULL;
		u64 bestclk = 0;
		for (int i = 0; i < rt.ncpus; i++) {
			struct rt_cpu *c = &rt.cpus[i];
			if (!cpu_busy(c))
				continue;
			u64 clk = c->clock < rt.now ? rt.now : c->clock;
			if (!best || clk < bestclk || (clk == bestclk && rt_rand_below(2))) {
				best = c;
				bestclk = clk;
			}
		}
		struct sim_event *e = heap_top();
		if (!best) {
			if (!e) {
				report_hang("forever: nothing can wake it any more");
				break;
			}
			fire_top();
			continue;
		}
		if (e && e->when <= bestclk) {
			fire_top();
			continue;
		}
		best->clock = bestclk;
		rt.now = bestclk;
		jiffies = RT_INITIAL_JIFFIES + rt.now / NSEC_PER_JIFFY;
		/* No event, no interrupt, no completed driver entry point and no
		 * task exit for 5 simulated seconds: tasks only wake up to go back
		 * to sleep (e.g. tasklet_kill() on a disabled tasklet while
		 * ksoftirqd requeues it forever).  That is a livelock. */
		if (rt.now > rt.last_progress + 5000000000ULL) {
			report_hang("forever: only wake-ups that lead back to sleep happen (livelock)");
			break;
		}
		if (rt.now > rt.cfg.max_time_ns) {
			rt_log("simulated time limit reached\n");
			report_hang("until the end of the simulated time limit");
			break;
		}
		rt.running_cpu = best;
		rt.running = best->curr;
		swapcontext(&rt.main_ctx, &best->curr->ctx);
		rt.running = NULL;
		while (rt.nzombies) {
			struct rt_task *z = rt.zombies[--rt.nzombies];
			free(z->stack);
			z->stack = NULL;
		}
	}
	rt.running = NULL;
	rt.running_cpu = NULL;
}

static void free_world(void)
{
	struct rt_task *t, *n;
	list_for_each_entry_safe(t, n, &rt.all_tasks, all_node) {
		free(t->stack);
		free(t);
	}
	for (int i = 0; i < rt.nheap; i++)
		free(rt.heap[i]);
	free(rt.heap);
}

/* A crash in driver code (a NULL or poisoned pointer, a use after free) ends
 * the process like an oops ends the kernel: report it with the simulated
 * context first, then exit with "findings" status. */
static void crash_handler(int sig, siginfo_t *info, void *uctx)
{
	static int in_crash;
	if (in_crash++)
		_exit(3);
	void *pc = NULL;
#if defined(__x86_64__)
	pc = (void *)(((ucontext_t *)uctx)->uc_mcontext.gregs[REG_RIP] + 1); /* +1: sites are return addresses */
#endif
	(void)info;
	rt_report("ctxlint-sim-crash", ((struct rt_site){ NULL, 0, pc }), sig == SIGSEGV ? "SIGSEGV" : "SIGBUS",
		  "driver code crashed (%s: bad pointer, freed memory or stack overflow)",
		  sig == SIGSEGV ? "segmentation fault" : "bus error");
	rt_report_line("BUG: unable to handle page fault");
	rt.running = NULL;
	rt_findings_emit();
	fflush(NULL);
	_exit(1);
}
static void install_crash_handler(void)
{
	static char altstack[64 * 1024];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack), .ss_flags = 0 };
	sigaltstack(&ss, NULL);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = crash_handler;
	sa.sa_flags = SA_ONSTACK | SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

int sim_run(const struct sim_config *cfg, sim_scenario_fn scenario)
{
	if (rt.in_sim)
		free_world();
	memset(&rt, 0, sizeof(rt));
	rt.cfg = *cfg;
	rt.rng = cfg->seed * 0x2545F4914F6CDD1DULL + 1;
	rt.ncpus = cfg->ncpus < 1 ? 1 : cfg->ncpus > RT_MAX_CPUS ? RT_MAX_CPUS : cfg->ncpus;
	INIT_LIST_HEAD(&rt.runqueue);
	INIT_LIST_HEAD(&rt.all_tasks);
	rt.next_pid = 1;
	jiffies = RT_INITIAL_JIFFIES;
	rt_findings_reset();
	rt_lockdep_reset();
	rt_irq_reset();
	rt_softirq_reset();
	rt_slab_reset();
	rt_misc_reset();
	rt.in_sim = true;
	for (int i = 0; i < rt.ncpus; i++) {
		struct rt_cpu *c = &rt.cpus[i];
		char name[32];
		c->id = i;
		c->last_tick = jiffies;
		c->tasklet_tail = &c->tasklet_head;
		c->hi_tail = &c->hi_head;
		snprintf(name, sizeof(name), "swapper/%d", i);
		c->idle = rt_task_create(name, RT_TASK_IDLE, idle_fn, NULL, i);
		c->idle->ts.pid = 0;
		c->idle->cpu = i;
		c->curr = c->idle;
		snprintf(name, sizeof(name), "ksoftirqd/%d", i);
		c->ksoftirqd = rt_task_create(name, RT_TASK_KSOFTIRQD, rt_ksoftirqd_fn, c, i);
	}
	rt_workqueue_init();
	rt.scenario = rt_task_create("scenario", RT_TASK_USER, scenario_body, (void *)scenario, -1);
	if (cfg->report_json || cfg->report_text)
		install_crash_handler();
	run_loop();
	rt_findings_emit();
	return rt_findings_total();
}
bool sim_last_run_hung(void) { return rt.hung; }

/* Without a scenario of its own a driver is loaded, left alone for 50 ms of
 * simulated time and unloaded: enough for the init/exit and teardown checks. */
static void default_scenario(void)
{
	if (sim_insmod())
		return;
	msleep(50);
	sim_rmmod();
}

int sim_main(int argc, char **argv)
{
	struct sim_config cfg;
	sim_default_config(&cfg);
	const char *which = NULL;
	cfg.report_text = "-";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strncmp(a, "--seed=", 7))
			cfg.seed = strtoull(a + 7, NULL, 0);
		else if (!strncmp(a, "--cpus=", 7))
			cfg.ncpus = atoi(a + 7);
		else if (!strncmp(a, "--json=", 7))
			cfg.report_json = a + 7;
		else if (!strncmp(a, "--text=", 7))
			cfg.report_text = a + 7;
		else if (!strncmp(a, "--scenario=", 11))
			which = a + 11;
		else if (!strcmp(a, "--no-shirq-at-request"))
			cfg.debug_shirq_at_request = false;
		else if (!strcmp(a, "--no-debug-shirq"))
			cfg.debug_shirq_at_request = cfg.debug_shirq_at_free = false;
		else if (!strncmp(a, "--max-time=", 11))
			cfg.max_time_ns = (unsigned long long)(strtod(a + 11, NULL) * 1e9);
		else if (!strncmp(a, "--spurious-window=", 18))
			cfg.spurious_window = strtoul(a + 18, NULL, 0);
		else if (!strcmp(a, "--verbose") || !strcmp(a, "-v"))
			cfg.verbose = true;
		else if (!strcmp(a, "--list-scenarios")) {
			for (int s = 0; s < nscenarios; s++)
				printf("%s\n", scenarios[s].name);
			return 0;
		} else {
			fprintf(stderr, "usage: %s [--seed=N] [--cpus=N] [--scenario=NAME] [--json=FILE] [--text=FILE|-] "
					"[--no-shirq-at-request] [--no-debug-shirq] [--spurious-window=N] [--max-time=SECONDS] [--verbose]\n",
				argv[0]);
			return 2;
		}
	}
	sim_scenario_fn fn = NULL;
	if (!nscenarios && (!which || !strcmp(which, "load_unload")))
		fn = default_scenario;
	for (int s = 0; s < nscenarios; s++)
		if (!which || !strcmp(which, scenarios[s].name)) {
			fn = scenarios[s].fn;
			break;
		}
	if (!fn) {
		fprintf(stderr, "no scenario%s%s in this program\n", which ? " named " : "", which ? which : "");
		return 2;
	}
	int n = sim_run(&cfg, fn);
	return n ? 1 : 0;
}
int __rt_smp_processor_id(void) { return rt_this_cpu()->id; }
unsigned int num_online_cpus(void) { return (unsigned int)rt.ncpus; }
