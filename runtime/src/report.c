/* Findings of the dynamic validators: creation from the current simulated
 * state (CPU, task, context, shadow stack), de-duplication, symbolization of
 * code addresses (one llvm-symbolizer/addr2line run per simulation), and the
 * text and JSON (schema version 1, shared with the static tool) writers. */
#include "internal.h"
#include "sha1.h"
#include <dlfcn.h>
#include <elf.h>
#include <unistd.h>

#define RT_MAX_FINDINGS 512
#define RT_MAX_NOTES 16
#define RT_MAX_LINES 16
#define RT_MAX_CHAIN 24

struct rt_loc {
	const char *file; /* static string from __FILE__, or NULL */
	int line;
	void *ra;         /* return address to resolve when file is NULL */
	char *rfile;      /* resolved */
	int rline, rcol;
	char *rfunc;
};

struct rt_chain_step {
	void *fn;
	char *boundary; /* copied: runtime labels may live on a stack */
	struct rt_loc where;
	char *fname;
};

struct rt_finding {
	char rule[64];
	char *message;
	char *basis;
	struct rt_loc loc;
	void *fn;
	char *fname;
	struct rt_chain_step chain[RT_MAX_CHAIN];
	int nchain;
	/* frames of the context this one interrupted or was called from (text
	 * report only): below the boundary of the current context */
	struct rt_chain_step below[8];
	int nbelow;
	struct { struct rt_loc where; char *msg; } notes[RT_MAX_NOTES];
	int nnotes;
	char *lines[RT_MAX_LINES];
	int nlines;
	int cpu;
	char task[32];
	const char *context;
	char fingerprint[41];
	u64 dedup_key;
};

static struct rt_finding findings[RT_MAX_FINDINGS];
static int nfindings;
static struct rt_finding *last; /* receives notes; NULL when the last report was a duplicate */
static u64 dedup_keys[4096];
static int ndedup;

static u64 fnv(u64 h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}
static u64 fnv_str(u64 h, const char *s) { return fnv(h, s ? s : "", s ? strlen(s) + 1 : 1); }

void rt_findings_reset(void)
{
	for (int i = 0; i < nfindings; i++) {
		struct rt_finding *f = &findings[i];
		free(f->message);
		free(f->basis);
		free(f->fname);
		free(f->loc.rfile);
		free(f->loc.rfunc);
		for (int j = 0; j < f->nchain; j++) {
			free(f->chain[j].fname);
			free(f->chain[j].boundary);
			free(f->chain[j].where.rfile);
			free(f->chain[j].where.rfunc);
		}
		for (int j = 0; j < f->nbelow; j++) {
			free(f->below[j].fname);
			free(f->below[j].boundary);
			free(f->below[j].where.rfile);
			free(f->below[j].where.rfunc);
		}
		for (int j = 0; j < f->nnotes; j++) {
			free(f->notes[j].msg);
			free(f->notes[j].where.rfile);
			free(f->notes[j].where.rfunc);
		}
		for (int j = 0; j < f->nlines; j++)
			free(f->lines[j]);
	}
	memset(findings, 0, sizeof(findings));
	nfindings = 0;
	ndedup = 0;
	last = NULL;
}

static char *vfmt(const char *fmt, va_list ap)
{
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		s = strdup("?");
	return s;
}

