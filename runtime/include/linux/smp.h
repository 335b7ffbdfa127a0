#ifndef _RT_LINUX_SMP_H
#define _RT_LINUX_SMP_H
int __rt_smp_processor_id(void);
unsigned int num_online_cpus(void);
#define smp_processor_id() __rt_smp_processor_id()
#define raw_smp_processor_id() __rt_smp_processor_id()
#define get_cpu() ({ preempt_disable(); smp_processor_id(); })
#define put_cpu() preempt_enable()
#endif
