#ifndef _RT_LINUX_VMALLOC_H
#define _RT_LINUX_VMALLOC_H
#include <linux/types.h>
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
#endif
