/* preempt_count layout and context predicates, as in Linux 6.12:
 * bits 0-7 preemption depth, 8-15 softirq, 16-19 hardirq, 20-23 NMI. */
#ifndef _RT_LINUX_PREEMPT_H
#define _RT_LINUX_PREEMPT_H
#include <linux/types.h>
#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define NMI_BITS 4
#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT (HARDIRQ_SHIFT + HARDIRQ_BITS)
#define __IRQ_MASK(x) ((1UL << (x)) - 1)
#define PREEMPT_MASK (__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK (__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK (__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK (__IRQ_MASK(NMI_BITS) << NMI_SHIFT)
#define PREEMPT_OFFSET (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET (1UL << NMI_SHIFT)
#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)

int preempt_count(void);
#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define nmi_count() (preempt_count() & NMI_MASK)
#define irq_count() (nmi_count() | hardirq_count() | softirq_count())
#define in_nmi() (nmi_count())
#define in_hardirq() (hardirq_count())
#define in_irq() (hardirq_count())
#define in_softirq() (softirq_count())
#define in_serving_softirq() (softirq_count() & SOFTIRQ_OFFSET)
#define in_interrupt() (irq_count())
#define in_task() (!(in_nmi() | in_hardirq() | in_serving_softirq()))
#define in_atomic() (preempt_count() != 0)

void __rt_preempt_disable(void);
void __rt_preempt_enable(bool resched);
#define preempt_disable() __rt_preempt_disable()
#define preempt_enable() __rt_preempt_enable(true)
#define preempt_enable_no_resched() __rt_preempt_enable(false)
#define preemptible() (preempt_count() == 0 && !irqs_disabled())
int irqs_disabled(void);
#endif
