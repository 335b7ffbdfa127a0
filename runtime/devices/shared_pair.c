/* A device meant to share its interrupt line with another instance. */
#include "../src/internal.h"
#include <sim/devices.h>

struct sim_shared_dev {
	unsigned long base;
	unsigned int irq;
	enum sim_trigger trigger;
	bool pending;
	u8 ctrl;
	u8 count;
	unsigned long acked;
};

/* The shared line is a wired OR of the devices' outputs: on an edge line an
 * interrupt is seen only when the OR goes from low to high, so a device that
 * keeps its output asserted hides the other device's interrupts. */
static void update_irq(struct sim_shared_dev *d, bool new_event)
{
	(void)new_event;
	sim_irq_set_level(d->irq, d, d->pending && (d->ctrl & 1));
}
static void event(void *arg)
{
	struct sim_shared_dev *d = arg;
	bool was = d->pending;
	d->pending = true;
	d->count++;
	/* an edge only on the transition: a device still asserting hides new events */
	update_irq(d, !was);
}
static u32 sh_read(void *m, unsigned long off, int width)
{
	struct sim_shared_dev *d = m;
	switch (off) {
	case SHDEV_STATUS: return d->pending ? 1 : 0;
	case SHDEV_CTRL: return d->ctrl;
	case SHDEV_COUNT: return d->count;
	default: return 0xff;
	}
}
static void sh_write(void *m, unsigned long off, u32 v, int width)
{
	struct sim_shared_dev *d = m;
	if (off == SHDEV_ACK && (v & 1) && d->pending) {
		d->pending = false;
		d->count = 0;
		d->acked++;
	} else if (off == SHDEV_CTRL) {
		d->ctrl = (u8)v;
	}
	update_irq(d, false);
}
static const struct sim_io_ops sh_ops = { sh_read, sh_write };

struct sim_shared_dev *sim_shared_dev_create(unsigned long base, unsigned int irq, enum sim_trigger trigger)
{
	struct sim_shared_dev *d = calloc(1, sizeof(*d));
	d->base = base;
	d->irq = irq;
	d->trigger = trigger;
	sim_pio_register(base, 4, &sh_ops, d);
	sim_irq_wire(irq, trigger);
	return d;
}
void sim_shared_dev_event(struct sim_shared_dev *d, u64 delay_ns) { sim_event_after(delay_ns, event, d); }
bool sim_shared_dev_pending(struct sim_shared_dev *d) { return d->pending; }
unsigned long sim_shared_dev_acked(struct sim_shared_dev *d) { return d->acked; }
void sim_shared_dev_destroy(struct sim_shared_dev *d)
{
	d->ctrl = 0;
	update_irq(d, false);
	sim_io_unregister(d);
}
