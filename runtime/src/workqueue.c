/* Workqueues with worker tasks: queueing with the PENDING bit, delayed work
 * through TIMER_IRQSAFE timers, non-reentrant execution, flush/cancel that
 * wait for the running instance, and lockdep pseudo-locks that let the lock
 * validator see flush/cancel-under-a-lock-the-work-takes deadlocks. */
#include "internal.h"

struct workqueue_struct {
	char name[32];
	unsigned int flags;
	int max_active;
	struct list_head pending;
	struct rt_task *workers[RT_MAX_CPUS];
	struct work_struct *current_work[RT_MAX_CPUS];
	int nworkers;
	wait_queue_head_t more_work;
	int running;
	bool destroying;
	struct lockdep_map map;
	struct list_head all_node;
};

struct workqueue_struct *system_wq, *system_highpri_wq, *system_long_wq, *system_unbound_wq, *system_freezable_wq;
static LIST_HEAD(all_wqs);
static DECLARE_WAIT_QUEUE_HEAD(work_done_wq);
static u64 work_seq;

#define PENDING(w) ((unsigned long *)&(w)->data.counter)

void __rt_init_work(struct work_struct *work, work_func_t func)
{
	memset(work, 0, sizeof(*work));
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
	work->__rt_magic = __RT_WORK_MAGIC;
	work->__rt_map.name = "(work_completion)";
	work->__rt_map.key = (struct lock_class_key *)(void *)func; /* one class per work function */
}
void __rt_init_delayed_work(struct delayed_work *dwork, work_func_t func)
{
	__rt_init_work(&dwork->work, func);
	timer_setup(&dwork->timer, delayed_work_timer_fn, TIMER_IRQSAFE);
	dwork->wq = NULL;
	dwork->cpu = WORK_CPU_UNBOUND;
}

static long thunk_work(void *fn, void *a, void *b, void *c)
{
	(void)b;
	(void)c;
	((work_func_t)fn)(a);
	return 0;
}

static bool running_elsewhere(struct workqueue_struct *wq, struct work_struct *w)
{
	(void)wq;
	return w->__rt_running > 0;
}

static void worker_body(void *arg)
{
	struct workqueue_struct *wq = arg;
	struct rt_task *me = rt.running;
	int idx = 0;
	for (int i = 0; i < wq->nworkers; i++)
		if (wq->workers[i] == me)
			idx = i;
	for (;;) {
		struct work_struct *w = NULL, *it;
		list_for_each_entry(it, &wq->pending, entry)
			if (!running_elsewhere(wq, it)) {
				w = it;
				break;
			}
		if (!w) {
			if (wq->destroying && list_empty(&wq->pending))
				break;
			me->ts.__state = TASK_INTERRUPTIBLE;
			struct wait_queue_entry e;
			init_wait_entry(&e, WQ_FLAG_EXCLUSIVE);
			list_add_tail(&e.entry, &wq->more_work.head);
			rt_block("worker idle", NULL, 0, NULL);
			if (!list_empty(&e.entry))
				list_del_init(&e.entry);
			continue;
		}
		list_del_init(&w->entry);
		clear_bit(WORK_STRUCT_PENDING_BIT, PENDING(w)); /* cleared before the function runs */
		w->__rt_running++;
		w->__rt_started_seq = w->__rt_queued_seq;
		u64 seq = w->__rt_started_seq;
		wq->running++;
		wq->current_work[idx] = w;
		struct rt_site s = { NULL, 0, (void *)w->func };
		if (!w->__rt_map.name)
			w->__rt_map.name = "(work_completion)";
		rt_lockdep_acquire(&wq->map, &wq->map, 0, 0, s);
		rt_lockdep_acquire(&w->__rt_map, &w->__rt_map, 0, 0, s);
		rt_call_entry("work item", (void *)w->func, 0, thunk_work, w, NULL, NULL);
		rt_lockdep_release(&w->__rt_map, &w->__rt_map, s, NULL);
		rt_lockdep_release(&wq->map, &wq->map, s, NULL);
		wq->current_work[idx] = NULL;
		wq->running--;
		/* the work item may have been freed by its own function: only touch
		 * it if it is still alive (the runtime poisons freed memory) */
		if (w->__rt_magic == __RT_WORK_MAGIC) {
			w->__rt_running--;
			if (seq > w->__rt_done_seq)
				w->__rt_done_seq = seq;
		}
		__wake_up(&work_done_wq, TASK_NORMAL, 0, NULL);
		rt_point();
	}
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	struct workqueue_struct *wq = calloc(1, sizeof(*wq));
	va_list ap;
	va_start(ap, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, ap);
	va_end(ap);
	wq->flags = flags;
	wq->max_active = max_active;
	INIT_LIST_HEAD(&wq->pending);
	init_waitqueue_head(&wq->more_work);
	wq->map.name = strdup(wq->name);
	wq->map.key = (struct lock_class_key *)(void *)wq;
	bool ordered = (flags & __WQ_ORDERED) || max_active == 1;
	wq->nworkers = ordered ? 1 : rt.ncpus;
	for (int i = 0; i < wq->nworkers; i++) {
		char name[48];
		snprintf(name, sizeof(name), "kworker/%s:%d", wq->name, i);
		wq->workers[i] = rt_task_create(name, RT_TASK_WORKER, worker_body, wq, -1);
	}
	list_add_tail(&wq->all_node, &all_wqs);
	return wq;
}

