/* The interrupt controller and the genirq core, following Linux 6.12
 * (kernel/irq/manage.c, handle.c, chip.c, spurious.c): request/free with the
 * kernel's checks and messages, shared lines, threaded handlers with
 * IRQF_ONESHOT masking, disable/enable depth counting, synchronize_irq, level
 * and edge flows, and the spurious-interrupt ("nobody cared") accounting.
 *
 * A line is delivered to the first CPU that reaches a switch point with
 * interrupts enabled while the line is deliverable. */
#include "internal.h"

struct rt_irqaction {
	irq_handler_t handler;
	irq_handler_t thread_fn;
	unsigned long flags;
	const char *name;
	void *dev_id;
	unsigned int irq;
	struct rt_task *thread;
	bool thread_pending; /* IRQTF_RUNTHREAD */
	bool thread_stop;
	unsigned long thread_mask;
	struct rt_irqaction *next;
	struct rt_site req_site;
};

struct rt_irq_desc {
	struct rt_irqaction *action;
	unsigned int depth;      /* disable depth; 1 while shut down */
	bool masked;             /* masked at the chip (level flow, ONESHOT) */
	bool trigger_set;
	unsigned long trigger;   /* IRQF_TRIGGER_* */
	void *sources[16];       /* asserting level sources */
	int nsources;
	bool edge_pending;
	bool in_progress;
	int running_cpu;
	unsigned long threads_oneshot;
	int threads_active;
	wait_queue_head_t wait_for_threads;
	unsigned long irq_count, irqs_unhandled, last_unhandled;
	unsigned int threads_handled, threads_handled_last;
	bool spurious_disabled;
	unsigned long total;
	unsigned long storm_run;
	bool nested;              /* nested-threaded: run from the parent chip's thread */
	void (*nested_kick)(unsigned int irq); /* re-deliver a nested interrupt held while disabled */
};

static struct rt_irq_desc descs[RT_NR_IRQS];

static irqreturn_t irq_nested_primary_handler(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	__rt_warn(NULL, 0, "nested", "Primary handler called for nested irq %d\n", irq);
	return IRQ_NONE;
}
static irqreturn_t irq_default_primary_handler(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	return IRQ_WAKE_THREAD;
}

void rt_irq_reset(void)
{
	memset(descs, 0, sizeof(descs));
	for (int i = 0; i < RT_NR_IRQS; i++) {
		descs[i].depth = 1;
		descs[i].masked = true;
		descs[i].running_cpu = -1;
		init_waitqueue_head(&descs[i].wait_for_threads);
	}
}

static bool is_level(struct rt_irq_desc *d) { return (d->trigger & (IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW)) != 0; }

static bool deliverable(struct rt_irq_desc *d)
{
	if (d->nested || !d->action || d->depth || d->masked || d->in_progress)
		return false;
	return is_level(d) ? d->nsources > 0 : d->edge_pending;
}

bool rt_irq_pending_for(struct rt_cpu *c)
{
	(void)c;
	for (int i = 0; i < RT_NR_IRQS; i++)
		if (deliverable(&descs[i]))
			return true;
	return false;
}

/* ---- wiring from device models ---- */
void sim_irq_wire(unsigned int irq, enum sim_trigger trigger)
{
	if (irq >= RT_NR_IRQS)
		return;
	descs[irq].trigger = (unsigned long)trigger;
	descs[irq].trigger_set = true;
}
void sim_irq_set_level(unsigned int irq, void *source, bool asserted)
{
	if (irq >= RT_NR_IRQS)
		return;
	struct rt_irq_desc *d = &descs[irq];
	for (int i = 0; i < d->nsources; i++)
		if (d->sources[i] == source) {
			if (!asserted)
				d->sources[i] = d->sources[--d->nsources];
			return;
		}
	if (asserted && d->nsources < 16)
		d->sources[d->nsources++] = source;
	/* A level device on an edge-configured line produces an edge. */
	if (asserted && !is_level(d) && d->nsources == 1)
		d->edge_pending = d->action != NULL;
}
void sim_irq_edge(unsigned int irq)
{
	if (irq < RT_NR_IRQS && descs[irq].action)
		descs[irq].edge_pending = true; /* one latch: further edges coalesce */
}
bool sim_irq_is_masked(unsigned int irq) { return irq >= RT_NR_IRQS || descs[irq].masked || descs[irq].depth; }
unsigned long sim_irq_count(unsigned int irq) { return irq < RT_NR_IRQS ? descs[irq].total : 0; }

