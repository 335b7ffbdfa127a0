/* Spinlocks, rwlocks, mutexes and semaphores, plus the irqsave bookkeeping.
 *
 * Spinning is real: a contended spinlock loops through switch points until
 * the owner (on another CPU) releases it.  A spinlock whose owner is the
 * spinning CPU itself can never be released, so that is reported and the run
 * stops instead of hanging; a cycle of CPUs spinning on each other likewise. */
#include "internal.h"

/* ---- irqsave records: which function frame saved which interrupt state ---- */
void rt_irqsave_push(u64 *id_out, int prev_off, struct rt_site site)
{
	struct rt_cpu *c = rt_this_cpu();
	if (c->nsaves == 64) {
		memmove(&c->saves[0], &c->saves[1], sizeof(c->saves[0]) * 63);
		c->nsaves--;
	}
	struct rt_irqsave *s = &c->saves[c->nsaves++];
	*s = (struct rt_irqsave){ ++rt.irqsave_serial, rt_frame_serial(), rt_top_fn(), rt.running, prev_off,
				  site.file, site.line, false };
	*id_out = s->id;
}

void rt_irqsave_pop(unsigned long flags, struct rt_site site, const char *api)
{
	struct rt_cpu *c = rt_this_cpu();
	u64 id = flags >> 1;
	for (int i = c->nsaves - 1; i >= 0; i--) {
		struct rt_irqsave *s = &c->saves[i];
		if (s->id != id)
			continue;
		if (!s->reported && s->frame != rt_frame_serial()) {
			rt_report("ctxlint-irqsave-pairing", site, api,
				  "%s restores interrupt state that was saved in another function (%s)", api,
				  rt_symbol_name(s->fn));
			rt_report_note(RT_SITE(s->file, s->line), "interrupt state saved here");
		}
		memmove(&c->saves[i], &c->saves[i + 1], sizeof(c->saves[0]) * (c->nsaves - i - 1));
		c->nsaves--;
		return;
	}
	if (!rt.running)
		return;
	char basis[96];
	snprintf(basis, sizeof(basis), "unknown-flags:%s", api);
	rt_report("ctxlint-irqsave-pairing", site, basis,
		  "%s uses flags that no local_irq_save/spin_lock_irqsave on this CPU produced "
		  "(uninitialized, already restored, or another section's flags)",
		  api);
}

void rt_irqsave_check_enable(struct rt_site site, const char *api)
{
	struct rt_cpu *c = rt_this_cpu();
	for (int i = c->nsaves - 1; i >= 0; i--) {
		struct rt_irqsave *s = &c->saves[i];
		if (s->task != rt.running)
			continue;
		char basis[96];
		snprintf(basis, sizeof(basis), "early-enable:%s", api);
		rt_report("ctxlint-irqsave-pairing", site, basis,
			  "%s re-enables interrupts inside a section that saved the interrupt state with irqsave", api);
		rt_report_note(RT_SITE(s->file, s->line), "interrupt state saved here; the matching restore would "
							 "be the one to re-enable");
		return;
	}
}

void rt_irqsave_check_frame_exit(u64 serial, void *fn)
{
	struct rt_cpu *c = rt_this_cpu();
	for (int i = 0; i < c->nsaves; i++) {
		struct rt_irqsave *s = &c->saves[i];
		if (s->frame != serial || s->reported || s->task != rt.running)
			continue;
		s->reported = true;
		rt_report("ctxlint-irqsave-pairing", RT_SITE(s->file, s->line), "return-with-irqsave",
			  "%s returns with the interrupt state it saved here still unrestored", rt_symbol_name(fn));
	}
}

/* ---- spinlocks ---- */
static void check_magic(spinlock_t *l, struct rt_site site)
{
	if (l->magic == __RT_SPINLOCK_MAGIC)
		return;
	rt_report("ctxlint-sim-uninitialized-lock", site, "spinlock-bad-magic",
		  "spinlock used without spin_lock_init()/DEFINE_SPINLOCK");
	rt_report_line("BUG: spinlock bad magic");
	l->magic = __RT_SPINLOCK_MAGIC;
	l->owner_cpu = -1;
	l->dep_map.key = NULL;
	l->dep_map.name = "<uninitialized spinlock>";
}