void rt_workqueue_init(void)
{
	INIT_LIST_HEAD(&all_wqs);
	init_waitqueue_head(&work_done_wq);
	work_seq = 0;
	system_wq = alloc_workqueue("events", 0, 0);
	system_highpri_wq = alloc_workqueue("events_highpri", WQ_HIGHPRI, 0);
	system_long_wq = alloc_workqueue("events_long", 0, 0);
	system_unbound_wq = alloc_workqueue("events_unbound", WQ_UNBOUND, 0);
	system_freezable_wq = system_wq;
}

static bool check_work(struct work_struct *w, struct rt_site s)
{
	if (w->__rt_magic == __RT_WORK_MAGIC && w->func)
		return true;
	rt_report("ctxlint-sim-uninitialized-work", s, "work-not-initialized",
		  "work queued without INIT_WORK()/DECLARE_WORK() (or after it was freed)");
	return false;
}

static void insert_work(struct workqueue_struct *wq, struct work_struct *w)
{
	if (wq->destroying) {
		__rt_warn(NULL, 0, "workqueue", "queueing work to destroyed workqueue %s\n", wq->name);
		clear_bit(WORK_STRUCT_PENDING_BIT, PENDING(w));
		return;
	}
	w->__rt_wq = wq;
	w->__rt_queued_seq = ++work_seq;
	list_add_tail(&w->entry, &wq->pending);
	__wake_up(&wq->more_work, TASK_NORMAL, 1, NULL);
}

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	(void)cpu;
	if (!check_work(work, RT_SITE_RA()))
		return false;
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, PENDING(work)))
		return false;
	insert_work(wq, work);
	return true;
}

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dw = container_of(t, struct delayed_work, timer);
	insert_work(dw->wq ? dw->wq : system_wq, &dw->work);
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dw, unsigned long delay)
{
	if (!check_work(&dw->work, RT_SITE_RA()))
		return false;
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, PENDING(&dw->work)))
		return false;
	dw->wq = wq;
	dw->cpu = cpu;
	if (!delay) {
		insert_work(wq, &dw->work);
		return true;
	}
	if (dw->timer.__rt_magic != __RT_TIMER_MAGIC)
		timer_setup(&dw->timer, delayed_work_timer_fn, TIMER_IRQSAFE);
	mod_timer(&dw->timer, jiffies + delay);
	return true;
}

/* Takes a pending work item off its queue or timer; true if it was pending. */
static bool grab_pending(struct work_struct *w, struct delayed_work *dw)
{
	bool was = test_bit(WORK_STRUCT_PENDING_BIT, PENDING(w));
	if (dw && timer_pending(&dw->timer))
		timer_delete(&dw->timer);
	if (!list_empty(&w->entry))
		list_del_init(&w->entry);
	clear_bit(WORK_STRUCT_PENDING_BIT, PENDING(w));
	return was;
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dw, unsigned long delay)
{
	bool was = grab_pending(&dw->work, dw);
	queue_delayed_work_on(cpu, wq, dw, delay);
	return was;
}

static void lockdep_wait_for(struct work_struct *w, struct rt_site s)
{
	if (!w->__rt_map.name)
		w->__rt_map.name = "(work_completion)";
	rt_lockdep_acquire(&w->__rt_map, &w->__rt_map, 0, 0, s);
	rt_lockdep_release(&w->__rt_map, &w->__rt_map, s, NULL);
}

static bool self_wait(struct work_struct *w, struct rt_site s, const char *api)
{
	struct workqueue_struct *wq;
	list_for_each_entry(wq, &all_wqs, all_node)
		for (int i = 0; i < wq->nworkers; i++)
			if (wq->workers[i] == rt.running && wq->current_work[i] == w) {
				rt_report("ctxlint-sim-hang", s, api, "%s() called by the work item on itself: it waits for its own "
								     "completion",
					  api);
				rt_abort("work waits for itself");
				return true;
			}
	return false;
}

static bool flush_work_site(struct work_struct *w, struct rt_site s)
{
	rt_sleep_check("flush_work()", s.file, s.line, s.ra);
	if (w->__rt_magic != __RT_WORK_MAGIC)
		return false;
	lockdep_wait_for(w, s);
	bool pending = test_bit(WORK_STRUCT_PENDING_BIT, PENDING(w));
	if (!pending && !w->__rt_running)
		return false;
	if (self_wait(w, s, "flush_work"))
		return false;
	u64 target = pending ? w->__rt_queued_seq : w->__rt_started_seq;
	rt_wait_internal(s, work_done_wq, w->__rt_done_seq >= target || rt.aborted ||
				 (!test_bit(WORK_STRUCT_PENDING_BIT, PENDING(w)) && !w->__rt_running &&
				  w->__rt_done_seq < target));
	return true;
}
bool flush_work(struct work_struct *work) { return flush_work_site(work, RT_SITE_RA()); }

