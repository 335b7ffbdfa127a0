/* A lock validator in the manner of lockdep (Documentation/locking/
 * lockdep-design.rst): lock classes keyed by the init site (or by the address
 * of a statically defined lock), a global dependency graph with cycle
 * detection, recursive-acquisition checks, and per-class IRQ usage state
 * (used in hardirq/softirq vs. taken with them enabled), checked directly and
 * through the dependency graph.  Differences from the kernel's lockdep are
 * listed in docs/runtime.md. */
#include "internal.h"

#define RT_MAX_CLASSES 1024

enum usage_bit {
	U_IN_HARDIRQ, U_IN_HARDIRQ_READ, U_EN_HARDIRQ, U_EN_HARDIRQ_READ,
	U_IN_SOFTIRQ, U_IN_SOFTIRQ_READ, U_EN_SOFTIRQ, U_EN_SOFTIRQ_READ, U_NBITS
};
static const char *const usage_names[U_NBITS] = {
	"IN-HARDIRQ-W", "IN-HARDIRQ-R", "HARDIRQ-ON-W", "HARDIRQ-ON-R",
	"IN-SOFTIRQ-W", "IN-SOFTIRQ-R", "SOFTIRQ-ON-W", "SOFTIRQ-ON-R",
};

struct rt_edge {
	int to;
	struct rt_site from_site; /* where the earlier lock was taken */
	struct rt_site to_site;   /* where the later lock was taken while holding it */
};

struct rt_class {
	const void *key;
	const char *name;
	unsigned int usage;
	struct rt_site usage_site[U_NBITS];
	struct rt_edge *edges;
	int nedges, capedges;
};

static struct rt_class classes[RT_MAX_CLASSES];
static int nclasses;
static int visit_mark[RT_MAX_CLASSES];
static int visit_gen;
static int bfs_parent[RT_MAX_CLASSES];
void *rt_report_function_override;

void rt_lockdep_reset(void)
{
	for (int i = 0; i < nclasses; i++)
		free(classes[i].edges);
	memset(classes, 0, sizeof(classes));
	nclasses = 0;
	memset(visit_mark, 0, sizeof(visit_mark));
	visit_gen = 0;
}

static int class_of(struct lockdep_map *map, const void *lock)
{
	const void *key = map->key ? (const void *)map->key : lock;
	for (int i = 0; i < nclasses; i++)
		if (classes[i].key == key)
			return i;
	if (nclasses == RT_MAX_CLASSES)
		return RT_MAX_CLASSES - 1;
	classes[nclasses].key = key;
	classes[nclasses].name = map->name ? map->name : "<unnamed lock>";
	return nclasses++;
}

const char *rt_lock_name(struct lockdep_map *map) { return map && map->name ? map->name : "<unnamed lock>"; }

/* Breadth-first search along dependency edges; returns whether `to` is
 * reachable from `from` (or a class satisfying `want` when to < 0). */
static int search(int from, int to, bool forwards, unsigned int want_usage)
{
	int queue[RT_MAX_CLASSES], head = 0, tail = 0;
	visit_gen++;
	queue[tail++] = from;
	visit_mark[from] = visit_gen;
	bfs_parent[from] = -1;
	while (head < tail) {
		int c = queue[head++];
		if (to >= 0 ? c == to && c != from : (classes[c].usage & want_usage) != 0)
			return c;
		if (forwards) {
			for (int e = 0; e < classes[c].nedges; e++) {
				int n = classes[c].edges[e].to;
				if (visit_mark[n] != visit_gen) {
					visit_mark[n] = visit_gen;
					bfs_parent[n] = c;
					queue[tail++] = n;
				}
			}
		} else {
			for (int p = 0; p < nclasses; p++) {
				if (visit_mark[p] == visit_gen)
					continue;
				for (int e = 0; e < classes[p].nedges; e++)
					if (classes[p].edges[e].to == c) {
						visit_mark[p] = visit_gen;
						bfs_parent[p] = c;
						queue[tail++] = p;
						break;
					}
			}
		}
	}
	return -1;
}

static struct rt_edge *find_edge(int from, int to)
{
	for (int e = 0; e < classes[from].nedges; e++)
		if (classes[from].edges[e].to == to)
			return &classes[from].edges[e];
	return NULL;
}