void rt_report(const char *rule, struct rt_site site, const char *basis, const char *fmt, ...)
{
	struct rt_task *t = rt.running;
	void *fn = rt_report_function_override;
	if (t && !fn) {
		for (int i = (t->nframes > RT_MAX_FRAMES ? RT_MAX_FRAMES : t->nframes) - 1; i >= 0; i--) {
			if (t->frames[i].boundary)
				break;
			if (t->frames[i].fn) {
				fn = t->frames[i].fn;
				break;
			}
		}
	}
	/* One finding per rule, function, call site and basis within a run. */
	u64 key = fnv_str(0xcbf29ce484222325ULL, rule);
	key = fnv(key, &fn, sizeof(fn));
	key = fnv_str(key, basis);
	key = fnv_str(key, site.file);
	key = fnv(key, &site.line, sizeof(site.line));
	key = fnv(key, &site.ra, sizeof(site.ra));
	for (int i = 0; i < ndedup; i++)
		if (dedup_keys[i] == key) {
			last = NULL;
			return;
		}
	if (ndedup < 4096)
		dedup_keys[ndedup++] = key;
	if (nfindings >= RT_MAX_FINDINGS) {
		last = NULL;
		return;
	}
	struct rt_finding *f = &findings[nfindings++];
	memset(f, 0, sizeof(*f));
	snprintf(f->rule, sizeof(f->rule), "%s", rule);
	va_list ap;
	va_start(ap, fmt);
	f->message = vfmt(fmt, ap);
	va_end(ap);
	f->basis = strdup(basis ? basis : "");
	f->loc.file = site.file;
	f->loc.line = site.line;
	f->loc.ra = site.file ? NULL : site.ra;
	f->fn = fn;
	if (!site.file && site.line == -1) {
		/* a function's definition */
		f->loc.line = -1;
		if (!f->fn)
			f->fn = site.ra;
	}
	f->cpu = t && rt.running_cpu ? rt.running_cpu->id : -1;
	snprintf(f->task, sizeof(f->task), "%s", t ? t->ts.comm : "");
	f->context = t ? rt_context_name() : "process";
	f->dedup_key = key;
	if (!site.file && site.line == -1 && f->fn) {
		/* a report about a function as a whole (teardown): no call chain
		 * beyond the function itself */
		struct rt_chain_step *st = &f->chain[f->nchain++];
		st->fn = f->fn;
		st->where.ra = f->fn;
		st->where.line = -1;
	} else if (t) {
		/* The call chain: the driver frames of the current context, outermost
		 * first, down to the reporting call. */
		int top = t->nframes > RT_MAX_FRAMES ? RT_MAX_FRAMES : t->nframes;
		int start = top;
		while (start > 0 && !t->frames[start - 1].boundary)
			start--;
		int from = start > 0 ? start - 1 : 0; /* include the boundary label */
		if (top - from > RT_MAX_CHAIN)
			from = top - RT_MAX_CHAIN;
		for (int i = from - 1; i >= 0 && f->nbelow < 8; i--) {
			struct rt_chain_step *b = &f->below[f->nbelow++];
			b->fn = t->frames[i].fn;
			b->boundary = t->frames[i].boundary ? strdup(t->frames[i].boundary) : NULL;
			if (i + 1 < top && !t->frames[i + 1].boundary)
				b->where.ra = t->frames[i + 1].call_site;
		}
		for (int i = from; i < top; i++) {
			struct rt_chain_step *s = &f->chain[f->nchain++];
			s->fn = t->frames[i].fn;
			s->boundary = t->frames[i].boundary ? strdup(t->frames[i].boundary) : NULL;
			if (i + 1 < top && !t->frames[i + 1].boundary)
				s->where.ra = t->frames[i + 1].call_site;
			else if (i == top - 1) {
				s->where.file = site.file;
				s->where.line = site.line;
				s->where.ra = site.file ? NULL : site.ra;
			}
		}
	}
	last = f;
	rt_log("%s: %s\n", rule, f->message);
}

void rt_report_note(struct rt_site site, const char *fmt, ...)
{
	if (!last || last->nnotes >= RT_MAX_NOTES)
		return;
	va_list ap;
	va_start(ap, fmt);
	last->notes[last->nnotes].msg = vfmt(fmt, ap);
	va_end(ap);
	last->notes[last->nnotes].where.file = site.file;
	last->notes[last->nnotes].where.line = site.line;
	last->notes[last->nnotes].where.ra = site.file ? NULL : site.ra;
	last->nnotes++;
}

void rt_report_line(const char *fmt, ...)
{
	if (!last || last->nlines >= RT_MAX_LINES)
		return;
	va_list ap;
	va_start(ap, fmt);
	last->lines[last->nlines++] = vfmt(fmt, ap);
	va_end(ap);
}