/* ---- handling ---- */
static long thunk_irq(void *fn, void *a, void *b, void *c)
{
	(void)c;
	return ((irq_handler_t)fn)((int)(long)a, b);
}

static void wake_thread(struct rt_irq_desc *d, struct rt_irqaction *a)
{
	if (!a->thread || a->thread->exited || a->thread_pending)
		return;
	a->thread_pending = true;
	d->threads_oneshot |= a->thread_mask;
	d->threads_active++;
	rt_wake(a->thread, TASK_NORMAL);
}

static void note_interrupt(unsigned int irq, struct rt_irq_desc *d, irqreturn_t ret)
{
	if (ret & IRQ_WAKE_THREAD) {
		/* Threaded handlers are judged one interrupt late, on what the
		 * thread returned since the previous one. */
		if (d->threads_handled != d->threads_handled_last) {
			d->threads_handled_last = d->threads_handled;
			ret = IRQ_HANDLED;
		} else if (d->total > 1) {
			ret = IRQ_NONE;
		} else {
			ret = IRQ_HANDLED;
		}
	}
	if (ret == IRQ_NONE) {
		if (time_after(jiffies, d->last_unhandled + HZ / 10))
			d->irqs_unhandled = 1;
		else
			d->irqs_unhandled++;
		d->last_unhandled = jiffies;
	}
	if (!d->irqs_unhandled)
		return;
	d->irq_count++;
	unsigned long window = rt.cfg.spurious_window ? rt.cfg.spurious_window : 100000;
	if (d->irq_count < window)
		return;
	d->irq_count = 0;
	if (d->irqs_unhandled > window - window / 1000) {
		char basis[64];
		snprintf(basis, sizeof(basis), "nobody-cared:%u", irq);
		struct rt_irqaction *a = d->action;
		rt_report_function_override = a ? (void *)a->handler : NULL;
		rt_report("ctxlint-spurious-irq", a ? a->req_site : RT_SITE(NULL, 0), basis,
			  "irq %u: nobody cared: %lu of the last %lu interrupts were not handled; the line is disabled "
			  "(a device left asserting its interrupt, or a handler that does not recognize its device)",
			  irq, d->irqs_unhandled, window);
		rt_report_function_override = NULL;
		rt_report_line("irq %u: nobody cared (try booting with the \"irqpoll\" option)", irq);
		for (; a; a = a->next)
			rt_report_line("handlers: [<%s>] (%s)", rt_symbol_name((void *)a->handler), a->name);
		rt_report_line("Disabling IRQ #%u", irq);
		d->spurious_disabled = true;
		d->depth++;
		d->masked = true;
	}
	d->irqs_unhandled = 0;
}

void rt_irq_enter(const char *label)
{
	(void)label;
	rt_this_cpu()->preempt_count += HARDIRQ_OFFSET;
}
void rt_irq_exit(void)
{
	struct rt_cpu *c = rt_this_cpu();
	c->preempt_count -= HARDIRQ_OFFSET;
	if (!(c->preempt_count & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK)) && c->softirq_pending)
		rt_do_softirq();
}