static void report_irq_dependency(int safe, int unsafe, const char *kind, struct rt_site site)
{
	char basis[256];
	snprintf(basis, sizeof(basis), "dep:%s:%s:%s", kind, classes[safe].name, classes[unsafe].name);
	unsigned int in_bit = !strcmp(kind, "HARDIRQ") ? U_IN_HARDIRQ : U_IN_SOFTIRQ;
	unsigned int en_bit = in_bit + 2;
	struct rt_class *s = &classes[safe], *u = &classes[unsafe];
	rt_report("ctxlint-irq-lock-inversion", site, basis,
		  "possible %s lock inversion: %s (taken in %s context) is held while %s is taken, and %s is "
		  "taken elsewhere with %ss enabled",
		  kind, s->name, !strcmp(kind, "HARDIRQ") ? "hardirq" : "softirq", u->name, u->name,
		  !strcmp(kind, "HARDIRQ") ? "interrupt" : "softirq");
	rt_report_line("WARNING: possible irq lock inversion dependency detected (%s-safe -> %s-unsafe)", kind, kind);
	struct rt_site *in_site = s->usage_site[in_bit].file || s->usage_site[in_bit].ra ? &s->usage_site[in_bit]
											   : &s->usage_site[in_bit + 1];
	rt_report_note(*in_site, "%s taken in %s context here", s->name, !strcmp(kind, "HARDIRQ") ? "hardirq" : "softirq");
	rt_report_note(u->usage_site[en_bit], "%s taken with %ss enabled here", u->name,
		       !strcmp(kind, "HARDIRQ") ? "interrupt" : "softirq");
}

/* New edge prev -> next: safe-before-unsafe through the graph is a possible
 * interrupt deadlock even when no single class is inconsistent. */
static void check_irq_edge(int prev, int next, struct rt_site site)
{
	static const struct { unsigned in, en; const char *kind; } kinds[] = {
		{ (1u << U_IN_HARDIRQ) | (1u << U_IN_HARDIRQ_READ), 1u << U_EN_HARDIRQ, "HARDIRQ" },
		{ (1u << U_IN_SOFTIRQ) | (1u << U_IN_SOFTIRQ_READ), 1u << U_EN_SOFTIRQ, "SOFTIRQ" },
	};
	for (int k = 0; k < 2; k++) {
		int safe = search(prev, -1, false, kinds[k].in);
		if (safe < 0)
			continue;
		int unsafe = search(next, -1, true, kinds[k].en);
		if (unsafe < 0)
			continue;
		report_irq_dependency(safe, unsafe, kinds[k].kind, site);
	}
}

static void add_edge(int from, int to, struct rt_held_lock *h, struct rt_site site)
{
	if (from == to || find_edge(from, to))
		return;
	int back = search(to, from, true, 0);
	if (back >= 0) {
		/* Report the cycle once: the new edge plus the path that closes it. */
		char basis[256];
		snprintf(basis, sizeof(basis), "cycle:%s:%s", from < to ? classes[from].name : classes[to].name,
			 from < to ? classes[to].name : classes[from].name);
		rt_report("ctxlint-lock-order", site, basis,
			  "possible circular locking dependency: %s is taken while holding %s, but the opposite order "
			  "was seen before",
			  classes[to].name, classes[from].name);
		rt_report_line("WARNING: possible circular locking dependency detected");
		rt_report_note(RT_HELD_SITE(h), "%s acquired here first", classes[from].name);
		/* walk the existing path to -> ... -> from */
		int path[RT_MAX_CLASSES], n = 0;
		for (int c = from; c >= 0 && n < RT_MAX_CLASSES; c = bfs_parent[c])
			path[n++] = c;
		for (int i = n - 1; i > 0; i--) {
			struct rt_edge *e = find_edge(path[i], path[i - 1]);
			if (e)
				rt_report_note(e->to_site, "existing dependency: %s taken while holding %s",
					       classes[path[i - 1]].name, classes[path[i]].name);
		}
	}
	struct rt_class *c = &classes[from];
	if (c->nedges == c->capedges) {
		c->capedges = c->capedges ? 2 * c->capedges : 4;
		c->edges = realloc(c->edges, sizeof(*c->edges) * c->capedges);
	}
	c->edges[c->nedges++] = (struct rt_edge){ to, RT_HELD_SITE(h), site };
	check_irq_edge(from, to, site);
}