int rt_findings_total(void) { return nfindings; }
int sim_finding_count(const char *rule_id)
{
	int n = 0;
	for (int i = 0; i < nfindings; i++)
		if (!rule_id || !strcmp(findings[i].rule, rule_id))
			n++;
	return n;
}
const char *sim_finding_message(int i) { return i >= 0 && i < nfindings ? findings[i].message : NULL; }
const char *sim_finding_rule(int i) { return i >= 0 && i < nfindings ? findings[i].rule : NULL; }

/* ---- symbolization ---- */
struct sym_req { void *addr; bool is_fn; char *func; char *file; int line, col; };
static struct sym_req *reqs;
static int nreqs, capreqs;

static int sym_add(void *addr, bool is_fn)
{
	if (!addr)
		return -1;
	for (int i = 0; i < nreqs; i++)
		if (reqs[i].addr == addr && reqs[i].is_fn == is_fn)
			return i;
	if (nreqs == capreqs) {
		capreqs = capreqs ? capreqs * 2 : 64;
		reqs = realloc(reqs, sizeof(*reqs) * capreqs);
	}
	reqs[nreqs] = (struct sym_req){ addr, is_fn, NULL, NULL, 0, 0 };
	return nreqs++;
}

static const char *relative_path(const char *p)
{
	static char cwd[4096];
	if (!cwd[0] && !getcwd(cwd, sizeof(cwd)))
		cwd[0] = 0;
	size_t n = strlen(cwd);
	if (n && !strncmp(p, cwd, n) && p[n] == '/')
		return p + n + 1;
	return p;
}

static void parse_sym(struct sym_req *r, const char *fname, char *floc)
{
	/* file:line[:col] */
	char *c1 = strchr(floc, ':');
	int line = 0, col = 0;
	if (c1) {
		*c1 = 0;
		line = atoi(c1 + 1);
		char *c2 = strchr(c1 + 1, ':');
		if (c2)
			col = atoi(c2 + 1);
	}
	if (strcmp(fname, "??") && fname[0])
		r->func = strdup(fname);
	if (strcmp(floc, "??") && floc[0] && line > 0) {
		r->file = strdup(relative_path(floc));
		r->line = line;
		r->col = col;
	}
}

static const char *json_field(const char *obj, const char *key, char *out, size_t n)
{
	char pat[64];
	snprintf(pat, sizeof(pat), "\"%s\":", key);
	const char *k = strstr(obj, pat);
	if (!k)
		return NULL;
	k += strlen(pat);
	if (*k == '"') {
		size_t i = 0;
		for (k++; *k && *k != '"' && i + 1 < n; k++) {
			if (*k == '\\' && k[1])
				k++;
			out[i++] = *k;
		}
		out[i] = 0;
	} else {
		snprintf(out, n, "%ld", strtol(k, NULL, 10));
	}
	return out;
}
static void parse_json_sym(struct sym_req *r, const char *line)
{
	const char *last = NULL, *q = line;
	while ((q = strstr(q, "{\"Column\"")))
		last = q++;
	if (!last)
		return;
	char fname[1024], file[4096], num[32];
	if (json_field(last, "FunctionName", fname, sizeof(fname)) && fname[0])
		r->func = strdup(fname);
	if (!json_field(last, "FileName", file, sizeof(file)) || !file[0])
		return;
	int ln = json_field(last, r->is_fn ? "StartLine" : "Line", num, sizeof(num)) ? atoi(num) : 0;
	if (ln <= 0)
		return;
	r->file = strdup(relative_path(file));
	r->line = ln;
	r->col = !r->is_fn && json_field(last, "Column", num, sizeof(num)) ? atoi(num) : 0;
}

