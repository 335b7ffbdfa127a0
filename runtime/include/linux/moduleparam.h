#ifndef _RT_LINUX_MODULEPARAM_H
#define _RT_LINUX_MODULEPARAM_H
#define module_param(name, type, perm) static void *__rt_param_##name __attribute__((unused)) = &(name)
#define module_param_named(name, value, type, perm) static void *__rt_param_##name __attribute__((unused)) = &(value)
#define MODULE_PARM_DESC(_parm, desc) extern int __rt_unused_parm_desc
#endif
