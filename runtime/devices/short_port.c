/* PC parallel port with the ACK pin looped to data bit 7 (LDD "short"). */
#include "../src/internal.h"
#include <sim/devices.h>

struct sim_short_port {
	unsigned long base;
	unsigned int irq;
	u8 data, control;
	bool level_mode;
	unsigned long edges;
};

static void update_line(struct sim_short_port *p, u8 old)
{
	bool enabled = p->control & 0x10;
	bool ack = p->data & 0x80;
	if (p->level_mode) {
		sim_irq_set_level(p->irq, p, enabled && ack);
		return;
	}
	if (enabled && ack && !(old & 0x80)) {
		p->edges++;
		sim_irq_edge(p->irq);
	}
}
static u32 short_read(void *m, unsigned long off, int width)
{
	struct sim_short_port *p = m;
	switch (off) {
	case 0: return p->data;
	case 1: return (p->data & 0x80 ? 0x40 : 0) | 0x80 | 0x08; /* ACK, not busy, selected */
	case 2: return p->control;
	default: return 0xff;
	}
}
static void short_write(void *m, unsigned long off, u32 v, int width)
{
	struct sim_short_port *p = m;
	u8 old = p->data;
	if (off == 0)
		p->data = (u8)v;
	else if (off == 2)
		p->control = (u8)v;
	else
		return;
	update_line(p, off == 2 ? p->data : old);
}
static const struct sim_io_ops short_ops = { short_read, short_write };

struct sim_short_port *sim_short_port_create(unsigned long base, unsigned int irq)
{
	struct sim_short_port *p = calloc(1, sizeof(*p));
	p->base = base;
	p->irq = irq;
	sim_pio_register(base, 3, &short_ops, p);
	sim_irq_wire(irq, SIM_EDGE_RISING); /* ISA interrupts are edge-triggered */
	return p;
}
void sim_short_port_set_level_mode(struct sim_short_port *p, bool level)
{
	p->level_mode = level;
	sim_irq_wire(p->irq, level ? SIM_LEVEL_HIGH : SIM_EDGE_RISING);
}
unsigned long sim_short_port_edges(struct sim_short_port *p) { return p->edges; }
void sim_short_port_destroy(struct sim_short_port *p)
{
	sim_irq_set_level(p->irq, p, false);
	sim_io_unregister(p);
	free(p);
}
