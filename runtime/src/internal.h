/* Internal state of the simulated machine: CPUs, tasks, the event queue, and
 * the interfaces between the runtime's parts (core, locks, lockdep, irq,
 * softirq, workqueue, report).  Only runtime sources include this file. */
#ifndef RT_INTERNAL_H
#define RT_INTERNAL_H
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <stdarg.h>
#include <ucontext.h>
/* glibc's dev_t is 64-bit, the kernel's 32-bit: keep them apart. */
#define dev_t rt_kernel_dev_t
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/ktime.h>
#include <linux/hrtimer.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/delay.h>
#include <linux/rcupdate.h>
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/miscdevice.h>
#include <linux/poll.h>
#include <linux/vmalloc.h>
#include <linux/io.h>
#include <linux/kthread.h>
#include <linux/platform_device.h>
#include <linux/i2c.h>
#include <linux/dma-mapping.h>
#include <linux/mempool.h>
#include <linux/gpio.h>
#include <linux/rwsem.h>
#include <linux/cleanup.h>
#include <linux/device.h>
#include <sim/sim.h>

#define RT_MAX_CPUS 8
#define RT_NR_IRQS 64
#define RT_MAX_FRAMES 256
#define RT_MAX_HELD 48
#define RT_MAX_ENTRIES 32
#define RT_STACK_SIZE (256 * 1024)
#define NSEC_PER_JIFFY 1000000ULL
#define RT_INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

/* ---- shadow call stack (from -finstrument-functions) ---- */
struct rt_frame {
	void *fn;          /* driver function entered */
	void *call_site;   /* return address in its caller */
	u64 serial;        /* identifies this activation (irqsave frame check) */
	const char *boundary; /* non-NULL: a context entry made by the runtime */
};

/* A lock held by a task, as lockdep sees it. */
struct rt_held_lock {
	struct lockdep_map *map;
	int class_id;
	int read;      /* rwlock reader */
	int trylock;
	int irq_context; /* 0 process, 1 softirq, 2 hardirq */
	const char *file;
	int line;
	void *fn;      /* driver function that acquired it */
	int entry_depth; /* index of the runtime entry it was taken in */
	void *ra;
	void *lock;
};

/* A driver entry point invoked by the runtime (handler, callback, syscall). */
struct rt_entry {
	const char *label;     /* "hardirq handler", "read()", ... */
	void *fn;
	int held_at_entry;
	int frames_at_entry;
	int is_syscall;
	bool wait_interrupted; /* a wait inside this entry was cut short by a signal */
	const char *wait_file;
	int wait_line;
	void *wait_ra;
	void *wait_fn;
};

enum rt_task_kind { RT_TASK_IDLE, RT_TASK_USER, RT_TASK_KTHREAD, RT_TASK_WORKER, RT_TASK_IRQ_THREAD, RT_TASK_KSOFTIRQD };

struct rt_task {
	struct task_struct ts;
	enum rt_task_kind kind;
	ucontext_t ctx;
	void *stack;
	void (*fn)(void *);
	void *arg;
	int cpu;          /* CPU it is running on, -1 when off-CPU */
	int bound_cpu;    /* -1: any */
	bool on_rq;
	bool exited;
	struct list_head rq_node;
	struct list_head all_node;
	unsigned long sigpending;
	int rcu_depth;
	bool atomic_sleep_reported; /* a might_sleep report covers the schedule() that follows */
	struct rt_frame frames[RT_MAX_FRAMES];
	int nframes;
	struct rt_held_lock held[RT_MAX_HELD];
	int nheld;
	struct rt_entry entries[RT_MAX_ENTRIES];
	int nentries;
	struct sim_event *timeout_ev;
	/* kthreads */
	int (*threadfn)(void *);
	bool should_stop;
	bool should_park, parked;
	int exit_code;
	wait_queue_head_t exit_wq;
	/* what it is blocked on, for hang reports */
	const char *wait_what;
	const char *wait_file;
	int wait_line;
	void *wait_ra;
	void *wait_obj;
};

