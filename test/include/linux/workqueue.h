#ifndef CTXLINT_TEST_WORKQUEUE_H
#define CTXLINT_TEST_WORKQUEUE_H
#include <linux/types.h>
struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct work_struct { work_func_t func; long data; };
void __init_work(struct work_struct *work, work_func_t func);
#define INIT_WORK(_work, _func) do { __init_work((_work), (_func)); } while (0)
bool schedule_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool flush_work(struct work_struct *work);
struct timer_list { void (*function)(struct timer_list *); unsigned long expires; };
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer_sync(struct timer_list *timer);
#endif
