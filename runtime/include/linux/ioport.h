#ifndef _RT_LINUX_IOPORT_H
#define _RT_LINUX_IOPORT_H
#include <linux/types.h>
#define IORESOURCE_IO 0x00000100
#define IORESOURCE_MEM 0x00000200
#define IORESOURCE_IRQ 0x00000400
struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
};
__rt_inline resource_size_t resource_size(const struct resource *res) { return res->end - res->start + 1; }
struct resource *__rt_request_region(unsigned long start, unsigned long n, const char *name, unsigned long type);
void __rt_release_region(unsigned long start, unsigned long n, unsigned long type);
#define request_region(start, n, name) __rt_request_region((start), (n), (name), IORESOURCE_IO)
#define release_region(start, n) __rt_release_region((start), (n), IORESOURCE_IO)
#define request_mem_region(start, n, name) __rt_request_region((start), (n), (name), IORESOURCE_MEM)
#define release_mem_region(start, n) __rt_release_region((start), (n), IORESOURCE_MEM)
#endif
