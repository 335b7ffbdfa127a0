/* Tasks and the scheduler interface.  Every process-context activity of the
 * simulation (user syscalls, kthreads, workers, IRQ threads) is a task. */
#ifndef _RT_LINUX_SCHED_H
#define _RT_LINUX_SCHED_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define __TASK_STOPPED 0x0004
#define TASK_DEAD 0x0080
#define TASK_WAKEKILL 0x0100
#define TASK_NOLOAD 0x0400
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_COMM_LEN 16
#define PF_KTHREAD 0x00200000
struct rt_task;
struct task_struct {
	volatile unsigned int __state;
	pid_t pid;
	unsigned int flags;
	char comm[TASK_COMM_LEN];
	struct rt_task *rt;
};
struct task_struct *get_current(void);
#define current get_current()
void __rt_set_current_state(unsigned int state);
#define set_current_state(state_value) __rt_set_current_state(state_value)
#define __set_current_state(state_value) __rt_set_current_state(state_value)
void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_killable(long timeout);
void __rt_cond_resched(const char *file, int line);
#define cond_resched() ({ __rt_cond_resched(__FILE__, __LINE__); 0; })
void yield(void);
int wake_up_process(struct task_struct *tsk);
int signal_pending(struct task_struct *p);
int fatal_signal_pending(struct task_struct *p);
int task_pid_nr(struct task_struct *tsk);
void io_schedule(void);
long io_schedule_timeout(long timeout);
#endif
