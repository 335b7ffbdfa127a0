#ifndef CTXLINT_TEST_UACCESS_H
#define CTXLINT_TEST_UACCESS_H
unsigned long copy_to_user(void *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void *from, unsigned long n);
#endif
