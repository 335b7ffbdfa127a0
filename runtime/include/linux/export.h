#ifndef _RT_LINUX_EXPORT_H
#define _RT_LINUX_EXPORT_H
#define EXPORT_SYMBOL(sym) extern int __rt_unused_export
#define EXPORT_SYMBOL_GPL(sym) extern int __rt_unused_export
#endif