void __raw_spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key)
{
	lock->locked = 0;
	lock->owner_cpu = -1;
	lock->owner = NULL;
	lock->magic = __RT_SPINLOCK_MAGIC;
	lock->dep_map.key = key;
	lock->dep_map.name = name;
}

/* Spin until *busy is false.  Returns false when the run was aborted. */
static bool spin_until_free(volatile int *busy, int *owner_cpu, struct lockdep_map *map, struct rt_site site,
			    bool reported)
{
	u64 start = sim_now_ns();
	while (*busy && !rt.aborted) {
		struct rt_cpu *c = rt_this_cpu();
		if (*owner_cpu == c->id) {
			if (!reported) {
				char basis[160];
				snprintf(basis, sizeof(basis), "self-deadlock:%s", rt_lock_name(map));
				rt_report("ctxlint-double-lock", site, basis,
					  "CPU %d spins on %s, which it already holds: self-deadlock (%s context)", c->id,
					  rt_lock_name(map), rt_context_name());
			}
			rt_abort("self-deadlock on a spinlock");
			return false;
		}
		c->spinning_on = (void *)busy;
		c->spin_owner_cpu = *owner_cpu;
		/* A cycle of CPUs spinning on each other's locks never resolves. */
		int cur = *owner_cpu;
		for (int hop = 0; hop < rt.ncpus && cur >= 0; hop++) {
			struct rt_cpu *o = &rt.cpus[cur];
			if (!o->spinning_on)
				break;
			cur = o->spin_owner_cpu;
			if (cur == c->id) {
				if (!reported)
					rt_report("ctxlint-sim-hang", site, rt_lock_name(map),
						  "CPUs deadlock spinning on each other's locks (waiting for %s)",
						  rt_lock_name(map));
				rt_abort("spinlock deadlock between CPUs");
				return false;
			}
		}
		rt_point();
		if (sim_now_ns() - start > 1000000000ULL) {
			rt_report("ctxlint-sim-hang", site, rt_lock_name(map),
				  "spinlock lockup: %s not released for 1 s of simulated time", rt_lock_name(map));
			rt_abort("spinlock lockup");
			return false;
		}
	}
	rt_this_cpu()->spinning_on = NULL;
	return !rt.aborted;
}

static void spin_acquire(spinlock_t *l, struct rt_site site)
{
	check_magic(l, site);
	rt_this_cpu()->preempt_count++;
	int rep = rt_lockdep_acquire(&l->dep_map, l, 0, 0, site);
	if (!spin_until_free(&l->locked, &l->owner_cpu, &l->dep_map, site, rep))
		return;
	l->locked = 1;
	l->owner_cpu = rt_this_cpu()->id;
	l->owner = rt.running;
}

/* Returns false (and changes nothing) when the lock is not held. */
static bool spin_release(spinlock_t *l, struct rt_site site, const char *api)
{
	check_magic(l, site);
	if (!l->locked) {
		char basis[160];
		snprintf(basis, sizeof(basis), "unlock-unlocked:%s:%s", api, rt_lock_name(&l->dep_map));
		rt_report("ctxlint-lock-balance", site, basis, "%s on %s, which is not locked", api,
			  rt_lock_name(&l->dep_map));
		rt_report_line("BUG: spinlock already unlocked");
		return false;
	}
	rt_lockdep_release(&l->dep_map, l, site, api);
	l->locked = 0;
	l->owner_cpu = -1;
	l->owner = NULL;
	struct rt_cpu *c = rt_this_cpu();
	if (c->preempt_count & PREEMPT_MASK)
		c->preempt_count--;
	return true;
}

#define CALLER() ((struct rt_site){ NULL, 0, __builtin_return_address(0) })

