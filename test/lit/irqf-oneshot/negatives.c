// Correct code, including the shapes Coccinelle's irqf_oneshot.cocci gets
// wrong: ONESHOT arriving through variables, fields, enums and branches.
// RUN: %ctxlint --checks=-*,ctxlint-irqf-oneshot %s -- %kflags | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: %ctxlint --checks=-*,ctxlint-irqf-oneshot --quiet %s -- %kflags
#include <linux/interrupt.h>

struct device;
static irqreturn_t thread_fn(int irq, void *data) { return IRQ_HANDLED; }
static irqreturn_t hard_fn(int irq, void *data) { return IRQ_WAKE_THREAD; }
unsigned long irq_get_trigger_type(unsigned int irq);

enum sensor_irq_mode { SENSOR_IRQ_MODE = IRQF_TRIGGER_LOW | IRQF_ONESHOT };
#define SENSOR_FLAGS (IRQF_TRIGGER_FALLING | IRQF_ONESHOT)

struct sensor {
	unsigned long irq_flags;
	struct { unsigned long flags; } irq;
};

int literal_ok(unsigned int irq, void *d)
{
	return request_threaded_irq(irq, NULL, thread_fn, IRQF_TRIGGER_LOW | IRQF_ONESHOT, "x", d);
}

int macro_ok(unsigned int irq, void *d)
{
	return request_threaded_irq(irq, NULL, thread_fn, SENSOR_FLAGS, "x", d);
}

int enum_ok(unsigned int irq, void *d)
{
	return request_threaded_irq(irq, NULL, thread_fn, SENSOR_IRQ_MODE, "x", d);
}

int or_assign_ok(unsigned int irq, void *d)
{
	unsigned long flags = irq_get_trigger_type(irq);

	flags |= IRQF_ONESHOT;
	return request_threaded_irq(irq, NULL, thread_fn, flags, "x", d);
}

int branches_ok(unsigned int irq, void *d, int level)
{
	unsigned long flags;

	if (level)
		flags = IRQF_TRIGGER_LOW | IRQF_ONESHOT;
	else
		flags = IRQF_TRIGGER_FALLING | IRQF_ONESHOT;
	return request_threaded_irq(irq, NULL, thread_fn, flags, "x", d);
}

int gnu_conditional_ok(unsigned int irq, void *d)
{
	unsigned long trigger = irq_get_trigger_type(irq);

	return request_threaded_irq(irq, NULL, thread_fn,
				    (trigger ?: IRQF_TRIGGER_LOW) | IRQF_ONESHOT, "x", d);
}

int field_ok(unsigned int irq, struct sensor *s)
{
	s->irq.flags = IRQF_TRIGGER_HIGH;
	s->irq.flags |= IRQF_ONESHOT;
	return request_threaded_irq(irq, NULL, thread_fn, s->irq.flags, "x", s);
}

int has_primary_handler(unsigned int irq, void *d)
{
	return request_threaded_irq(irq, hard_fn, thread_fn, IRQF_TRIGGER_LOW, "x", d);
}

int primary_only_request_irq(unsigned int irq, void *d)
{
	return request_irq(irq, hard_fn, 0, "x", d);
}

// Unknowable without the caller: quiet by default (see unknown.c).
int parameter_flags(unsigned int irq, void *d, unsigned long flags)
{
	return request_threaded_irq(irq, NULL, thread_fn, flags, "x", d);
}

int platform_data_flags(unsigned int irq, struct sensor *s)
{
	return request_threaded_irq(irq, NULL, thread_fn, s->irq_flags, "x", s);
}

int loop_keeps_oneshot(unsigned int irq, void *d, int n)
{
	unsigned long flags = IRQF_ONESHOT;

	for (int i = 0; i < n; i++)
		flags |= IRQF_TRIGGER_LOW;
	return request_threaded_irq(irq, NULL, thread_fn, flags, "x", d);
}

// CHECK-NOT: warning