struct rt_irqsave {
	u64 id;
	u64 frame;       /* shadow frame serial at the save */
	void *fn;        /* driver function that saved */
	struct rt_task *task;
	int prev_off;
	const char *file;
	int line;
	bool reported;
};

struct rt_cpu {
	int id;
	unsigned int preempt_count;
	bool irqs_off;
	struct rt_task *curr;
	struct rt_task *idle;
	struct rt_task *ksoftirqd;
	u64 clock;
	unsigned int softirq_pending;
	bool need_resched;
	bool idle_parked;
	bool tick_pending;
	unsigned long last_tick;
	struct tasklet_struct *tasklet_head, **tasklet_tail;
	struct tasklet_struct *hi_head, **hi_tail;
	struct timer_list *expired; /* timers whose time came, run by TIMER_SOFTIRQ */
	struct rt_irqsave saves[64];
	int nsaves;
	int irq_stack[16]; /* lines being handled on this CPU */
	int nirq;
	struct hrtimer *hr_expired, *hr_soft; /* hrtimers due on this CPU */
	struct timer_list *running_timer;      /* for teardown checks */
	struct tasklet_struct *running_tasklet;
	void *spinning_on;  /* lock this CPU spins on, for deadlock detection */
	int spin_owner_cpu;
};

struct sim_event {
	u64 when;
	u64 seq;
	void (*fn)(void *);
	void *arg;
	bool cancelled;
	int heap_index;
};

struct rt_finding;

struct rt_sim {
	struct sim_config cfg;
	u64 rng;
	u64 now;
	int ncpus;
	struct rt_cpu cpus[RT_MAX_CPUS];
	ucontext_t main_ctx;
	struct rt_task *running;
	struct rt_cpu *running_cpu;
	struct list_head runqueue;
	struct list_head all_tasks;
	struct sim_event **heap;
	int nheap, capheap;
	u64 event_seq;
	bool stop;
	bool aborted;
	bool hung;
	struct rt_task *scenario;
	int next_pid;
	u64 frame_serial;
	u64 irqsave_serial;
	struct rt_task *zombies[64];
	int nzombies;
	bool in_sim;
	u64 last_progress; /* last time a real task ran, an event fired or an irq came in */
	int fail_kmalloc, fail_request_irq; /* fault injection (sim_fail_next) */
};
extern struct rt_sim rt;

/* core.c */
struct rt_cpu *rt_this_cpu(void);
struct rt_task *rt_current(void);
u64 rt_rand(void);
unsigned long rt_rand_below(unsigned long n);
void rt_point(void);
void rt_switch_to_main(void);
void rt_schedule(void);
bool rt_atomic_context(void);
void rt_busy_wait_ns(u64 ns);
struct rt_task *rt_task_create(const char *name, enum rt_task_kind kind, void (*fn)(void *), void *arg, int bound_cpu);
int rt_wake(struct rt_task *t, unsigned int state);
void rt_block(const char *what, const char *file, int line, void *obj);
void rt_abort(const char *why);
void rt_irq_check(void);
void rt_softirq_check(void);
void rt_do_softirq(void);
u64 rt_frame_serial(void);
void *rt_top_fn(void);
const char *rt_context_name(void);
int rt_irq_context(void);
/* Runs a driver callback as a runtime entry: records the boundary in the
 * shadow stack and checks the lock balance and interrupted waits on return. */
long rt_call_entry(const char *label, void *fn, int is_syscall, long (*thunk)(void *fn, void *a, void *b, void *c),
		   void *a, void *b, void *c);
struct sim_event *rt_event_at(u64 when, void (*fn)(void *), void *arg);
void rt_event_cancel(struct sim_event *ev);
void rt_sleep_check(const char *api, const char *file, int line, void *ra);
void rt_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
long rt_schedule_timeout_state(long timeout, unsigned int state);

/* A wait inside the runtime on behalf of a driver call at `site`: no second
 * might_sleep report (the API did its own) and hang reports name the driver's
 * call, not runtime code. */
