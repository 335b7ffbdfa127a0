/* Modules: module_init/module_exit register the functions with the runtime,
 * which calls them from an insmod/rmmod task when the scenario asks. */
#ifndef _RT_LINUX_MODULE_H
#define _RT_LINUX_MODULE_H
#include <linux/types.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/export.h>
struct module { const char *name; };
#define THIS_MODULE ((struct module *)0)
void __rt_register_module(initcall_t init, exitcall_t exit, const char *file);
#define module_init(initfn) \
	static __attribute__((constructor, no_instrument_function)) void __rt_modinit_ctor(void) \
	{ __rt_register_module((initfn), NULL, __FILE__); }
#define module_exit(exitfn) \
	static __attribute__((constructor, no_instrument_function)) void __rt_modexit_ctor(void) \
	{ __rt_register_module(NULL, (exitfn), __FILE__); }
#define __RT_MODINFO(tag, info) static const char __RT_UNIQUE(__rt_modinfo_)[] __attribute__((unused)) = tag "=" info
#define MODULE_LICENSE(x) __RT_MODINFO("license", x)
#define MODULE_AUTHOR(x) __RT_MODINFO("author", x)
#define MODULE_DESCRIPTION(x) __RT_MODINFO("description", x)
#define MODULE_VERSION(x) __RT_MODINFO("version", x)
#define MODULE_ALIAS(x) __RT_MODINFO("alias", x)
#define MODULE_DEVICE_TABLE(type, name) extern int __rt_unused_device_table
#define try_module_get(m) 1
#define module_put(m) do { } while (0)
#endif