void spin_lock(spinlock_t *lock)
{
	struct rt_site s = CALLER();
	rt_point();
	spin_acquire(lock, s);
}
void __rt_spin_lock_nested(spinlock_t *lock, int subclass, const char *file, int line)
{
	/* Subclasses tell lockdep that nesting two locks of one class is
	 * intended: model them as a separate class per subclass. */
	struct rt_site s = RT_SITE(file, line);
	rt_point();
	check_magic(lock, s);
	rt_this_cpu()->preempt_count++;
	struct lockdep_map m = lock->dep_map;
	m.key = (struct lock_class_key *)((char *)(lock->dep_map.key ? (void *)lock->dep_map.key : (void *)lock) + subclass);
	int rep = 0;
	(void)m;
	rep = rt_lockdep_acquire(subclass ? &m : &lock->dep_map, lock, 0, 0, s);
	if (subclass) {
		/* keep the held entry pointing at the real map so unlock finds it */
		struct rt_task *t = rt.running;
		if (t && t->nheld && t->held[t->nheld - 1].map == &m)
			t->held[t->nheld - 1].map = &lock->dep_map;
	}
	if (!spin_until_free(&lock->locked, &lock->owner_cpu, &lock->dep_map, s, rep))
		return;
	lock->locked = 1;
	lock->owner_cpu = rt_this_cpu()->id;
	lock->owner = rt.running;
}
void spin_unlock(spinlock_t *lock)
{
	spin_release(lock, CALLER(), "spin_unlock()");
	rt_point();
}
void spin_lock_bh(spinlock_t *lock)
{
	struct rt_site s = CALLER();
	rt_point();
	local_bh_disable();
	spin_acquire(lock, s);
}
void spin_unlock_bh(spinlock_t *lock)
{
	struct rt_site s = CALLER();
	if (rt_this_cpu()->irqs_off)
		__rt_warn(NULL, 0, "spin_unlock_bh() with interrupts disabled", NULL);
	if (spin_release(lock, s, "spin_unlock_bh()"))
		local_bh_enable();
}
void spin_lock_irq(spinlock_t *lock)
{
	struct rt_site s = CALLER();
	rt_point();
	rt_irqs_disable();
	spin_acquire(lock, s);
}
void spin_unlock_irq(spinlock_t *lock)
{
	struct rt_site s = CALLER();
	rt_irqsave_check_enable(s, "spin_unlock_irq()");
	if (spin_release(lock, s, "spin_unlock_irq()")) {
		rt_irqs_enable();
		rt_point();
	}
}
unsigned long _raw_spin_lock_irqsave(spinlock_t *lock, const char *file, int line)
{
	rt_point();
	unsigned long flags = __rt_local_irq_save(file, line);
	spin_acquire(lock, RT_SITE(file, line));
	return flags;
}
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	struct rt_site s = CALLER();
	spin_release(lock, s, "spin_unlock_irqrestore()");
	rt_irqsave_pop(flags, s, "spin_unlock_irqrestore()");
	rt_this_cpu()->irqs_off = flags & 1;
	rt_point();
}
static int try_acquire(spinlock_t *lock, struct rt_site s)
{
	check_magic(lock, s);
	rt_this_cpu()->preempt_count++;
	if (lock->locked) {
		rt_this_cpu()->preempt_count--;
		return 0;
	}
	rt_lockdep_acquire(&lock->dep_map, lock, 0, 1, s);
	lock->locked = 1;
	lock->owner_cpu = rt_this_cpu()->id;
	lock->owner = rt.running;
	return 1;
}
int spin_trylock(spinlock_t *lock)
{
	struct rt_site s = CALLER();
	rt_point();
	return try_acquire(lock, s);
}
int spin_trylock_bh(spinlock_t *lock)
{
	struct rt_site s = CALLER();
	rt_point();
	local_bh_disable();
	if (try_acquire(lock, s))
		return 1;
	rt_this_cpu()->preempt_count -= SOFTIRQ_DISABLE_OFFSET;
	return 0;
}
int spin_trylock_irq(spinlock_t *lock)
{
	struct rt_site s = CALLER();
	rt_point();
	rt_irqs_disable();
	if (try_acquire(lock, s))
		return 1;
	rt_irqs_enable();
	return 0;
}
int _raw_spin_trylock_irqsave(spinlock_t *lock, unsigned long *flags, const char *file, int line)
{
	rt_point();
	*flags = __rt_local_irq_save(file, line);
	if (try_acquire(lock, RT_SITE(file, line)))
		return 1;
	rt_irqsave_pop(*flags, RT_SITE(file, line), "spin_trylock_irqsave()");
	rt_this_cpu()->irqs_off = *flags & 1;
	return 0;
}
int spin_is_locked(spinlock_t *lock) { return lock->locked; }