static void handle_irq(struct rt_cpu *c, unsigned int irq)
{
	struct rt_irq_desc *d = &descs[irq];
	c->irqs_off = true; /* the CPU enters the handler with interrupts off */
	rt_irq_enter("hardirq");
	if (is_level(d))
		d->masked = true; /* mask + ack */
	else
		d->edge_pending = false; /* ack */
	d->in_progress = true;
	d->running_cpu = c->id;
	d->total++;
	rt.last_progress = c->clock;
	if (c->nirq < 16)
		c->irq_stack[c->nirq] = (int)irq;
	c->nirq++;
	irqreturn_t retval = IRQ_NONE;
	char label[64];
	snprintf(label, sizeof(label), "hardirq %u", irq);
	for (struct rt_irqaction *a = d->action; a && !rt.aborted; a = a->next) {
		irqreturn_t r = (irqreturn_t)rt_call_entry(label, (void *)a->handler, 0, thunk_irq, (void *)(long)irq,
							   a->dev_id, NULL);
		c = rt_this_cpu();
		if (!c->irqs_off) {
			rt_report_function_override = (void *)a->handler;
			rt_report("ctxlint-irqsave-pairing", a->req_site, "handler-enabled-irqs",
				  "irq %u handler %s returned with interrupts enabled", irq,
				  rt_symbol_name((void *)a->handler));
			rt_report_function_override = NULL;
			rt_report_line("WARNING: irq %u handler %s enabled interrupts", irq, rt_symbol_name((void *)a->handler));
			c->irqs_off = true;
		}
		if (r & IRQ_WAKE_THREAD) {
			if (!a->thread_fn) {
				rt_report_function_override = (void *)a->handler;
				rt_report("ctxlint-irq-handler-return", ((struct rt_site){ NULL, -1, (void *)a->handler }),
					  "wake-thread-without-thread",
					  "irq %u handler %s returned IRQ_WAKE_THREAD but no thread function is "
					  "registered",
					  irq, rt_symbol_name((void *)a->handler));
				rt_report_note(a->req_site, "requested without a thread function here");
				rt_report_function_override = NULL;
				r = IRQ_HANDLED; /* __handle_irq_event_percpu() warns and goes on */
			} else {
				wake_thread(d, a);
			}
		}
		retval |= r;
	}
	note_interrupt(irq, d, retval);
	c = rt_this_cpu();
	c->nirq--;
	d->in_progress = false;
	d->running_cpu = -1;
	if (is_level(d) && !d->threads_oneshot && !d->depth && !d->spurious_disabled)
		d->masked = false;
	/* A handled interrupt whose device still asserts the line fires again at
	 * once; many in a row with no progress is a storm. */
	if (is_level(d) && retval != IRQ_NONE && d->nsources && !d->masked) {
		if (++d->storm_run >= rt.cfg.storm_limit && rt.cfg.storm_limit) {
			struct rt_irqaction *a = d->action;
			rt_report_function_override = a ? (void *)a->handler : NULL;
			rt_report("ctxlint-irq-storm", a ? a->req_site : RT_SITE(NULL, 0), "storm",
				  "irq %u: interrupt storm: the handler reports the interrupt handled %lu times in a "
				  "row but the device keeps the level-triggered line asserted (not acknowledged at the "
				  "device?)",
				  irq, d->storm_run);
			rt_report_function_override = NULL;
			rt_report_line("Disabling IRQ #%u to let the simulation go on", irq);
			d->spurious_disabled = true;
			d->depth++;
			d->masked = true;
		}
	} else {
		d->storm_run = 0;
	}
	rt_irq_exit();
	rt_this_cpu()->irqs_off = false;
}

bool rt_irq_deliver_one(struct rt_cpu *c)
{
	for (unsigned int i = 0; i < RT_NR_IRQS; i++)
		if (deliverable(&descs[i])) {
			handle_irq(c, i);
			return true;
		}
	return false;
}

