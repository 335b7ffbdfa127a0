#ifndef _RT_LINUX_STDDEF_H
#define _RT_LINUX_STDDEF_H
#include <linux/types.h>
#define offsetofend(TYPE, MEMBER) (offsetof(TYPE, MEMBER) + sizeof(((TYPE *)0)->MEMBER))
#endif
