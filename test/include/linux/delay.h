#ifndef CTXLINT_TEST_DELAY_H
#define CTXLINT_TEST_DELAY_H
void msleep(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);
#endif
