#ifndef _RT_LINUX_POLL_H
#define _RT_LINUX_POLL_H
#include <linux/fs.h>
typedef unsigned int __poll_t;
/* The simulated poll table: the queues a poll() registered on, and the
 * entries that wake the polling task. */
struct poll_table_struct {
	int n;
	struct wait_queue_head *heads[8];
	struct wait_queue_entry entries[8];
};
typedef struct poll_table_struct poll_table;
void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p);
#define EPOLLIN POLLIN
#define EPOLLOUT POLLOUT
#define EPOLLRDNORM POLLRDNORM
#define EPOLLWRNORM POLLWRNORM
#define EPOLLERR 0x0008
#define EPOLLHUP 0x0010
#define POLLERR EPOLLERR
#define POLLHUP EPOLLHUP
#define POLLIN 0x0001
#define POLLOUT 0x0004
#define POLLRDNORM 0x0040
#define POLLWRNORM 0x0100
#endif