/* ---- rwlocks ---- */
void __rwlock_init(rwlock_t *lock, const char *name, struct lock_class_key *key)
{
	memset(lock, 0, sizeof(*lock));
	lock->owner_cpu = -1;
	lock->magic = __RT_RWLOCK_MAGIC;
	lock->dep_map.key = key;
	lock->dep_map.name = name;
}
static void rw_pre(int mode)
{
	rt_point();
	if (mode == __RT_BH)
		local_bh_disable();
	else if (mode == __RT_IRQ)
		rt_irqs_disable();
	rt_this_cpu()->preempt_count++;
}
static void rw_post(int mode)
{
	struct rt_cpu *c = rt_this_cpu();
	if (c->preempt_count & PREEMPT_MASK)
		c->preempt_count--;
	if (mode == __RT_BH)
		local_bh_enable();
	else if (mode == __RT_IRQ)
		rt_irqs_enable();
	rt_point();
}
void __rt_read_lock(rwlock_t *l, int mode, const char *file, int line)
{
	rw_pre(mode);
	int rep = rt_lockdep_acquire(&l->dep_map, l, 2, 0, RT_SITE(file, line)); /* 2: recursive reader */
	spin_until_free(&l->writer, &l->owner_cpu, &l->dep_map, RT_SITE(file, line), rep);
	l->readers++;
}
void __rt_read_unlock(rwlock_t *l, int mode, const char *file, int line)
{
	if (l->readers <= 0) {
		rt_report("ctxlint-lock-balance", RT_SITE(file, line), "read-unlock-unlocked",
			  "read_unlock on %s, which has no readers", rt_lock_name(&l->dep_map));
		return;
	}
	rt_lockdep_release(&l->dep_map, l, RT_SITE(file, line), "read_unlock()");
	l->readers--;
	rw_post(mode);
}
void __rt_write_lock(rwlock_t *l, int mode, const char *file, int line)
{
	rw_pre(mode);
	struct rt_site s = RT_SITE(file, line);
	int rep = rt_lockdep_acquire(&l->dep_map, l, 0, 0, s);
	if (l->readers && rt_lockdep_held(&l->dep_map) && rt.running) {
		/* this task holds it for reading and now waits for itself */
		int n = 0;
		for (int i = 0; i < rt.running->nheld; i++)
			n += rt.running->held[i].map == &l->dep_map;
		if (n > 1) {
			if (!rep)
				rt_report("ctxlint-double-lock", s, "rw-self", "write_lock on %s held for reading by this context",
					  rt_lock_name(&l->dep_map));
			rt_abort("rwlock self-deadlock");
			return;
		}
	}
	if (!spin_until_free(&l->writer, &l->owner_cpu, &l->dep_map, s, rep))
		return;
	while (l->readers && !rt.aborted)
		rt_point();
	l->writer = 1;
	l->owner_cpu = rt_this_cpu()->id;
	l->owner = rt.running;
}
void __rt_write_unlock(rwlock_t *l, int mode, const char *file, int line)
{
	if (!l->writer) {
		rt_report("ctxlint-lock-balance", RT_SITE(file, line), "write-unlock-unlocked",
			  "write_unlock on %s, which is not write-locked", rt_lock_name(&l->dep_map));
		return;
	}
	rt_lockdep_release(&l->dep_map, l, RT_SITE(file, line), "write_unlock()");
	l->writer = 0;
	l->owner_cpu = -1;
	l->owner = NULL;
	rw_post(mode);
}
unsigned long __rt_read_lock_irqsave(rwlock_t *l, const char *file, int line)
{
	rt_point();
	unsigned long f = __rt_local_irq_save(file, line);
	__rt_read_lock(l, __RT_PLAIN, file, line);
	return f;
}
unsigned long __rt_write_lock_irqsave(rwlock_t *l, const char *file, int line)
{
	rt_point();
	unsigned long f = __rt_local_irq_save(file, line);
	__rt_write_lock(l, __RT_PLAIN, file, line);
	return f;
}
void __rt_read_unlock_irqrestore(rwlock_t *l, unsigned long flags, const char *file, int line)
{
	__rt_read_unlock(l, __RT_PLAIN, file, line);
	__rt_local_irq_restore(flags, file, line);
}
void __rt_write_unlock_irqrestore(rwlock_t *l, unsigned long flags, const char *file, int line)
{
	__rt_write_unlock(l, __RT_PLAIN, file, line);
	__rt_local_irq_restore(flags, file, line);
}
int __rt_read_trylock(rwlock_t *l, const char *file, int line)
{
	rt_point();
	if (l->writer)
		return 0;
	rt_this_cpu()->preempt_count++;
	rt_lockdep_acquire(&l->dep_map, l, 2, 1, RT_SITE(file, line));
	l->readers++;
	return 1;
}
int __rt_write_trylock(rwlock_t *l, const char *file, int line)
{
	rt_point();
	if (l->writer || l->readers)
		return 0;
	rt_this_cpu()->preempt_count++;
	rt_lockdep_acquire(&l->dep_map, l, 0, 1, RT_SITE(file, line));
	l->writer = 1;
	l->owner_cpu = rt_this_cpu()->id;
	return 1;
}

