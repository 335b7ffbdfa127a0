// RUN: not %ctxlint --checks=-*,ctxlint-irqf-oneshot %s -- %kflags | FileCheck %s --implicit-check-not=warning:
// RUN: not %ctxlint --checks=-*,ctxlint-irqf-oneshot --quiet %s -- %kflags > /dev/null
#include <linux/interrupt.h>

struct device;
static irqreturn_t thread_fn(int irq, void *data) { return IRQ_HANDLED; }
static irqreturn_t hard_fn(int irq, void *data) { return IRQ_WAKE_THREAD; }

enum sensor_irq_mode { SENSOR_IRQ_MODE = IRQF_TRIGGER_LOW | IRQF_ONESHOT };
#define SENSOR_FLAGS (IRQF_TRIGGER_FALLING | IRQF_ONESHOT)

struct sensor_cfg {
	unsigned long irq_flags;
	int irq;
};

int literal_flags_missing(unsigned int irq, void *data)
{
	// CHECK: basic.c:[[@LINE+1]]:9: warning: request_threaded_irq() with a NULL primary handler requires IRQF_ONESHOT, but the flags lack it (0x8); the request fails with -EINVAL [ctxlint-irqf-oneshot]
	return request_threaded_irq(irq, NULL, thread_fn, IRQF_TRIGGER_LOW,
				    "sensor", data);
	// CHECK: basic.c:[[@LINE-2]]:35: note: the primary handler is NULL
	// CHECK: basic.c:[[@LINE-3]]:52: note: flags passed here
}

int zero_flags(unsigned int irq, void *data)
{
	// CHECK: basic.c:[[@LINE+1]]:9: warning: request_threaded_irq() with a NULL primary handler requires IRQF_ONESHOT, but the flags lack it (0x0)
	return request_threaded_irq(irq, NULL, thread_fn, 0, "sensor", data);
}

int devm_missing(struct device *dev, unsigned int irq, void *data)
{
	// CHECK: basic.c:[[@LINE+1]]:9: warning: devm_request_threaded_irq() with a NULL primary handler requires IRQF_ONESHOT, but the flags lack it (0x3)
	return devm_request_threaded_irq(dev, irq, NULL, thread_fn,
					 IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING,
					 "x", data);
}

int default_primary_handler(unsigned int irq, void *data)
{
	// CHECK: basic.c:[[@LINE+1]]:9: warning: request_threaded_irq() with a NULL primary handler requires IRQF_ONESHOT
	return request_threaded_irq(irq, irq_default_primary_handler, thread_fn,
				    IRQF_SHARED, "x", data);
}

int some_paths(unsigned int irq, void *data, int level)
{
	unsigned long flags = IRQF_TRIGGER_FALLING;

	if (level)
		flags = IRQF_TRIGGER_LOW | IRQF_ONESHOT;
	// CHECK: basic.c:[[@LINE+1]]:9: warning: request_threaded_irq() with a NULL primary handler requires IRQF_ONESHOT, but the flags lack it on some paths (0x2)
	return request_threaded_irq(irq, NULL, thread_fn, flags, "x", data);
}

int oneshot_removed(unsigned int irq, void *data)
{
	unsigned long flags = IRQF_TRIGGER_LOW | IRQF_ONESHOT;

	flags &= ~IRQF_ONESHOT;
	// CHECK: basic.c:[[@LINE+1]]:9: warning: request_threaded_irq() with a NULL primary handler requires IRQF_ONESHOT, but the flags lack it (0x8)
	return request_threaded_irq(irq, NULL, thread_fn, flags, "x", data);
}

int null_through_local(unsigned int irq, void *data)
{
	irq_handler_t primary = NULL;

	// CHECK: basic.c:[[@LINE+1]]:9: warning: request_threaded_irq() with a NULL primary handler
	return request_threaded_irq(irq, primary, thread_fn, IRQF_TRIGGER_HIGH, "x", data);
}

int conditional_expression(unsigned int irq, void *data, int edge)
{
	// CHECK: basic.c:[[@LINE+1]]:9: warning: {{.*}}lack it on some paths (0x1)
	return request_threaded_irq(irq, NULL, thread_fn,
				    edge ? IRQF_TRIGGER_RISING : IRQF_TRIGGER_LOW | IRQF_ONESHOT,
				    "x", data);
}

int struct_field_missing(unsigned int irq, void *data)
{
	struct sensor_cfg cfg = { .irq = 3, .irq_flags = IRQF_TRIGGER_LOW };

	// CHECK: basic.c:[[@LINE+1]]:9: warning: {{.*}}lack it (0x8)
	return request_threaded_irq(irq, NULL, thread_fn, cfg.irq_flags, "x", data);
}
