/* Wait queues, wait_var_event, completions, and the hooks the wait_event*
 * macros call. */
#include "internal.h"

void __init_waitqueue_head(struct wait_queue_head *wq, const char *name, struct lock_class_key *key)
{
	__raw_spin_lock_init(&wq->lock, name, key);
	INIT_LIST_HEAD(&wq->head);
}

int default_wake_function(struct wait_queue_entry *e, unsigned mode, int flags, void *key)
{
	(void)flags;
	(void)key;
	struct task_struct *p = e->private;
	return p ? rt_wake(p->rt, mode) : 0;
}
int autoremove_wake_function(struct wait_queue_entry *e, unsigned mode, int sync, void *key)
{
	int ret = default_wake_function(e, mode, sync, key);
	if (ret)
		list_del_init(&e->entry);
	return ret;
}
void init_wait_entry(struct wait_queue_entry *e, int flags)
{
	e->flags = (unsigned int)flags;
	e->private = current;
	e->func = autoremove_wake_function;
	INIT_LIST_HEAD(&e->entry);
}
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	e->flags &= ~WQ_FLAG_EXCLUSIVE;
	list_add(&e->entry, &wq->head);
}
void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	(void)wq;
	if (e->entry.next && !list_empty(&e->entry))
		list_del_init(&e->entry);
}
static void check_wq_init(struct wait_queue_head *wq, void *ra);
static void queue_entry(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	if (!e->entry.next)
		INIT_LIST_HEAD(&e->entry);
	if (list_empty(&e->entry)) {
		if (e->flags & WQ_FLAG_EXCLUSIVE)
			list_add_tail(&e->entry, &wq->head);
		else
			list_add(&e->entry, &wq->head);
	}
}
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e, int state)
{
	check_wq_init(wq, __builtin_return_address(0));
	e->flags &= ~WQ_FLAG_EXCLUSIVE;
	queue_entry(wq, e);
	__rt_set_current_state((unsigned int)state);
}
void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *e, int state)
{
	check_wq_init(wq, __builtin_return_address(0));
	e->flags |= WQ_FLAG_EXCLUSIVE;
	queue_entry(wq, e);
	__rt_set_current_state((unsigned int)state);
}
static bool signal_pending_state(unsigned int state, struct rt_task *t)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) || !t->sigpending)
		return false;
	return (state & TASK_INTERRUPTIBLE) || (t->sigpending & (1UL << SIGKILL));
}
static void check_wq_init(struct wait_queue_head *wq, void *ra)
{
	if (wq->head.next)
		return;
	rt_report("ctxlint-sim-uninitialized-waitqueue", ((struct rt_site){ NULL, 0, ra }), "waitqueue-not-initialized",
		  "wait queue used without init_waitqueue_head()/DECLARE_WAIT_QUEUE_HEAD");
	init_waitqueue_head(wq);
}
long prepare_to_wait_event(struct wait_queue_head *wq, struct wait_queue_entry *e, int state)
{
	struct rt_task *t = rt_current();
	check_wq_init(wq, __builtin_return_address(0));
	if (signal_pending_state((unsigned int)state, t)) {
		if (e->entry.next && !list_empty(&e->entry))
			list_del_init(&e->entry);
		return -ERESTARTSYS;
	}
	queue_entry(wq, e);
	__rt_set_current_state((unsigned int)state);
	return 0;
}
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	(void)wq;
	__rt_set_current_state(TASK_RUNNING);
	if (e->entry.next && !list_empty(&e->entry))
		list_del_init(&e->entry);
}
int waitqueue_active(struct wait_queue_head *wq) { return !list_empty(&wq->head); }
void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr, void *key)
{
	struct wait_queue_entry *e, *n;
	if (!wq->head.next)
		return;
	list_for_each_entry_safe(e, n, &wq->head, entry) {
		unsigned flags = e->flags;
		int ret = e->func(e, mode, 0, key);
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr)
			break;
	}
}

void __rt_wait_begin(const char *file, int line)
{
	rt_sleep_check("wait_event*()", file, line, NULL);
	struct rt_task *t = rt.running;
	if (t) {
		t->wait_file = file;
		t->wait_line = line;
		t->wait_ra = NULL;
		t->wait_what = "wait_event";
	}
	rt_point();
}
void __rt_wait_site(const char *file, int line)
{
	struct rt_task *t = rt.running;
	if (t) {
		t->wait_file = file;
		t->wait_line = line;
		t->wait_ra = NULL;
		t->wait_what = "wait_event";
	}
}
long __rt_wait_end(long ret, const char *file, int line)
{
	if (ret == -ERESTARTSYS)
		rt_note_interrupted_wait(RT_SITE(file, line));
	return ret;
}

/* wait_var_event(): the kernel hashes variables into a shared table of
 * queues; here each variable gets its own queue, so which waiters share a
 * queue (and see spurious wake-ups) cannot depend on addresses, and runs stay
 * reproducible. */