static void symbolize_all(void)
{
	if (!nreqs)
		return;
	Dl_info info;
	if (!dladdr(reqs[0].addr, &info) || !info.dli_fname)
		return;
	const Elf64_Ehdr *eh = info.dli_fbase;
	uintptr_t bias = eh && eh->e_type == ET_DYN ? (uintptr_t)info.dli_fbase : 0;
	char exe[4096];
	ssize_t l = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (l <= 0)
		return;
	exe[l] = 0;
	char in[] = "/tmp/ctxlint-sim-symXXXXXX";
	int fd = mkstemp(in);
	if (fd < 0)
		return;
	FILE *fin = fdopen(fd, "w");
	for (int i = 0; i < nreqs; i++) {
		/* A return address points after the call; look up the call itself. */
		uintptr_t a = (uintptr_t)reqs[i].addr - bias - (reqs[i].is_fn ? 0 : 1);
		fprintf(fin, "0x%lx\n", (unsigned long)a);
	}
	fclose(fin);
	char cmd[8400];
	const char *tool = access("/usr/bin/llvm-symbolizer-19", X_OK) == 0 ? "/usr/bin/llvm-symbolizer-19"
			   : access("/usr/bin/llvm-symbolizer", X_OK) == 0 ? "/usr/bin/llvm-symbolizer" : NULL;
	if (tool)
		snprintf(cmd, sizeof(cmd), "%s --obj='%s' --functions=linkage --inlining=true --output-style=JSON < %s 2>/dev/null", tool,
			 exe, in);
	else
		snprintf(cmd, sizeof(cmd), "addr2line -f -e '%s' < %s 2>/dev/null", exe, in);
	FILE *p = popen(cmd, "r");
	if (p) {
		if (tool) {
			/* One JSON object per address; its "Symbol" array goes from the
			 * innermost inlined frame outwards.  The outermost frame is the
			 * function that really contains the call: for an API wrapper
			 * inlined into the driver (request_irq, guard()) that is the
			 * driver's line.  For function addresses StartLine is the line
			 * of the definition. */
			static char line[65536];
			for (int i = 0; i < nreqs && fgets(line, sizeof(line), p); i++)
				parse_json_sym(&reqs[i], line);
		} else {
			char fname[4096], floc[4096];
			for (int i = 0; i < nreqs; i++) {
				if (!fgets(fname, sizeof(fname), p) || !fgets(floc, sizeof(floc), p))
					break;
				fname[strcspn(fname, "\n")] = 0;
				floc[strcspn(floc, "\n")] = 0;
				parse_sym(&reqs[i], fname, floc);
			}
		}
		pclose(p);
	}
	unlink(in);
}

/* Function names during the run come from the executable's own symbol
 * table (static functions included), read once. */
struct elf_sym { uintptr_t addr; size_t size; char *name; };
static struct elf_sym *elf_syms;
static int nelf_syms;
static bool elf_loaded;
static int sym_cmp(const void *a, const void *b)
{
	const struct elf_sym *x = a, *y = b;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}