static void report_inconsistent(int cls, int new_bit, int old_bit, struct rt_site site)
{
	struct rt_class *c = &classes[cls];
	char basis[256];
	snprintf(basis, sizeof(basis), "inconsistent:%s:%s:%s", c->name, usage_names[old_bit], usage_names[new_bit]);
	bool hard = new_bit < U_IN_SOFTIRQ;
	bool new_is_in = (new_bit % 4) < 2;
	rt_report("ctxlint-irq-lock-inversion", site, basis,
		  new_is_in ? "lock %s is taken in %s context here but is also taken with %s enabled: an interrupt "
			      "arriving while it is held on the same CPU deadlocks"
			    : "lock %s is also taken in %s context, but is taken here with %s enabled: an interrupt "
			      "arriving while it is held on the same CPU deadlocks",
		  c->name, hard ? "hardirq" : "softirq", hard ? "interrupts" : "softirqs");
	rt_report_line("WARNING: inconsistent lock state");
	rt_report_line("inconsistent {%s} -> {%s} usage.", usage_names[old_bit], usage_names[new_bit]);
	rt_report_note(c->usage_site[old_bit], "%s {%s} state was registered here", c->name, usage_names[old_bit]);
}

static void mark(int cls, int bit, struct rt_site site)
{
	struct rt_class *c = &classes[cls];
	if (c->usage & (1u << bit))
		return;
	c->usage |= 1u << bit;
	c->usage_site[bit] = site;
	int base = bit < U_IN_SOFTIRQ ? 0 : U_IN_SOFTIRQ;
	int rel = bit - base;
	const char *kind = base ? "SOFTIRQ" : "HARDIRQ";
	/* rel: 0 IN-W, 1 IN-R, 2 ON-W, 3 ON-R.  Readers on both sides do not
	 * conflict; everything else does. */
	static const int conflicts[4][2] = { { 2, 3 }, { 2, -1 }, { 0, 1 }, { 0, -1 } };
	for (int k = 0; k < 2; k++) {
		int o = conflicts[rel][k];
		if (o >= 0 && (c->usage & (1u << (base + o)))) {
			report_inconsistent(cls, bit, base + o, site);
			return;
		}
	}
	if (rel == 0 || rel == 1) {
		int unsafe = search(cls, -1, true, 1u << (base + 2));
		if (unsafe >= 0 && unsafe != cls)
			report_irq_dependency(cls, unsafe, kind, site);
	} else if (rel == 2) {
		int safe = search(cls, -1, false, (1u << base) | (1u << (base + 1)));
		if (safe >= 0 && safe != cls)
			report_irq_dependency(safe, cls, kind, site);
	}
}

int rt_lockdep_acquire(struct lockdep_map *map, void *lock, int read, int trylock, struct rt_site site)
{
	struct rt_task *t = rt.running;
	if (!t || !rt.in_sim)
		return 0;
	int before = rt_findings_total();
	int cls = class_of(map, lock);
	int ctx = rt_irq_context();
	struct rt_cpu *cpu = rt_this_cpu();
	if (!site.file && site.ra == NULL)
		site.ra = __builtin_return_address(0);
	if (!trylock) {
		for (int i = 0; i < t->nheld; i++) {
			struct rt_held_lock *h = &t->held[i];
			if (h->class_id != cls)
				continue;
			/* Held by the context this interrupt interrupted: that is the
			 * irq-safety violation reported by the usage check, not a
			 * recursive acquisition. */
			if (h->irq_context != ctx)
				continue;
			if (read == 2 && h->read == 2)
				continue; /* rwlock_t readers may recurse; rwsem readers may not */
			char basis[160];
			snprintf(basis, sizeof(basis), "recursive:%s", classes[cls].name);
			rt_report("ctxlint-double-lock", site, basis,
				  "%s is acquired while already held%s (possible recursive locking)", classes[cls].name,
				  h->map == map ? "" : " (another lock of the same class)");
			rt_report_line("WARNING: possible recursive locking detected");
			rt_report_note(RT_HELD_SITE(h), "%s first acquired here", classes[cls].name);
			break;
		}
		for (int i = 0; i < t->nheld; i++) {
			struct rt_held_lock *h = &t->held[i];
			if (h->irq_context == ctx && h->class_id != cls)
				add_edge(h->class_id, cls, h, site);
		}
		if (ctx == 2)
			mark(cls, read ? U_IN_HARDIRQ_READ : U_IN_HARDIRQ, site);
		if (ctx == 1)
			mark(cls, read ? U_IN_SOFTIRQ_READ : U_IN_SOFTIRQ, site);
	}
	if (!cpu->irqs_off) {
		mark(cls, read ? U_EN_HARDIRQ_READ : U_EN_HARDIRQ, site);
		if (!(cpu->preempt_count & SOFTIRQ_MASK))
			mark(cls, read ? U_EN_SOFTIRQ_READ : U_EN_SOFTIRQ, site);
	}
	if (t->nheld < RT_MAX_HELD) {
		struct rt_held_lock *h = &t->held[t->nheld++];
		*h = (struct rt_held_lock){ map, cls, read, trylock, ctx, site.file, site.line, rt_top_fn(),
					    t->nentries };
		if (!site.file) {
			/* keep the return address in the file slot's stead: resolved later */
			h->file = NULL;
			h->line = 0;
		}
		h->fn = rt_top_fn();
		h->entry_depth = t->nentries;
		h->ra = site.ra;
		h->lock = lock;
	}
	return rt_findings_total() != before;
}

