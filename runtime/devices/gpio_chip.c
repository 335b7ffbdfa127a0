/* GPIO controllers and the gpiod/gpio consumer API on top of them. */
#include "../src/internal.h"
#include <sim/devices.h>

struct gpio_desc {
	struct sim_gpio_chip *chip;
	int line;
	bool requested;
};
struct sim_gpio_chip {
	char label[32];
	int base, ngpio;
	bool can_sleep;
	unsigned int irq_base;
	int value[32];
	bool output[32];
	struct gpio_desc desc[32];
	unsigned long pending; /* expander: lines with an interrupt to deliver */
	struct rt_task *thread;
};
#define MAX_CHIPS 8
static struct sim_gpio_chip *chips[MAX_CHIPS];
static int nchips;
struct lookup { const char *dev, *con; struct sim_gpio_chip *chip; int line; };
static struct lookup lookups[32];
static int nlookups;

void rt_gpio_reset(void)
{
	for (int i = 0; i < nchips; i++)
		free(chips[i]);
	nchips = nlookups = 0;
}

/* The expander's interrupt thread: read the chip's interrupt status over the
 * bus (sleeping), then run the nested handlers in this thread's context. */
static void expander_thread(void *arg)
{
	struct sim_gpio_chip *c = arg;
	struct rt_task *t = rt.running;
	for (;;) {
		while (!c->pending) {
			t->ts.__state = TASK_INTERRUPTIBLE;
			rt_block("gpio expander idle", NULL, 0, NULL);
		}
		sim_bus_delay(300000);
		unsigned long p = c->pending;
		c->pending = 0;
		for (int l = 0; l < c->ngpio; l++)
			if (p & (1UL << l))
				rt_handle_nested_irq(c->irq_base + (unsigned)l);
	}
}
static struct sim_gpio_chip *chip_of_irq(unsigned int irq)
{
	for (int i = 0; i < nchips; i++)
		if (irq >= chips[i]->irq_base && irq < chips[i]->irq_base + (unsigned)chips[i]->ngpio)
			return chips[i];
	return NULL;
}
static void expander_kick(unsigned int irq)
{
	struct sim_gpio_chip *c = chip_of_irq(irq);
	if (!c)
		return;
	c->pending |= 1UL << (irq - c->irq_base);
	rt_wake(c->thread, TASK_NORMAL);
}

struct sim_gpio_chip *sim_gpio_chip_create(const char *label, int base, int ngpio, bool can_sleep, unsigned int irq_base)
{
	struct sim_gpio_chip *c = calloc(1, sizeof(*c));
	snprintf(c->label, sizeof(c->label), "%s", label);
	c->base = base;
	c->ngpio = ngpio > 32 ? 32 : ngpio;
	c->can_sleep = can_sleep;
	c->irq_base = irq_base;
	for (int l = 0; l < c->ngpio; l++) {
		c->desc[l].chip = c;
		c->desc[l].line = l;
		if (can_sleep)
			rt_irq_set_nested(irq_base + (unsigned)l, expander_kick);
		else
			sim_irq_wire(irq_base + (unsigned)l, SIM_EDGE_RISING);
	}
	if (can_sleep) {
		char name[48];
		snprintf(name, sizeof(name), "irq/%s", label);
		c->thread = rt_task_create(name, RT_TASK_KTHREAD, expander_thread, c, -1);
	}
	if (nchips < MAX_CHIPS)
		chips[nchips++] = c;
	return c;
}
struct input_ev { struct sim_gpio_chip *chip; int line, value; };
static void input_change(void *arg)
{
	struct input_ev *e = arg;
	struct sim_gpio_chip *c = e->chip;
	if (c->value[e->line] != e->value && !c->output[e->line]) {
		c->value[e->line] = e->value;
		/* interrupts on both edges, as a button driver usually asks */
		if (c->can_sleep)
			expander_kick(c->irq_base + (unsigned)e->line);
		else
			sim_irq_edge(c->irq_base + (unsigned)e->line);
	}
	free(e);
}
void sim_gpio_input(struct sim_gpio_chip *chip, int line, int value, u64 delay_ns)
{
	struct input_ev *e = malloc(sizeof(*e));
	*e = (struct input_ev){ chip, line, !!value };
	sim_event_after(delay_ns, input_change, e);
}
int sim_gpio_output(struct sim_gpio_chip *chip, int line) { return chip->value[line]; }
void sim_gpio_lookup_add(const char *dev_name, const char *con_id, struct sim_gpio_chip *chip, int line)
{
	if (nlookups < 32)
		lookups[nlookups++] = (struct lookup){ dev_name, con_id, chip, line };
}

