/* Local interrupt state.  local_irq_save/restore are macros that assign and
 * read `flags`, like the kernel's; the runtime records the function frame of
 * each save for the irqsave pairing validator. */
#ifndef _RT_LINUX_IRQFLAGS_H
#define _RT_LINUX_IRQFLAGS_H
#include <linux/types.h>
#include <linux/typecheck.h>
int irqs_disabled(void);
unsigned long __rt_local_irq_save(const char *file, int line);
void __rt_local_irq_restore(unsigned long flags, const char *file, int line);
void __rt_local_irq_disable(const char *file, int line);
void __rt_local_irq_enable(const char *file, int line);
unsigned long __rt_local_save_flags(void);
#define local_irq_disable() __rt_local_irq_disable(__FILE__, __LINE__)
#define local_irq_enable() __rt_local_irq_enable(__FILE__, __LINE__)
#define local_irq_save(flags) do { typecheck(unsigned long, flags); (flags) = __rt_local_irq_save(__FILE__, __LINE__); } while (0)
#define local_irq_restore(flags) do { typecheck(unsigned long, flags); __rt_local_irq_restore((flags), __FILE__, __LINE__); } while (0)
#define local_save_flags(flags) do { typecheck(unsigned long, flags); (flags) = __rt_local_save_flags(); } while (0)
#define irqs_disabled_flags(flags) (((flags) & 1UL) != 0)
#endif