static bool cancel_sync(struct work_struct *w, struct delayed_work *dw, struct rt_site s, const char *api)
{
	rt_sleep_check(api, s.file, s.line, s.ra);
	if (w->__rt_magic != __RT_WORK_MAGIC)
		return false;
	bool was = grab_pending(w, dw);
	lockdep_wait_for(w, s);
	if (w->__rt_running && !self_wait(w, s, api))
		rt_wait_internal(s, work_done_wq, !w->__rt_running || rt.aborted);
	return was;
}
bool cancel_work_sync(struct work_struct *work) { return cancel_sync(work, NULL, RT_SITE_RA(), "cancel_work_sync()"); }
bool cancel_delayed_work_sync(struct delayed_work *dw)
{
	return cancel_sync(&dw->work, dw, RT_SITE_RA(), "cancel_delayed_work_sync()");
}
bool cancel_work(struct work_struct *work) { return grab_pending(work, NULL); }
bool cancel_delayed_work(struct delayed_work *dw) { return grab_pending(&dw->work, dw); }
bool flush_delayed_work(struct delayed_work *dw)
{
	struct rt_site s = RT_SITE_RA();
	if (timer_delete(&dw->timer))
		insert_work(dw->wq ? dw->wq : system_wq, &dw->work);
	return flush_work_site(&dw->work, s);
}

static void flush_wq(struct workqueue_struct *wq, struct rt_site s, const char *api)
{
	rt_sleep_check(api, s.file, s.line, s.ra);
	rt_lockdep_acquire(&wq->map, &wq->map, 0, 0, s);
	rt_lockdep_release(&wq->map, &wq->map, s, NULL);
	for (int i = 0; i < wq->nworkers; i++)
		if (wq->workers[i] == rt.running) {
			rt_report("ctxlint-sim-hang", s, api, "%s called from a work item of the same workqueue", api);
			rt_abort("workqueue flushes itself");
			return;
		}
	/* Simplification: waits until the queue is empty and idle, so work
	 * queued after the flush started is waited for too. */
	rt_wait_internal(s, work_done_wq, (list_empty(&wq->pending) && !wq->running) || rt.aborted);
}
void __flush_workqueue(struct workqueue_struct *wq) { flush_wq(wq, RT_SITE_RA(), "flush_workqueue()"); }
void drain_workqueue(struct workqueue_struct *wq) { flush_wq(wq, RT_SITE_RA(), "drain_workqueue()"); }
void destroy_workqueue(struct workqueue_struct *wq)
{
	struct rt_site s = RT_SITE_RA();
	flush_wq(wq, s, "destroy_workqueue()");
	wq->destroying = true;
	__wake_up(&wq->more_work, TASK_NORMAL, 0, NULL);
	for (int i = 0; i < wq->nworkers; i++)
		rt_wait_internal(s, wq->workers[i]->exit_wq, wq->workers[i]->exited || rt.aborted);
	list_del(&wq->all_node);
	/* the struct stays allocated (and marked destroyed) so late queueing is
	 * caught instead of corrupting memory */
}
bool current_is_workqueue_rescuer(void) { return false; }

/* ---- teardown ---- */
static void report_work(struct work_struct *w, void *teardown_fn, struct rt_site site, const char *state, const char *when)
{
	char basis[160];
	snprintf(basis, sizeof(basis), "work:%s:%s", rt_symbol_name((void *)w->func), when);
	rt_report_function_override = teardown_fn;
	rt_report("ctxlint-teardown-missing-kill", site, basis, "work item %s is still %s %s",
		  rt_symbol_name((void *)w->func), state, when);
	rt_report_function_override = NULL;
}
static void check_work_range(const void *start, size_t len, void *teardown_fn, struct rt_site site, const char *when)
{
	struct workqueue_struct *wq;
	list_for_each_entry(wq, &all_wqs, all_node) {
		struct work_struct *w, *n;
		list_for_each_entry_safe(w, n, &wq->pending, entry) {
			if (start && !((char *)w >= (char *)start && (char *)w < (char *)start + len))
				continue;
			report_work(w, teardown_fn, site, "queued", when);
			list_del_init(&w->entry);
			clear_bit(WORK_STRUCT_PENDING_BIT, PENDING(w));
		}
		for (int i = 0; i < wq->nworkers; i++) {
			struct work_struct *cw = wq->current_work[i];
			if (!cw || (start && !((char *)cw >= (char *)start && (char *)cw < (char *)start + len)))
				continue;
			if (rt.running == wq->workers[i])
				continue; /* a work item freeing itself is fine */
			report_work(cw, teardown_fn, site, "running", when);
		}
	}
}
void rt_workqueue_teardown_check_fn(void *teardown_fn, const char *when)
{
	check_work_range(NULL, 0, teardown_fn, ((struct rt_site){ NULL, -1, teardown_fn }), when);
}
void rt_workqueue_teardown_check(void) { rt_workqueue_teardown_check_fn(NULL, "after module exit"); }
void rt_check_free_work(const void *start, size_t len, struct rt_site site)
{
	check_work_range(start, len, NULL, site, "in memory being freed");
}
