// RUN: not %ctxlint --checks=-*,ctxlint-irqf-oneshot --check-option=ctxlint-irqf-oneshot.ReportUnknownFlags=true %s -- %kflags | FileCheck %s
// RUN: %ctxlint --checks=-*,ctxlint-irqf-oneshot %s -- %kflags | FileCheck %s --check-prefix=DEFAULT --allow-empty
#include <linux/interrupt.h>

static irqreturn_t thread_fn(int irq, void *data) { return IRQ_HANDLED; }
struct pdata { unsigned long irq_flags; };

int from_platform_data(unsigned int irq, struct pdata *p)
{
	// CHECK: unknown.c:[[@LINE+1]]:9: warning: request_threaded_irq() with a NULL primary handler: cannot tell whether the flags include IRQF_ONESHOT [ctxlint-irqf-oneshot]
	return request_threaded_irq(irq, NULL, thread_fn, p->irq_flags, "x", p);
}
// DEFAULT-NOT: warning
