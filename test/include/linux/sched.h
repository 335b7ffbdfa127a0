#ifndef CTXLINT_TEST_SCHED_H
#define CTXLINT_TEST_SCHED_H
void schedule(void);
long schedule_timeout(long timeout);
void __might_sleep(const char *file, int line);
#define might_sleep() do { __might_sleep(__FILE__, __LINE__); } while (0)
int signal_pending_current(void);
#endif
