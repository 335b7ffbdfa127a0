#ifndef _RT_LINUX_CONTAINER_OF_H
#define _RT_LINUX_CONTAINER_OF_H
#include <stddef.h>
#define container_of(ptr, type, member) ({ \
	void *__mptr = (void *)(ptr); \
	((type *)((char *)__mptr - offsetof(type, member))); })
#endif
