/* User memory.  Pointers given to driver entry points point into simulated
 * user mappings; anything else faults (returns the uncopied byte count). All
 * copies may fault, so they run the might_sleep check (might_fault()). */
#ifndef _RT_LINUX_UACCESS_H
#define _RT_LINUX_UACCESS_H
#include <linux/types.h>
#include <linux/kernel.h>
unsigned long __must_check copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long __must_check copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long __must_check clear_user(void __user *to, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);
bool access_ok(const void __user *addr, unsigned long size);
int __rt_get_user(void *dst, const void __user *src, unsigned long size, const char *file, int line);
int __rt_put_user(const void *src, void __user *dst, unsigned long size, const char *file, int line);
#define get_user(x, ptr) ({ __typeof__(*(ptr)) __rt_gu_val = 0; \
	int __rt_gu_err = __rt_get_user(&__rt_gu_val, (ptr), sizeof(*(ptr)), __FILE__, __LINE__); \
	(x) = __rt_gu_val; __rt_gu_err; })
#define put_user(x, ptr) ({ __typeof__(*(ptr)) __rt_pu_val = (x); \
	__rt_put_user(&__rt_pu_val, (ptr), sizeof(*(ptr)), __FILE__, __LINE__); })
#define __get_user(x, ptr) get_user(x, ptr)
#define __put_user(x, ptr) put_user(x, ptr)
void __rt_might_fault(const char *file, int line);
#define might_fault() __rt_might_fault(__FILE__, __LINE__)
#endif