/* ---- consumer API ---- */
static struct gpio_desc *find(struct device *dev, const char *con, unsigned idx)
{
	const char *dn = dev ? dev_name(dev) : "";
	for (int i = 0; i < nlookups; i++)
		if (!strcmp(lookups[i].dev, dn) && (!con || !lookups[i].con || !strcmp(con, lookups[i].con)) && idx-- == 0)
			return &lookups[i].chip->desc[lookups[i].line];
	return NULL;
}
static int apply_flags(struct gpio_desc *d, enum gpiod_flags flags)
{
	if (flags & 1) {
		d->chip->output[d->line] = (flags & 2) != 0;
		if (flags & 2)
			d->chip->value[d->line] = (flags & 4) != 0;
	}
	return 0;
}
struct gpio_desc *gpiod_get_index(struct device *dev, const char *con_id, unsigned int idx, enum gpiod_flags flags)
{
	rt_sleep_check("gpiod_get()", NULL, 0, __builtin_return_address(0));
	struct gpio_desc *d = find(dev, con_id, idx);
	if (!d)
		return ERR_PTR(-ENOENT);
	if (d->requested)
		return ERR_PTR(-EBUSY);
	d->requested = true;
	apply_flags(d, flags);
	return d;
}
struct gpio_desc *gpiod_get(struct device *dev, const char *con_id, enum gpiod_flags flags)
{
	return gpiod_get_index(dev, con_id, 0, flags);
}
struct gpio_desc *gpiod_get_optional(struct device *dev, const char *con_id, enum gpiod_flags flags)
{
	struct gpio_desc *d = gpiod_get_index(dev, con_id, 0, flags);
	return IS_ERR(d) && PTR_ERR(d) == -ENOENT ? NULL : d;
}
static void devm_put(void *d) { gpiod_put(d); }
struct gpio_desc *devm_gpiod_get(struct device *dev, const char *con_id, enum gpiod_flags flags)
{
	struct gpio_desc *d = gpiod_get_index(dev, con_id, 0, flags);
	if (!IS_ERR(d))
		devm_add_action(dev, devm_put, d);
	return d;
}
struct gpio_desc *devm_gpiod_get_optional(struct device *dev, const char *con_id, enum gpiod_flags flags)
{
	struct gpio_desc *d = devm_gpiod_get(dev, con_id, flags);
	return IS_ERR(d) && PTR_ERR(d) == -ENOENT ? NULL : d;
}
void gpiod_put(struct gpio_desc *desc)
{
	if (desc)
		desc->requested = false;
}
/* A sleeping chip's line is read over the bus. */
static int access_value(const struct gpio_desc *d, bool set, int v, const char *api, void *ra, bool cansleep_api)
{
	if (!d)
		return 0;
	if (cansleep_api)
		rt_sleep_check(api, NULL, 0, ra); /* *_cansleep: might_sleep() always */
	if (d->chip->can_sleep) {
		if (!cansleep_api) {
			/* the kernel WARNs (gpiod_get_value on a can_sleep chip) and then
			 * does the sleeping transfer anyway */
			__rt_warn(NULL, 0, "desc->gdev->can_sleep", "%s on a sleeping GPIO chip (%s)\n", api, d->chip->label);
			rt_sleep_check(api, NULL, 0, ra);
		}
		sim_bus_delay(300000);
	} else {
		rt_point();
	}
	if (set) {
		d->chip->value[d->line] = !!v;
		return 0;
	}
	return d->chip->value[d->line];
}
int gpiod_get_value(const struct gpio_desc *d) { return access_value(d, false, 0, "gpiod_get_value()", __builtin_return_address(0), false); }
void gpiod_set_value(struct gpio_desc *d, int v) { access_value(d, true, v, "gpiod_set_value()", __builtin_return_address(0), false); }
int gpiod_get_value_cansleep(const struct gpio_desc *d)
{
	return access_value(d, false, 0, "gpiod_get_value_cansleep()", __builtin_return_address(0), true);
}
void gpiod_set_value_cansleep(struct gpio_desc *d, int v)
{
	access_value(d, true, v, "gpiod_set_value_cansleep()", __builtin_return_address(0), true);
}
int gpiod_cansleep(const struct gpio_desc *d) { return d && d->chip->can_sleep; }
int gpiod_to_irq(const struct gpio_desc *d) { return d ? (int)(d->chip->irq_base + (unsigned)d->line) : -EINVAL; }
int gpiod_direction_input(struct gpio_desc *d)
{
	d->chip->output[d->line] = false;
	return 0;
}
int gpiod_direction_output(struct gpio_desc *d, int value)
{
	d->chip->output[d->line] = true;
	d->chip->value[d->line] = !!value;
	return 0;
}

