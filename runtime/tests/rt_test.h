/* Minimal harness for runtime unit tests: each test runs scenarios in fresh
 * simulations and checks the findings, the return values and the order of
 * events they produced. */
#ifndef RT_TEST_H
#define RT_TEST_H
#include <sim/sim.h>
int printf(const char *fmt, ...);
int fflush(void *);
int atoi(const char *);
char *getenv(const char *);

static int rt_test_failures;
#define CHECK(cond) do { if (!(cond)) { rt_test_failures++; \
	printk(KERN_ERR "CHECK failed: %s\n", #cond); \
	printf("%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_EQ(a, b) do { long __a = (long)(a), __b = (long)(b); if (__a != __b) { rt_test_failures++; \
	printf("%s:%d: CHECK_EQ failed: %s == %ld, expected %s == %ld\n", __FILE__, __LINE__, #a, __a, #b, __b); } } while (0)

/* Runs `fn` with `seed`; the text report goes to stdout when RT_TEST_VERBOSE is set. */
static int run_seed(sim_scenario_fn fn, unsigned long long seed)
{
	struct sim_config cfg;
	sim_default_config(&cfg);
	cfg.seed = seed;
	if (getenv("RT_TEST_VERBOSE")) {
		cfg.report_text = "-";
		cfg.verbose = true;
	}
	if (getenv("RT_TEST_TRACE")) {
		printf("running scenario seed %llu\n", seed);
		fflush(0);
	}
	return sim_run(&cfg, fn);
}
static int run(sim_scenario_fn fn) { return run_seed(fn, 1); }
#define TEST_DONE() do { printf("%s\n", rt_test_failures ? "FAILED" : "OK"); return rt_test_failures != 0; } while (0)
#endif