/* ---- mutexes ---- */
void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	lock->owner = NULL;
	INIT_LIST_HEAD(&lock->wait_list);
	lock->magic = __RT_MUTEX_MAGIC;
	lock->dep_map.key = key;
	lock->dep_map.name = name;
}

/* Records that an interruptible wait of the current entry point was cut
 * short by a signal (for ctxlint-unchecked-wait-return). */
static void note_interrupted(struct rt_site s)
{
	struct rt_task *t = rt.running;
	if (!t || !t->nentries)
		return;
	struct rt_entry *e = &t->entries[t->nentries - 1];
	if (e->wait_interrupted)
		return;
	e->wait_interrupted = true;
	e->wait_file = s.file;
	e->wait_line = s.line;
	e->wait_ra = s.file ? NULL : s.ra;
	e->wait_fn = rt_top_fn();
}
void rt_note_interrupted_wait(struct rt_site site) { note_interrupted(site); }

static int mutex_acquire_common(struct mutex *m, unsigned int state, struct rt_site s, const char *api)
{
	rt_sleep_check(api, s.file, s.line, s.ra);
	if (m->magic != __RT_MUTEX_MAGIC) {
		rt_report("ctxlint-sim-uninitialized-lock", s, "mutex-magic", "mutex used without mutex_init()/DEFINE_MUTEX");
		__mutex_init(m, "<uninitialized mutex>", NULL);
	}
	rt_point();
	struct rt_task *t = rt.running;
	int rep = rt_lockdep_acquire(&m->dep_map, m, 0, 0, s);
	while (m->owner && !rt.aborted) {
		if (m->owner == t) {
			if (!rep)
				rt_report("ctxlint-double-lock", s, "mutex-self", "%s on %s, which this task already owns",
					  api, rt_lock_name(&m->dep_map));
			rt_abort("mutex self-deadlock");
			return -EDEADLK;
		}
		if (((state & TASK_INTERRUPTIBLE) && t->sigpending) ||
		    ((state & TASK_WAKEKILL) && (t->sigpending & (1UL << SIGKILL)))) {
			rt_lockdep_release(&m->dep_map, m, s, NULL);
			return -EINTR;
		}
		struct wait_queue_entry w;
		init_wait_entry(&w, WQ_FLAG_EXCLUSIVE);
		list_add_tail(&w.entry, &m->wait_list);
		t->ts.__state = state;
		t->wait_file = s.file;
		t->wait_line = s.line;
		t->wait_ra = s.ra;
		rt_block("mutex_lock", NULL, 0, m);
		if (!list_empty(&w.entry))
			list_del_init(&w.entry);
	}
	m->owner = t;
	return 0;
}
void mutex_lock(struct mutex *lock) { mutex_acquire_common(lock, TASK_UNINTERRUPTIBLE, CALLER(), "mutex_lock()"); }
void __rt_mutex_lock_nested(struct mutex *lock, unsigned int subclass, const char *file, int line)
{
	(void)subclass;
	mutex_acquire_common(lock, TASK_UNINTERRUPTIBLE, RT_SITE(file, line), "mutex_lock_nested()");
}
int mutex_lock_interruptible(struct mutex *lock)
{
	struct rt_site s = CALLER();
	int r = mutex_acquire_common(lock, TASK_INTERRUPTIBLE, s, "mutex_lock_interruptible()");
	if (r == -EINTR)
		note_interrupted(s);
	return r;
}
int mutex_lock_killable(struct mutex *lock)
{
	return mutex_acquire_common(lock, TASK_KILLABLE, CALLER(), "mutex_lock_killable()");
}
int mutex_trylock(struct mutex *lock)
{
	struct rt_site s = CALLER();
	rt_point();
	if (lock->owner)
		return 0;
	rt_lockdep_acquire(&lock->dep_map, lock, 0, 1, s);
	lock->owner = rt.running;
	return 1;
}
void mutex_unlock(struct mutex *lock)
{
	struct rt_site s = CALLER();
	if (lock->owner != rt.running) {
		char basis[160];
		snprintf(basis, sizeof(basis), "mutex-unlock-not-owner:%s", rt_lock_name(&lock->dep_map));
		rt_report("ctxlint-lock-balance", s, basis, "mutex_unlock() of %s by a task that does not own it%s",
			  rt_lock_name(&lock->dep_map), lock->owner ? "" : " (it is not locked)");
		rt_report_line("DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)");
		if (!lock->owner)
			return;
	}
	rt_lockdep_release(&lock->dep_map, lock, s, NULL);
	lock->owner = NULL;
	if (!list_empty(&lock->wait_list)) {
		struct wait_queue_entry *w = list_first_entry(&lock->wait_list, struct wait_queue_entry, entry);
		list_del_init(&w->entry);
		rt_wake(((struct task_struct *)w->private)->rt, TASK_NORMAL | TASK_WAKEKILL);
	}
	rt_point();
}
bool mutex_is_locked(struct mutex *lock) { return lock->owner != NULL; }
void mutex_destroy(struct mutex *lock)
{
	if (lock->owner)
		__rt_warn(NULL, 0, "mutex_destroy() of a locked mutex", NULL);
	lock->magic = 0;
}

