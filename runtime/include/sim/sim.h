/* Scenario and device API of the ctxlint reference runtime.
 *
 * A scenario is a function that runs as the first user task of a simulation:
 * it loads the driver (sim_insmod), creates devices, spawns user tasks that
 * make system calls on the driver's files, sends signals, lets simulated time
 * pass and unloads the driver.  Devices (runtime/devices/) model registers
 * and interrupt lines and schedule their own events in simulated time. */
#ifndef _RT_SIM_SIM_H
#define _RT_SIM_SIM_H
#include <linux/types.h>
#include <linux/sched.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/i2c.h>

#ifndef SIGINT
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGKILL 9
#define SIGUSR1 10
#define SIGUSR2 12
#define SIGTERM 15
#endif

/* ---- running simulations ---- */
struct sim_config {
	unsigned long long seed;
	int ncpus;                 /* default 2 */
	bool debug_shirq_at_request; /* runtime's own option: fire a shared handler once at request (default on) */
	bool debug_shirq_at_free;  /* CONFIG_DEBUG_SHIRQ: fire a shared handler once at free_irq (default on) */
	unsigned long spurious_window; /* interrupts per spurious-IRQ window (kernel: 100000) */
	unsigned long storm_limit; /* back-to-back deliveries of a still-asserted line that count as a storm */
	unsigned long long max_time_ns; /* stop the simulation after this much simulated time */
	bool verbose;              /* copy printk output to stderr */
	const char *report_text;   /* file for the text report ("-" = stdout, NULL = none) */
	const char *report_json;   /* file for the JSON report (NULL = none) */
};
void sim_default_config(struct sim_config *cfg);
typedef void (*sim_scenario_fn)(void);
/* Runs one scenario to completion in a fresh simulated machine; returns the
 * number of findings.  The findings stay queryable until the next run. */
int sim_run(const struct sim_config *cfg, sim_scenario_fn scenario);
int sim_finding_count(const char *rule_id); /* NULL: all findings of the last run */
const char *sim_finding_message(int index);
const char *sim_finding_rule(int index);
bool sim_last_run_hung(void);
/* The ctxlint-sim front end: parses --seed, --cpus, --json, --text, --scenario. */
int sim_main(int argc, char **argv);

void __sim_register_scenario(const char *name, sim_scenario_fn fn);
#define SIM_SCENARIO(name) \
	static void sim_scenario_##name(void); \
	static __attribute__((constructor, no_instrument_function)) void __sim_reg_##name(void) \
	{ __sim_register_scenario(#name, sim_scenario_##name); } \
	static void sim_scenario_##name(void)

/* ---- inside a scenario (process context of a user task) ---- */
int sim_insmod(void);    /* runs every module_init of the program */
void sim_rmmod(void);    /* runs module_exit, then the teardown checks */
struct task_struct *sim_spawn(const char *name, void (*fn)(void *arg), void *arg);
void sim_join(struct task_struct *task);
void sim_kill(struct task_struct *task, int sig);
void sim_sleep_us(unsigned long usecs);
u64 sim_now_ns(void);
unsigned long long sim_seed(void);
unsigned long sim_random(unsigned long bound); /* seeded, deterministic */
/* Fault injection for error paths: the next `count` calls of an API family
 * fail ("kmalloc": every slab/page/vmalloc allocation returns NULL;
 * "request_irq": every request variant returns -EBUSY). */
void sim_fail_next(const char *api, int count);

/* Simulated user memory and the file system calls on driver files. */
void __user *sim_user_alloc(size_t size);
void sim_user_write(void __user *dst, const void *src, size_t n);
void sim_user_read(void *dst, const void __user *src, size_t n);
int sim_open(const char *name);  /* misc device or chrdev name */
long sim_read(int fd, void __user *buf, size_t n);
long sim_write(int fd, const void __user *buf, size_t n);
long sim_ioctl(int fd, unsigned int cmd, unsigned long arg);
/* poll(2) on one file: the ready events among `events`, 0 on timeout, -EINTR on a signal. */
int sim_poll(int fd, unsigned int events, int timeout_ms);
int sim_close(int fd);

/* ---- device side (called from device models) ---- */
struct sim_io_ops {
	u32 (*read)(void *model, unsigned long offset, int width);
	void (*write)(void *model, unsigned long offset, u32 value, int width);
};
void sim_pio_register(unsigned long base, unsigned long len, const struct sim_io_ops *ops, void *model);
void sim_mmio_register(u64 phys, u64 len, const struct sim_io_ops *ops, void *model);
void sim_io_unregister(void *model);
/* Interrupt wiring: level lines are the OR of their sources; edge lines latch
 * one pending interrupt per rising edge (further edges coalesce). */
enum sim_trigger { SIM_EDGE_RISING = 1, SIM_LEVEL_HIGH = 4, SIM_LEVEL_LOW = 8 };
void sim_irq_wire(unsigned int irq, enum sim_trigger trigger);
void sim_irq_set_level(unsigned int irq, void *source, bool asserted);
void sim_irq_edge(unsigned int irq);
bool sim_irq_is_masked(unsigned int irq);
unsigned long sim_irq_count(unsigned int irq);
/* Device events in simulated time; they run outside every CPU (hardware). */
struct sim_event;
struct sim_event *sim_event_after(u64 delay_ns, void (*fn)(void *arg), void *arg);
void sim_event_cancel(struct sim_event *ev);
/* Device time cost of a bus transfer: the calling task sleeps that long. */
void sim_bus_delay(u64 ns);

/* Bus devices: bind a simulated device and probe the registered driver. */
struct sim_i2c_ops {
	int (*read_reg)(void *model, u8 reg);
	int (*write_reg)(void *model, u8 reg, u8 value);
};
struct i2c_client *sim_i2c_add(const char *name, unsigned short addr, int irq,
			       const struct sim_i2c_ops *ops, void *model);
void sim_i2c_remove(struct i2c_client *client);
/* SPI: one full-duplex exchange of len bytes per transfer. */
struct spi_device;
struct sim_spi_ops {
	void (*transfer)(void *model, const u8 *tx, u8 *rx, unsigned int len);
};
struct spi_device *sim_spi_add(const char *modalias, int irq, const struct sim_spi_ops *ops, void *model);
void sim_spi_remove(struct spi_device *spi);
struct platform_device *sim_platform_add(const char *name, const struct resource *res, unsigned int nres,
					 void *model);
void sim_platform_remove(struct platform_device *pdev);
#endif
