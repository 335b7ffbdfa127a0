/* Memory pools: a reserve of preallocated elements that mempool_alloc() falls
 * back on; with a blocking GFP mask it waits for an element to be freed
 * instead of failing. */
#ifndef _RT_LINUX_MEMPOOL_H
#define _RT_LINUX_MEMPOOL_H
#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/wait.h>
typedef struct mempool {
	int min_nr;
	int curr_nr;
	void **elements;
	size_t size;
	wait_queue_head_t wait;
} mempool_t;
mempool_t *mempool_create_kmalloc_pool(int min_nr, size_t size);
void *mempool_alloc(mempool_t *pool, gfp_t gfp_mask);
void mempool_free(void *element, mempool_t *pool);
void mempool_destroy(mempool_t *pool);
#endif