struct var_wq { void *var; struct wait_queue_head wq; };
static struct var_wq *var_wqs;
static int nvar_wqs, capvar_wqs;
struct wait_queue_head *__var_waitqueue(void *p)
{
	for (int i = 0; i < nvar_wqs; i++)
		if (var_wqs[i].var == p)
			return &var_wqs[i].wq;
	if (nvar_wqs == capvar_wqs) {
		/* queues are referenced by waiters: allocate in stable chunks */
		capvar_wqs = capvar_wqs ? capvar_wqs : 256;
		if (!var_wqs)
			var_wqs = calloc((size_t)capvar_wqs, sizeof(*var_wqs));
		else {
			rt_abort("too many wait_var_event() variables");
			return &var_wqs[0].wq;
		}
	}
	struct var_wq *v = &var_wqs[nvar_wqs++];
	v->var = p;
	init_waitqueue_head(&v->wq);
	return &v->wq;
}
void wake_up_var(void *var)
{
	for (int i = 0; i < nvar_wqs; i++)
		if (var_wqs[i].var == var)
			__wake_up(&var_wqs[i].wq, TASK_NORMAL, 0, NULL);
}
void rt_wait_reset(void)
{
	free(var_wqs);
	var_wqs = NULL;
	nvar_wqs = capvar_wqs = 0;
}

/* ---- completions ---- */
void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}
void reinit_completion(struct completion *x) { x->done = 0; }

static long wait_for_common(struct completion *x, long timeout, unsigned int state, struct rt_site s, const char *api)
{
	rt_sleep_check(api, s.file, s.line, s.ra);
	rt_point();
	struct rt_task *t = rt.running;
	if (!t)
		return timeout;
	if (!x->wait.head.next) {
		rt_report("ctxlint-sim-uninitialized-completion", s, "completion-not-initialized",
			  "completion waited on without init_completion()/DECLARE_COMPLETION");
		init_waitqueue_head(&x->wait);
	}
	if (!x->done) {
		struct wait_queue_entry w;
		init_wait_entry(&w, WQ_FLAG_EXCLUSIVE);
		list_add_tail(&w.entry, &x->wait.head);
		t->wait_file = s.file;
		t->wait_line = s.line;
		t->wait_ra = s.ra;
		t->wait_what = "wait_for_completion";
		do {
			if (signal_pending_state(state, t)) {
				timeout = -ERESTARTSYS;
				break;
			}
			__rt_set_current_state(state);
			if (list_empty(&w.entry))
				list_add_tail(&w.entry, &x->wait.head);
			timeout = schedule_timeout(timeout);
		} while (!x->done && timeout && !rt.aborted);
		__rt_set_current_state(TASK_RUNNING);
		if (!list_empty(&w.entry))
			list_del_init(&w.entry);
		if (!x->done)
			return timeout;
	}
	if (x->done != UINT_MAX)
		x->done--;
	return timeout ? timeout : 1;
}
#define CALLER() ((struct rt_site){ NULL, 0, __builtin_return_address(0) })
void wait_for_completion(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE, CALLER(), "wait_for_completion()");
}
void wait_for_completion_io(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE, CALLER(), "wait_for_completion_io()");
}
int wait_for_completion_interruptible(struct completion *x)
{
	struct rt_site s = CALLER();
	long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE, s, "wait_for_completion_interruptible()");
	if (t == -ERESTARTSYS) {
		rt_note_interrupted_wait(s);
		return (int)t;
	}
	return 0;
}
int wait_for_completion_killable(struct completion *x)
{
	long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE, CALLER(), "wait_for_completion_killable()");
	return t == -ERESTARTSYS ? (int)t : 0;
}
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return (unsigned long)wait_for_common(x, (long)timeout, TASK_UNINTERRUPTIBLE, CALLER(),
					      "wait_for_completion_timeout()");
}
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
	struct rt_site s = CALLER();
	long t = wait_for_common(x, (long)timeout, TASK_INTERRUPTIBLE, s, "wait_for_completion_interruptible_timeout()");
	if (t == -ERESTARTSYS)
		rt_note_interrupted_wait(s);
	return t;
}
long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_common(x, (long)timeout, TASK_KILLABLE, CALLER(), "wait_for_completion_killable_timeout()");
}
bool try_wait_for_completion(struct completion *x)
{
	if (!x->done)
		return false;
	if (x->done != UINT_MAX)
		x->done--;
	return true;
}
bool completion_done(struct completion *x) { return x->done != 0; }
void complete(struct completion *x)
{
	if (!x->wait.head.next)
		init_waitqueue_head(&x->wait);
	if (x->done != UINT_MAX)
		x->done++;
	__wake_up(&x->wait, TASK_NORMAL, 1, NULL);
}
void complete_all(struct completion *x)
{
	if (!x->wait.head.next)
		init_waitqueue_head(&x->wait);
	x->done = UINT_MAX;
	__wake_up(&x->wait, TASK_NORMAL, 0, NULL);
}