#define rt_wait_internal(site, wq, condition) do { \
	struct rt_task *__rt_t = rt.running; \
	if (__rt_t) { \
		__rt_t->wait_file = (site).file; \
		__rt_t->wait_line = (site).line; \
		__rt_t->wait_ra = (site).ra; \
		__rt_t->wait_what = __func__; \
	} \
	if (!(condition)) \
		(void)__rt_wait_loop(wq, condition, TASK_UNINTERRUPTIBLE, schedule()); \
} while (0)

/* report.c */
struct rt_site { const char *file; int line; void *ra; };
#define RT_SITE(f, l) ((struct rt_site){ (f), (l), NULL })
#define RT_SITE_RA() ((struct rt_site){ NULL, 0, __builtin_return_address(0) })
void rt_report(const char *rule, struct rt_site site, const char *basis, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void rt_report_note(struct rt_site site, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rt_report_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void rt_findings_reset(void);
void rt_findings_emit(void);
int rt_findings_total(void);
const char *rt_symbol_name(void *addr);

/* locks.c / lockdep.c */
void rt_lockdep_reset(void);
int rt_lockdep_acquire(struct lockdep_map *map, void *lock, int read, int trylock, struct rt_site site);
void rt_lockdep_release(struct lockdep_map *map, void *lock, struct rt_site site, const char *api);
bool rt_lockdep_held(struct lockdep_map *map);
void rt_lockdep_check_entry_return(struct rt_task *t, struct rt_entry *e);
void rt_lockdep_check_free(const void *start, size_t len, struct rt_site site);
#define RT_HELD_SITE(h) ((struct rt_site){ (h)->file, (h)->line, (h)->file ? NULL : (h)->ra })
const char *rt_lock_name(struct lockdep_map *map);
extern void *rt_report_function_override;
void rt_irqsave_push(u64 *id_out, int prev_off, struct rt_site site);
void rt_irqsave_pop(unsigned long flags, struct rt_site site, const char *api);
void rt_irqsave_check_enable(struct rt_site site, const char *api);
void rt_irqsave_check_frame_exit(u64 serial, void *fn);
void rt_irqs_disable(void);
void rt_irqs_enable(void);
void rt_note_interrupted_wait(struct rt_site site);

/* irq.c */
void rt_irq_reset(void);
bool rt_irq_pending_for(struct rt_cpu *c);
bool rt_irq_deliver_one(struct rt_cpu *c);
void rt_irq_teardown_check(void);
void rt_irq_set_nested(unsigned int irq, void (*kick)(unsigned int irq));
bool rt_handle_nested_irq(unsigned int irq);
void rt_irq_check_leftovers(void *teardown_fn, const char *what, void *const *dev_ids, int ndev);
int rt_request_threaded_irq_site(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn, unsigned long flags,
				 const char *name, void *dev, struct rt_site site);
const void *rt_free_irq_site(unsigned int irq, void *dev_id, struct rt_site site);
void rt_irq_enter(const char *label);
void rt_irq_exit(void);

/* softirq.c */
void rt_softirq_reset(void);
void rt_timer_tick(struct rt_cpu *c);
void rt_ksoftirqd_fn(void *arg);
void rt_teardown_check_callbacks(void);
void rt_teardown_check_callbacks_fn(void *teardown_fn, const char *when);
void rt_check_free_callbacks(const void *start, size_t len, struct rt_site site);

/* hrtimer.c */
void rt_hrtimer_reset(void);
void rt_hrtimer_interrupt(struct rt_cpu *c);
void rt_hrtimer_softirq(void);
void rt_hrtimer_teardown(void *teardown_fn, const void *start, size_t len, struct rt_site site, const char *when);

/* workqueue.c */
void rt_workqueue_init(void);
void rt_workqueue_teardown_check(void);
void rt_workqueue_teardown_check_fn(void *teardown_fn, const char *when);
void rt_check_free_work(const void *start, size_t len, struct rt_site site);

/* misc.c */
void rt_misc_reset(void);
void rt_devres_release(struct device *dev);
void rt_slab_reset(void);
int rt_run_module_inits(void);
void rt_run_module_exits(void);
#endif
