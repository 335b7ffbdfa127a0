// RUN: not %ctxlint --checks=-*,ctxlint-irqf-oneshot --format=json %s -- %kflags | FileCheck %s
#include <linux/interrupt.h>

static irqreturn_t thread_fn(int irq, void *data) { return IRQ_HANDLED; }

int a(unsigned int irq, void *d)
{
	return request_threaded_irq(irq, NULL, thread_fn, IRQF_TRIGGER_LOW, "x", d);
}
// CHECK: "replacement": " | IRQF_ONESHOT"

int b(unsigned int irq, void *d)
{
	return request_threaded_irq(irq, NULL, thread_fn, 0, "x", d);
}
// CHECK: "replacement": "IRQF_ONESHOT"

int c(unsigned int irq, void *d, int e)
{
	return request_threaded_irq(irq, NULL, thread_fn, e ? IRQF_TRIGGER_LOW : IRQF_TRIGGER_HIGH, "x", d);
}
// CHECK: "replacement": "(e ? IRQF_TRIGGER_LOW : IRQF_TRIGGER_HIGH) | IRQF_ONESHOT"