/* ---- semaphores ---- */
void sema_init(struct semaphore *sem, int val)
{
	sem->count = (unsigned int)val;
	INIT_LIST_HEAD(&sem->wait_list);
}
static int down_common(struct semaphore *sem, unsigned int state, long timeout, struct rt_site s, const char *api)
{
	rt_sleep_check(api, s.file, s.line, s.ra);
	rt_point();
	struct rt_task *t = rt.running;
	unsigned long deadline = jiffies + (unsigned long)timeout;
	while (sem->count == 0 && !rt.aborted) {
		if (((state & TASK_INTERRUPTIBLE) && t->sigpending) ||
		    ((state & TASK_WAKEKILL) && (t->sigpending & (1UL << SIGKILL))))
			return -EINTR;
		if (timeout != MAX_SCHEDULE_TIMEOUT && time_after_eq(jiffies, deadline))
			return -ETIME;
		struct wait_queue_entry w;
		init_wait_entry(&w, WQ_FLAG_EXCLUSIVE);
		list_add_tail(&w.entry, &sem->wait_list);
		t->ts.__state = state;
		t->wait_file = s.file;
		t->wait_line = s.line;
		t->wait_ra = s.ra;
		if (timeout == MAX_SCHEDULE_TIMEOUT)
			rt_block("down", NULL, 0, sem);
		else
			schedule_timeout((long)(deadline - jiffies));
		if (!list_empty(&w.entry))
			list_del_init(&w.entry);
	}
	sem->count--;
	return 0;
}
void down(struct semaphore *sem) { down_common(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT, CALLER(), "down()"); }
int down_interruptible(struct semaphore *sem)
{
	struct rt_site s = CALLER();
	int r = down_common(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT, s, "down_interruptible()");
	if (r == -EINTR)
		note_interrupted(s);
	return r;
}
int down_killable(struct semaphore *sem)
{
	return down_common(sem, TASK_KILLABLE, MAX_SCHEDULE_TIMEOUT, CALLER(), "down_killable()");
}
int down_timeout(struct semaphore *sem, long timeout)
{
	return down_common(sem, TASK_UNINTERRUPTIBLE, timeout, CALLER(), "down_timeout()");
}
int down_trylock(struct semaphore *sem)
{
	rt_point();
	if (sem->count == 0)
		return 1;
	sem->count--;
	return 0;
}
void up(struct semaphore *sem)
{
	sem->count++;
	if (!list_empty(&sem->wait_list)) {
		struct wait_queue_entry *w = list_first_entry(&sem->wait_list, struct wait_queue_entry, entry);
		list_del_init(&w->entry);
		rt_wake(((struct task_struct *)w->private)->rt, TASK_NORMAL | TASK_WAKEKILL);
	}
	rt_point();
}