/* ---- IRQ threads ---- */
static long thunk_thread(void *fn, void *a, void *b, void *c)
{
	(void)c;
	return ((irq_handler_t)fn)((int)(long)a, b);
}
static void irq_thread_body(void *arg)
{
	struct rt_irqaction *a = arg;
	struct rt_task *t = rt.running;
	struct rt_irq_desc *d = &descs[a->irq];
	char label[64];
	snprintf(label, sizeof(label), "irq thread irq/%u-%s", a->irq, a->name ? a->name : "");
	for (;;) {
		while (!a->thread_pending && !a->thread_stop) {
			t->ts.__state = TASK_INTERRUPTIBLE;
			rt_block("irq thread idle", NULL, 0, NULL);
		}
		if (!a->thread_pending && a->thread_stop)
			break;
		a->thread_pending = false;
		irqreturn_t r = (irqreturn_t)rt_call_entry(label, (void *)a->thread_fn, 0, thunk_thread,
							   (void *)(long)a->irq, a->dev_id, NULL);
		if (r == IRQ_HANDLED)
			d->threads_handled++;
		/* irq_finalize_oneshot(): unmask once every woken thread is done,
		 * unless the line was disabled meanwhile. */
		if (a->thread_mask) {
			d->threads_oneshot &= ~a->thread_mask;
			if (!d->threads_oneshot && !d->depth && d->masked && !d->spurious_disabled)
				d->masked = false;
		}
		if (--d->threads_active == 0)
			__wake_up(&d->wait_for_threads, TASK_NORMAL, 0, NULL);
		rt_point();
	}
}

/* ---- request / free ---- */
static void debug_shirq_call(unsigned int irq, struct rt_irqaction *a, const char *label)
{
	/* The handler is called as the kernel's CONFIG_DEBUG_SHIRQ does it:
	 * from process context with local interrupts disabled. */
	unsigned long flags;
	local_irq_save(flags);
	rt_call_entry(label, (void *)a->handler, 0, thunk_irq, (void *)(long)irq, a->dev_id, NULL);
	local_irq_restore(flags);
}

