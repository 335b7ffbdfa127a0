#ifndef _RT_LINUX_INIT_H
#define _RT_LINUX_INIT_H
#include <linux/compiler.h>
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);
#endif
