/* Coherent DMA memory: the simulated devices see the same memory, so the
 * bus address is the CPU address. */
#ifndef _RT_LINUX_DMA_MAPPING_H
#define _RT_LINUX_DMA_MAPPING_H
#include <linux/types.h>
#include <linux/gfp.h>
struct device;
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp);
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle);
void *dmam_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp);
#endif