static int setup_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn, unsigned long flags,
		     const char *name, void *dev_id, struct rt_site site)
{
	rt_sleep_check("request_threaded_irq()", site.file, site.line, site.ra);
	if (rt.fail_request_irq > 0) {
		rt.fail_request_irq--;
		return -EBUSY; /* injected: the line is taken */
	}
	if (irq == IRQ_NOTCONNECTED)
		return -ENOTCONN;
	if (irq >= RT_NR_IRQS)
		return -EINVAL;
	struct rt_irq_desc *d = &descs[irq];
	if ((flags & IRQF_SHARED) && !dev_id) {
		rt_report("ctxlint-shared-irq-null-dev-id", site, "shared-null-dev-id",
			  "request for shared irq %u with a NULL dev_id fails with -EINVAL (free_irq() needs dev_id to "
			  "find the handler)",
			  irq);
		return -EINVAL;
	}
	if (((flags & IRQF_SHARED) && (flags & IRQF_NO_AUTOEN)) ||
	    (!(flags & IRQF_SHARED) && (flags & IRQF_COND_SUSPEND)) ||
	    (!(flags & IRQF_NO_SUSPEND) && (flags & IRQF_COND_SUSPEND)))
		return -EINVAL;
	bool default_primary = false;
	if (d->nested) {
		/* A nested-threaded line runs only thread functions, from the parent
		 * chip's thread (kernel: irq_nested_primary_handler). */
		if (!thread_fn)
			return -EINVAL;
		handler = irq_nested_primary_handler;
	} else if (!handler) {
		if (!thread_fn)
			return -EINVAL;
		handler = irq_default_primary_handler;
		default_primary = true;
	}
	if (!(flags & IRQF_TRIGGER_MASK))
		flags |= d->trigger;
	struct rt_irqaction *old = d->action;
	unsigned long thread_mask = 0;
	if (old) {
		unsigned long oldtype = d->trigger_set ? d->trigger : (flags & IRQF_TRIGGER_MASK);
		bool mismatch = !((old->flags & flags) & IRQF_SHARED) || oldtype != (flags & IRQF_TRIGGER_MASK);
		if (!mismatch) {
			if ((old->flags & IRQF_ONESHOT) && (flags & IRQF_COND_ONESHOT))
				flags |= IRQF_ONESHOT;
			else if ((old->flags ^ flags) & IRQF_ONESHOT)
				mismatch = true;
		}
		if (!mismatch && ((old->flags & IRQF_PERCPU) != (flags & IRQF_PERCPU)))
			mismatch = true;
		if (mismatch) {
			if (!(flags & IRQF_PROBE_SHARED))
				printk(KERN_ERR "Flags mismatch irq %u. %08lx (%s) vs. %08lx (%s)\n", irq, flags,
				       name ? name : "", old->flags, old->name ? old->name : "");
			return -EBUSY;
		}
		for (struct rt_irqaction *o = old; o; o = o->next)
			thread_mask |= o->thread_mask;
	}
	unsigned long new_mask = 0;
	if (flags & IRQF_ONESHOT) {
		if (thread_mask == ~0UL)
			return -EBUSY;
		new_mask = 1UL << ffz(thread_mask);
	} else if (default_primary) {
		printk(KERN_ERR "Threaded irq requested with handler=NULL and !ONESHOT for %s (irq %u)\n",
		       name ? name : "", irq);
		rt_report("ctxlint-irqf-oneshot", site, "null-handler-no-oneshot",
			  "threaded irq %u requested with handler=NULL and without IRQF_ONESHOT: the request fails with "
			  "-EINVAL",
			  irq);
		rt_report_line("Threaded irq requested with handler=NULL and !ONESHOT for %s (irq %u)", name ? name : "",
			       irq);
		return -EINVAL;
	}
	struct rt_irqaction *a = calloc(1, sizeof(*a));
	*a = (struct rt_irqaction){ handler, thread_fn, flags, name, dev_id, irq, NULL, false, false, new_mask, NULL, site };
	if (thread_fn && !d->nested) {
		char tname[32];
		snprintf(tname, sizeof(tname), "irq/%u-%s", irq, name ? name : "");
		a->thread = rt_task_create(tname, RT_TASK_IRQ_THREAD, irq_thread_body, a, -1);
	}
	struct rt_irqaction **pp = &d->action;
	while (*pp)
		pp = &(*pp)->next;
	*pp = a;
	if (!old) {
		if ((flags & IRQF_TRIGGER_MASK) && !d->trigger_set) {
			d->trigger = flags & IRQF_TRIGGER_MASK;
			d->trigger_set = true;
		}
		if (!(d->trigger & IRQF_TRIGGER_MASK))
			d->trigger = IRQF_TRIGGER_RISING;
		/* irq_startup(): edges that arrived while no handler existed are gone */
		d->edge_pending = false;
		d->depth = (flags & IRQF_NO_AUTOEN) ? 1 : 0;
		d->masked = d->depth != 0;
		d->spurious_disabled = false;
		d->irq_count = d->irqs_unhandled = 0;
		d->storm_run = 0;
	}
	if ((flags & IRQF_SHARED) && rt.cfg.debug_shirq_at_request) {
		/* Runtime option, not kernel behaviour (see docs/runtime.md): the
		 * handler must cope with an interrupt the moment it is requested. */
		disable_irq(irq);
		debug_shirq_call(irq, a, "DEBUG_SHIRQ test call at request_irq (ctxlint-sim option)");
		enable_irq(irq);
	}
	return 0;
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev)
{
	return setup_irq(irq, handler, thread_fn, flags, name, dev, RT_SITE_RA());
}
int rt_request_threaded_irq_site(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn, unsigned long flags,
				 const char *name, void *dev, struct rt_site site)
{
	return setup_irq(irq, handler, thread_fn, flags, name, dev, site);
}
int request_any_context_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name,
			    void *dev_id)
{
	if (irq < RT_NR_IRQS && descs[irq].nested) {
		int ret = setup_irq(irq, NULL, handler, flags, name, dev_id, RT_SITE_RA());
		return ret < 0 ? ret : IRQC_IS_NESTED;
	}
	int ret = setup_irq(irq, handler, NULL, flags, name, dev_id, RT_SITE_RA());
	return ret < 0 ? ret : IRQC_IS_HARDIRQ;
}

void rt_irq_set_nested(unsigned int irq, void (*kick)(unsigned int irq))
{
	if (irq < RT_NR_IRQS) {
		descs[irq].nested = true;
		descs[irq].nested_kick = kick;
		descs[irq].trigger = IRQF_TRIGGER_RISING;
		descs[irq].trigger_set = true;
	}
}
/* handle_nested_irq(): called in process context by the parent chip's
 * thread; returns false if the line is disabled (the interrupt stays pending). */
