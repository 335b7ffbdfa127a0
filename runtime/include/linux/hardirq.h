#ifndef _RT_LINUX_HARDIRQ_H
#define _RT_LINUX_HARDIRQ_H
#include <linux/preempt.h>
#include <linux/irqflags.h>
#endif