bool rt_lockdep_held(struct lockdep_map *map)
{
	struct rt_task *t = rt.running;
	if (!t)
		return false;
	for (int i = 0; i < t->nheld; i++)
		if (t->held[i].map == map)
			return true;
	return false;
}

void rt_lockdep_release(struct lockdep_map *map, void *lock, struct rt_site site, const char *api)
{
	struct rt_task *t = rt.running;
	(void)lock;
	if (!t || !rt.in_sim)
		return;
	for (int i = t->nheld - 1; i >= 0; i--) {
		if (t->held[i].map != map)
			continue;
		memmove(&t->held[i], &t->held[i + 1], sizeof(t->held[0]) * (t->nheld - i - 1));
		t->nheld--;
		return;
	}
	if (!api)
		return; /* silent release (failed interruptible acquisition) */
	char basis[160];
	snprintf(basis, sizeof(basis), "unlock-not-held:%s:%s", api, rt_lock_name(map));
	rt_report("ctxlint-lock-balance", site, basis, "%s releases %s, which this context does not hold", api,
		  rt_lock_name(map));
	rt_report_line("WARNING: bad unlock balance detected!");
}

void lockdep_assert_held_fn(const void *owner, const char *file, int line)
{
	if (!rt.running || rt_lockdep_held((struct lockdep_map *)owner))
		return;
	rt_report("ctxlint-lock-balance", RT_SITE(file, line), "assert-held",
		  "lock %s is not held where the code asserts it is", rt_lock_name((struct lockdep_map *)owner));
}

void rt_lockdep_check_entry_return(struct rt_task *t, struct rt_entry *e)
{
	for (int i = e->held_at_entry; i < t->nheld; i++) {
		struct rt_held_lock *h = &t->held[i];
		if (h->entry_depth != t->nentries)
			continue;
		char basis[200];
		snprintf(basis, sizeof(basis), "held-at-return:%s:%s", e->label, rt_lock_name(h->map));
		rt_report_function_override = h->fn ? h->fn : e->fn;
		struct rt_site s = RT_HELD_SITE(h);
		rt_report("ctxlint-lock-balance", s, basis, "lock %s is still held when %s (%s) returns",
			  rt_lock_name(h->map), rt_symbol_name(e->fn), e->label);
		rt_report_line("WARNING: lock held when returning from %s", e->label);
		rt_report_function_override = NULL;
		/* The lock stays held, as in the kernel; later users will spin. */
		h->entry_depth = -1;
	}
}

void rt_lockdep_check_free(const void *start, size_t len, struct rt_site site)
{
	struct rt_task *t;
	const char *s = start;
	list_for_each_entry(t, &rt.all_tasks, all_node) {
		for (int i = 0; i < t->nheld; i++) {
			const char *m = (const char *)t->held[i].map;
			if (m >= s && m < s + len) {
				rt_report("ctxlint-lock-balance", site, "held-lock-freed",
					  "memory freed while it holds a held lock (%s, held by %s)",
					  rt_lock_name(t->held[i].map), t->ts.comm);
				rt_report_line("BUG: held lock freed!");
				rt_report_note(RT_HELD_SITE(&t->held[i]), "%s acquired here",
					       rt_lock_name(t->held[i].map));
			}
		}
	}
}
