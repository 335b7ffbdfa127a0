#ifndef CTXLINT_TEST_COMPLETION_H
#define CTXLINT_TEST_COMPLETION_H
struct completion { unsigned int done; };
void init_completion(struct completion *x);
void wait_for_completion(struct completion *x);
int wait_for_completion_interruptible(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_killable(struct completion *x);
long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
void complete(struct completion *x);
#endif