static void load_elf_syms(void)
{
	elf_loaded = true;
	Dl_info info;
	if (!dladdr((void *)load_elf_syms, &info) || !info.dli_fbase)
		return;
	const Elf64_Ehdr *mem = info.dli_fbase;
	uintptr_t bias = mem->e_type == ET_DYN ? (uintptr_t)info.dli_fbase : 0;
	FILE *f = fopen("/proc/self/exe", "rb");
	if (!f)
		return;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *img = malloc((size_t)n);
	if (!img || fread(img, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(img);
		return;
	}
	fclose(f);
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(img + eh->e_shoff);
	for (int i = 0; i < eh->e_shnum; i++) {
		if (sh[i].sh_type != SHT_SYMTAB)
			continue;
		const Elf64_Sym *sy = (const Elf64_Sym *)(img + sh[i].sh_offset);
		const char *str = img + sh[sh[i].sh_link].sh_offset;
		int cnt = (int)(sh[i].sh_size / sizeof(Elf64_Sym));
		elf_syms = calloc((size_t)cnt, sizeof(*elf_syms));
		for (int k = 0; k < cnt; k++)
			if (ELF64_ST_TYPE(sy[k].st_info) == STT_FUNC && sy[k].st_value)
				elf_syms[nelf_syms++] = (struct elf_sym){ sy[k].st_value + bias, sy[k].st_size,
									  strdup(str + sy[k].st_name) };
	}
	free(img);
	qsort(elf_syms, (size_t)nelf_syms, sizeof(*elf_syms), sym_cmp);
}
const char *rt_symbol_name(void *addr)
{
	static char buf[8][128];
	static int k;
	char *b = buf[k++ & 7];
	if (!elf_loaded)
		load_elf_syms();
	uintptr_t a = (uintptr_t)addr;
	int lo = 0, hi = nelf_syms - 1, best = -1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (elf_syms[mid].addr <= a) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	if (best >= 0 && (a == elf_syms[best].addr || a < elf_syms[best].addr + elf_syms[best].size)) {
		snprintf(b, 128, "%s", elf_syms[best].name);
		return b;
	}
	snprintf(b, 128, "%p", addr);
	return b;
}

static void resolve_loc(struct rt_loc *l)
{
	if (l->file) {
		l->rfile = strdup(relative_path(l->file));
		l->rline = l->line;
		return;
	}
	int i = sym_add(l->ra, l->line == -1);
	if (i < 0)
		return;
	if (reqs[i].file) {
		l->rfile = strdup(reqs[i].file);
		l->rline = reqs[i].line;
		l->rcol = reqs[i].col;
	}
	if (reqs[i].func)
		l->rfunc = strdup(reqs[i].func);
}
static char *fn_name(void *fn)
{
	int i = sym_add(fn, true);
	if (i >= 0 && reqs[i].func)
		return strdup(reqs[i].func);
	return fn ? strdup(rt_symbol_name(fn)) : NULL;
}

/* ---- writers ---- */
static void json_str(FILE *o, const char *s)
{
	fputc('"', o);
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			fprintf(o, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", o);
		else if (ch < 0x20)
			fprintf(o, "\\u%04x", ch);
		else
			fputc(ch, o);
	}
	fputc('"', o);
}

static void write_text(FILE *o)
{
	for (int i = 0; i < nfindings; i++) {
		struct rt_finding *f = &findings[i];
		fprintf(o, "%s:%d:%d: warning: %s [%s]\n", f->loc.rfile ? f->loc.rfile : "<unknown>", f->loc.rline,
			f->loc.rcol, f->message, f->rule);
		for (int j = 0; j < f->nlines; j++)
			fprintf(o, "    %s\n", f->lines[j]);
		fprintf(o, "    CPU: %d task: %s context: %s seed: %llu\n", f->cpu, f->task[0] ? f->task : "-",
			f->context, (unsigned long long)rt.cfg.seed);
		if (f->nchain) {
			fprintf(o, "    Call Trace:\n");
			for (int j = f->nchain - 1; j >= 0; j--) {
				struct rt_chain_step *s = &f->chain[j];
				if (s->boundary)
					fprintf(o, "     <%s>\n", s->boundary);
				else
					fprintf(o, "     %s (%s:%d)\n", s->fname ? s->fname : "?",
						s->where.rfile ? s->where.rfile : "?", s->where.rline);
			}
			for (int j = 0; j < f->nbelow; j++) {
				struct rt_chain_step *s = &f->below[j];
				if (s->boundary)
					fprintf(o, "     <%s>\n", s->boundary);
				else if (s->fname && s->where.rfile)
					fprintf(o, "     %s (%s:%d)\n", s->fname, s->where.rfile, s->where.rline);
				else if (s->fname)
					fprintf(o, "     %s\n", s->fname);
			}
		}
		for (int j = 0; j < f->nnotes; j++)
			fprintf(o, "%s:%d:%d: note: %s\n", f->notes[j].where.rfile ? f->notes[j].where.rfile : "<unknown>",
				f->notes[j].where.rline, f->notes[j].where.rcol, f->notes[j].msg);
	}
}

static void write_json(FILE *o)
{
	char cwd[4096];
	fprintf(o, "{\"schemaVersion\":1,\"tool\":\"ctxlint-sim\",\"toolVersion\":\"0.1.0\",");
	if (getcwd(cwd, sizeof(cwd) - 1)) {
		/* relative file names are relative to the working directory */
		strcat(cwd, "/");
		fprintf(o, "\"sourceRoot\":");
		json_str(o, cwd);
		fputc(',', o);
	}
	fprintf(o, "\"findings\":[");
	for (int i = 0; i < nfindings; i++) {
		struct rt_finding *f = &findings[i];
		fprintf(o, "%s\n{\"ruleId\":", i ? "," : "");
		json_str(o, f->rule);
		fprintf(o, ",\"severity\":\"warning\",\"file\":");
		json_str(o, f->loc.rfile ? f->loc.rfile : "");
		fprintf(o, ",\"line\":%d,\"column\":%d,\"function\":", f->loc.rline, f->loc.rcol);
		json_str(o, f->fname ? f->fname : "");
		fprintf(o, ",\"message\":");
		json_str(o, f->message);
		fprintf(o, ",\"notes\":[");
		for (int j = 0; j < f->nnotes; j++) {
			fprintf(o, "%s{\"file\":", j ? "," : "");
			json_str(o, f->notes[j].where.rfile ? f->notes[j].where.rfile : "");
			fprintf(o, ",\"line\":%d,\"column\":%d,\"message\":", f->notes[j].where.rline, f->notes[j].where.rcol);
			json_str(o, f->notes[j].msg);
			fputc('}', o);
		}
		fprintf(o, "],\"callChain\":[");
		int k = 0;
		for (int j = 0; j < f->nchain; j++) {
			struct rt_chain_step *s = &f->chain[j];
			if (s->boundary)
				continue;
			fprintf(o, "%s{\"file\":", k++ ? "," : "");
			json_str(o, s->where.rfile ? s->where.rfile : "");
			fprintf(o, ",\"line\":%d,\"column\":%d,\"function\":", s->where.rline, s->where.rcol);
			json_str(o, s->fname ? s->fname : "");
			fprintf(o, ",\"message\":");
			char msg[256];
			if (j > 0 && f->chain[j - 1].boundary)
				snprintf(msg, sizeof(msg), "entered as %s", f->chain[j - 1].boundary);
			else if (j + 1 < f->nchain)
				snprintf(msg, sizeof(msg), "calls %s", f->chain[j + 1].fname ? f->chain[j + 1].fname : "?");
			else
				snprintf(msg, sizeof(msg), "violation here");
			json_str(o, msg);
			fputc('}', o);
		}
		fprintf(o, "],\"fixIts\":[],\"fingerprint\":\"%s\",\"origin\":\"dynamic\",\"seed\":%llu,\"cpu\":%d,\"task\":",
			f->fingerprint, (unsigned long long)rt.cfg.seed, f->cpu);
		json_str(o, f->task);
		fprintf(o, ",\"context\":");
		json_str(o, f->context);
		fputc('}', o);
	}
	fprintf(o, "],\"failedTranslationUnits\":[]}\n");
}

/* The static tool's recipe (checkers/report/Fingerprint.h): SHA-1 over the
 * NUL-separated rule id, function, basis and file basename, where the basis is
 * the offending source line with whitespace runs collapsed (the message when
 * the line cannot be read).  The same bug found statically and dynamically
 * therefore gets the same fingerprint. */
static char *normalized_line(const char *file, int line)
{
	if (!file || line <= 0)
		return NULL;
	FILE *in = fopen(file, "r");
	if (!in)
		return NULL;
	char buf[4096];
	int n = 0;
	char *out = NULL;
	while (fgets(buf, sizeof(buf), in))
		if (++n == line) {
			out = malloc(strlen(buf) + 1);
			size_t k = 0;
			bool space = false;
			for (const char *c = buf; *c; c++) {
				if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || *c == '\v' || *c == '\f') {
					space = k != 0;
					continue;
				}
				if (space)
					out[k++] = ' ';
				space = false;
				out[k++] = *c;
			}
			out[k] = 0;
			break;
		}
	fclose(in);
	return out;
}
static void fingerprint(struct rt_finding *f)
{
	struct rt_sha1 c;
	rt_sha1_init(&c);
	char *basis = normalized_line(f->loc.rfile, f->loc.rline);
	const char *fields[4] = { f->rule, f->fname ? f->fname : "", basis && basis[0] ? basis : f->message, "" };
	const char *file = f->loc.rfile ? f->loc.rfile : "";
	const char *base = file;
	for (const char *p = file; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	fields[3] = base;
	for (int i = 0; i < 4; i++)
		rt_sha1_update(&c, fields[i], strlen(fields[i]) + 1); /* with the NUL separator */
	rt_sha1_hex(&c, f->fingerprint);
	free(basis);
}

static int finding_cmp(const void *a, const void *b)
{
	const struct rt_finding *x = a, *y = b;
	int c = strcmp(x->loc.rfile ? x->loc.rfile : "", y->loc.rfile ? y->loc.rfile : "");
	if (c)
		return c;
	if (x->loc.rline != y->loc.rline)
		return x->loc.rline < y->loc.rline ? -1 : 1;
	if (x->loc.rcol != y->loc.rcol)
		return x->loc.rcol < y->loc.rcol ? -1 : 1;
	if ((c = strcmp(x->rule, y->rule)))
		return c;
	return strcmp(x->message, y->message);
}

void rt_findings_emit(void)
{
	nreqs = 0;
	/* Collect every address first so one symbolizer run resolves them all. */
	for (int i = 0; i < nfindings; i++) {
		struct rt_finding *f = &findings[i];
		sym_add(f->fn, true);
		if (!f->loc.file)
			sym_add(f->loc.ra, f->loc.line == -1);
		for (int j = 0; j < f->nchain; j++) {
			sym_add(f->chain[j].fn, true);
			if (!f->chain[j].where.file)
				sym_add(f->chain[j].where.ra, f->chain[j].where.line == -1);
		}
		for (int j = 0; j < f->nnotes; j++)
			if (!f->notes[j].where.file)
				sym_add(f->notes[j].where.ra, false);
		for (int j = 0; j < f->nbelow; j++) {
			sym_add(f->below[j].fn, true);
			sym_add(f->below[j].where.ra, false);
		}
	}
	symbolize_all();
	for (int i = 0; i < nfindings; i++) {
		struct rt_finding *f = &findings[i];
		resolve_loc(&f->loc);
		f->fname = fn_name(f->fn);
		if (!f->fname && f->loc.rfunc)
			f->fname = strdup(f->loc.rfunc);
		for (int j = 0; j < f->nchain; j++) {
			f->chain[j].fname = fn_name(f->chain[j].fn);
			resolve_loc(&f->chain[j].where);
		}
		for (int j = 0; j < f->nnotes; j++)
			resolve_loc(&f->notes[j].where);
		for (int j = 0; j < f->nbelow; j++) {
			f->below[j].fname = f->below[j].fn ? fn_name(f->below[j].fn) : NULL;
			resolve_loc(&f->below[j].where);
		}
		fingerprint(f);
	}
	/* the shared schema's order: file, line, column, rule id, message */
	qsort(findings, (size_t)nfindings, sizeof(findings[0]), finding_cmp);
	last = NULL;
	if (rt.cfg.report_text) {
		FILE *o = strcmp(rt.cfg.report_text, "-") ? fopen(rt.cfg.report_text, "w") : stdout;
		if (o) {
			write_text(o);
			if (o != stdout)
				fclose(o);
			else
				fflush(o);
		}
	}
	if (rt.cfg.report_json) {
		FILE *o = strcmp(rt.cfg.report_json, "-") ? fopen(rt.cfg.report_json, "w") : stdout;
		if (o) {
			write_json(o);
			if (o != stdout)
				fclose(o);
			else
				fflush(o);
		}
	}
	for (int i = 0; i < nreqs; i++) {
		free(reqs[i].func);
		free(reqs[i].file);
	}
	nreqs = 0;
}
