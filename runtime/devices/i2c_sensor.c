/* A slow I2C sensor: register reads cost bus time (the caller sleeps), the
 * active-low interrupt stays asserted until DATA is read. */
#include "../src/internal.h"
#include <sim/devices.h>

struct sim_sensor {
	unsigned int irq;
	u64 period;
	u8 ctrl, status, data;
	unsigned long samples, samples_read, overruns;
	struct sim_event *next;
	bool dead;
};

static void update_irq(struct sim_sensor *s)
{
	sim_irq_set_level(s->irq, s, (s->ctrl & SENSOR_CTRL_IRQ_EN) && (s->status & SENSOR_STATUS_DRDY));
}
static void sample(void *arg)
{
	struct sim_sensor *s = arg;
	s->next = NULL;
	if (s->dead || !(s->ctrl & SENSOR_CTRL_MEASURE))
		return;
	if (s->status & SENSOR_STATUS_DRDY)
		s->overruns++;
	s->data = (u8)(0x20 + (s->samples % 64));
	s->samples++;
	s->status |= SENSOR_STATUS_DRDY;
	update_irq(s);
	s->next = sim_event_after(s->period, sample, s);
}
static int sensor_read(void *m, u8 reg)
{
	struct sim_sensor *s = m;
	switch (reg) {
	case SENSOR_REG_WHO_AM_I: return 0x5a;
	case SENSOR_REG_STATUS: return s->status;
	case SENSOR_REG_DATA:
		if (s->status & SENSOR_STATUS_DRDY)
			s->samples_read++;
		s->status &= ~SENSOR_STATUS_DRDY;
		update_irq(s);
		return s->data;
	case SENSOR_REG_CTRL: return s->ctrl;
	default: return -EIO;
	}
}
static int sensor_write(void *m, u8 reg, u8 v)
{
	struct sim_sensor *s = m;
	if (reg != SENSOR_REG_CTRL)
		return -EIO;
	bool was = s->ctrl & SENSOR_CTRL_MEASURE;
	s->ctrl = v;
	if (!was && (v & SENSOR_CTRL_MEASURE) && !s->next)
		s->next = sim_event_after(s->period, sample, s);
	update_irq(s);
	return 0;
}
const struct sim_i2c_ops sim_sensor_i2c_ops = { sensor_read, sensor_write };

struct sim_sensor *sim_sensor_create(unsigned int irq, u64 period_ns)
{
	struct sim_sensor *s = calloc(1, sizeof(*s));
	s->irq = irq;
	s->period = period_ns;
	sim_irq_wire(irq, SIM_LEVEL_LOW);
	return s;
}
unsigned long sim_sensor_samples(struct sim_sensor *s) { return s->samples; }
unsigned long sim_sensor_samples_read(struct sim_sensor *s) { return s->samples_read; }
bool sim_sensor_irq_asserted(struct sim_sensor *s) { return (s->ctrl & SENSOR_CTRL_IRQ_EN) && (s->status & SENSOR_STATUS_DRDY); }
void sim_sensor_destroy(struct sim_sensor *s)
{
	s->dead = true;
	s->ctrl = 0;
	update_irq(s);
}