bool rt_handle_nested_irq(unsigned int irq)
{
	if (irq >= RT_NR_IRQS)
		return true;
	struct rt_irq_desc *d = &descs[irq];
	if (!d->action)
		return true; /* nobody listens: dropped, like an unrequested line */
	if (d->depth) {
		d->edge_pending = true;
		return false;
	}
	d->edge_pending = false;
	d->in_progress = true;
	d->total++;
	rt.last_progress = sim_now_ns();
	irqreturn_t ret = IRQ_NONE;
	char label[48];
	snprintf(label, sizeof(label), "nested irq %u (threaded)", irq);
	for (struct rt_irqaction *a = d->action; a && !rt.aborted; a = a->next)
		ret |= (irqreturn_t)rt_call_entry(label, (void *)a->thread_fn, 0, thunk_irq, (void *)(long)irq, a->dev_id,
						  NULL);
	note_interrupt(irq, d, ret);
	d->in_progress = false;
	return true;
}

static bool on_own_line(unsigned int irq, struct rt_site site, const char *api)
{
	struct rt_cpu *c = rt_this_cpu();
	struct rt_irq_desc *d = &descs[irq];
	bool in_handler = false;
	for (int i = 0; i < c->nirq && i < 16; i++)
		if (c->irq_stack[i] == (int)irq)
			in_handler = true;
	bool in_thread = false;
	for (struct rt_irqaction *a = d->action; a; a = a->next)
		if (a->thread && a->thread == rt.running)
			in_thread = true;
	if (!in_handler && !in_thread)
		return false;
	char basis[64];
	snprintf(basis, sizeof(basis), "%s-own-line", api);
	rt_report("ctxlint-disable-irq-in-handler", site, basis,
		  "%s(%u) called from %s of that interrupt: it waits for the handler to finish, which never happens",
		  api, irq, in_handler ? "the handler" : "the thread handler");
	rt_abort("waiting for its own interrupt handler");
	return true;
}

static void synchronize_irq_site(unsigned int irq, struct rt_site site, bool check_sleep)
{
	if (irq >= RT_NR_IRQS)
		return;
	struct rt_irq_desc *d = &descs[irq];
	if (check_sleep)
		rt_sleep_check("synchronize_irq()", site.file, site.line, site.ra);
	if (on_own_line(irq, site, "synchronize_irq"))
		return;
	while (d->in_progress && !rt.aborted)
		rt_point(); /* synchronize_hardirq() spins */
	if (d->threads_active)
		rt_wait_internal(site, d->wait_for_threads, !d->threads_active || rt.aborted);
}
void synchronize_irq(unsigned int irq) { synchronize_irq_site(irq, RT_SITE_RA(), true); }
bool synchronize_hardirq(unsigned int irq)
{
	if (irq >= RT_NR_IRQS)
		return true;
	if (on_own_line(irq, RT_SITE_RA(), "synchronize_hardirq"))
		return true;
	while (descs[irq].in_progress && !rt.aborted)
		rt_point();
	return !descs[irq].threads_active;
}

void disable_irq_nosync(unsigned int irq)
{
	if (irq >= RT_NR_IRQS || !descs[irq].action)
		return;
	descs[irq].depth++;
}
void disable_irq(unsigned int irq)
{
	struct rt_site s = RT_SITE_RA();
	rt_sleep_check("disable_irq()", NULL, 0, s.ra); /* 6.12: disable_irq() calls might_sleep() */
	if (irq >= RT_NR_IRQS || !descs[irq].action)
		return;
	descs[irq].depth++;
	synchronize_irq_site(irq, s, false);
}
bool disable_hardirq(unsigned int irq)
{
	disable_irq_nosync(irq);
	return synchronize_hardirq(irq);
}
void enable_irq(unsigned int irq)
{
	if (irq >= RT_NR_IRQS || !descs[irq].action)
		return;
	struct rt_irq_desc *d = &descs[irq];
	if (d->depth == 0) {
		__rt_warn(NULL, 0, "enable_irq", "Unbalanced enable for IRQ %u\n", irq);
		return;
	}
	if (--d->depth == 0) {
		if (!d->threads_oneshot)
			d->masked = false;
		d->spurious_disabled = false;
		if (d->nested && d->edge_pending && d->nested_kick)
			d->nested_kick(irq);
	}
	rt_point(); /* a pending interrupt may come in right away */
}
int irq_set_irq_type(unsigned int irq, unsigned int type)
{
	if (irq >= RT_NR_IRQS)
		return -EINVAL;
	descs[irq].trigger = type & IRQF_TRIGGER_MASK;
	descs[irq].trigger_set = true;
	return 0;
}

