#ifndef CTXLINT_TEST_SEMAPHORE_H
#define CTXLINT_TEST_SEMAPHORE_H
struct semaphore { unsigned int count; };
void down(struct semaphore *sem);
int __attribute__((warn_unused_result)) down_interruptible(struct semaphore *sem);
int __attribute__((warn_unused_result)) down_killable(struct semaphore *sem);
int __attribute__((warn_unused_result)) down_trylock(struct semaphore *sem);
void up(struct semaphore *sem);
#endif
