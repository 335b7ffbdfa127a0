#ifndef _RT_LINUX_POLL_H
#define _RT_LINUX_POLL_H
#include <linux/fs.h>
typedef struct poll_table_struct poll_table;
void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p);
#define POLLIN 0x0001
#define POLLOUT 0x0004
#define POLLRDNORM 0x0040
#define POLLWRNORM 0x0100
#endif