static const void *do_free_irq(unsigned int irq, void *dev_id, struct rt_site site)
{
	rt_sleep_check("free_irq()", site.file, site.line, site.ra);
	if (in_interrupt())
		__rt_warn(NULL, 0, "in_interrupt()", "Trying to free IRQ %u from IRQ context!\n", irq);
	if (irq >= RT_NR_IRQS)
		return NULL;
	struct rt_irq_desc *d = &descs[irq];
	struct rt_irqaction **pp = &d->action, *a = NULL;
	for (; *pp; pp = &(*pp)->next)
		if ((*pp)->dev_id == dev_id) {
			a = *pp;
			break;
		}
	if (!a) {
		printk(KERN_WARNING "Trying to free already-free IRQ %u\n", irq);
		rt_report("ctxlint-free-irq-dev-id", site, "free-unknown-dev-id",
			  "free_irq(%u, dev_id) with a dev_id that no handler on the line was registered with "
			  "(\"Trying to free already-free IRQ %u\")",
			  irq, irq);
		return NULL;
	}
	if (on_own_line(irq, site, "free_irq"))
		return NULL;
	*pp = a->next;
	if (!d->action) {
		d->depth = 1; /* irq_shutdown() */
		d->masked = true;
	}
	synchronize_irq_site(irq, site, false);
	if ((a->flags & IRQF_SHARED) && rt.cfg.debug_shirq_at_free)
		debug_shirq_call(irq, a, "CONFIG_DEBUG_SHIRQ test call at free_irq");
	if (a->thread) {
		a->thread_stop = true;
		rt_wake(a->thread, TASK_NORMAL);
		rt_wait_internal(site, a->thread->exit_wq, a->thread->exited || rt.aborted);
	}
	const char *name = a->name;
	free(a);
	return name;
}
const void *free_irq(unsigned int irq, void *dev_id) { return do_free_irq(irq, dev_id, RT_SITE_RA()); }
const void *rt_free_irq_site(unsigned int irq, void *dev_id, struct rt_site site)
{
	return do_free_irq(irq, dev_id, site);
}

/* Module unload / device removal: handlers left registered would run code
 * that is gone. */
static void report_leftover(unsigned int irq, struct rt_irqaction *a, void *teardown_fn, const char *what)
{
	rt_report_function_override = teardown_fn;
	char basis[96];
	snprintf(basis, sizeof(basis), "irq-registered:%u:%s", irq, a->name ? a->name : "");
	rt_report("ctxlint-teardown-missing-kill", ((struct rt_site){ NULL, -1, teardown_fn }), basis,
		  "irq %u handler %s (%s) is still registered after %s", irq, rt_symbol_name((void *)a->handler),
		  a->name ? a->name : "", what);
	rt_report_note(a->req_site, "requested here");
	rt_report_function_override = NULL;
}
void rt_irq_check_leftovers(void *teardown_fn, const char *what, void *const *dev_ids, int ndev)
{
	for (unsigned int i = 0; i < RT_NR_IRQS; i++) {
		struct rt_irqaction *a = descs[i].action;
		while (a) {
			struct rt_irqaction *next = a->next;
			bool match = ndev < 0;
			for (int k = 0; k < ndev; k++)
				match |= a->dev_id == dev_ids[k];
			if (match) {
				report_leftover(i, a, teardown_fn, what);
				do_free_irq(i, a->dev_id, RT_SITE(NULL, 0)); /* keep the run going without the dead handler */
			}
			a = next;
		}
	}
}
void rt_irq_teardown_check(void) { rt_irq_check_leftovers(NULL, "module exit", NULL, -1); }