/* ---- legacy integer API ---- */
struct gpio_desc *gpio_to_desc(unsigned int gpio)
{
	for (int i = 0; i < nchips; i++)
		if ((int)gpio >= chips[i]->base && (int)gpio < chips[i]->base + chips[i]->ngpio)
			return &chips[i]->desc[(int)gpio - chips[i]->base];
	return NULL;
}
bool gpio_is_valid(int number) { return number >= 0 && gpio_to_desc((unsigned)number) != NULL; }
int gpio_request(unsigned int gpio, const char *label)
{
	(void)label;
	struct gpio_desc *d = gpio_to_desc(gpio);
	if (!d)
		return -EINVAL;
	if (d->requested)
		return -EBUSY;
	d->requested = true;
	return 0;
}
void gpio_free(unsigned int gpio) { gpiod_put(gpio_to_desc(gpio)); }
int gpio_direction_input(unsigned int gpio) { return gpio_to_desc(gpio) ? gpiod_direction_input(gpio_to_desc(gpio)) : -EINVAL; }
int gpio_direction_output(unsigned int gpio, int value)
{
	return gpio_to_desc(gpio) ? gpiod_direction_output(gpio_to_desc(gpio), value) : -EINVAL;
}
int gpio_get_value(unsigned int gpio)
{
	return access_value(gpio_to_desc(gpio), false, 0, "gpio_get_value()", __builtin_return_address(0), false);
}
void gpio_set_value(unsigned int gpio, int value)
{
	access_value(gpio_to_desc(gpio), true, value, "gpio_set_value()", __builtin_return_address(0), false);
}
int gpio_get_value_cansleep(unsigned int gpio)
{
	return access_value(gpio_to_desc(gpio), false, 0, "gpio_get_value_cansleep()", __builtin_return_address(0), true);
}
void gpio_set_value_cansleep(unsigned int gpio, int value)
{
	access_value(gpio_to_desc(gpio), true, value, "gpio_set_value_cansleep()", __builtin_return_address(0), true);
}
int gpio_cansleep(unsigned int gpio) { return gpiod_cansleep(gpio_to_desc(gpio)); }
int gpio_to_irq(unsigned int gpio) { return gpiod_to_irq(gpio_to_desc(gpio)); }
