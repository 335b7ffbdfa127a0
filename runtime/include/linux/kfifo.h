/* FIFOs with the kernel's kfifo API (power-of-two sizes, element size taken
 * from the declared type).  `struct kfifo` is a byte FIFO, DECLARE_KFIFO()
 * an embedded one; both hold their state in a `kfifo` member, so every macro
 * takes a pointer to either.  Like the kernel's, they do no locking except
 * the *_spinlocked forms. */
#ifndef _RT_LINUX_KFIFO_H
#define _RT_LINUX_KFIFO_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/spinlock.h>
struct __kfifo {
	unsigned int in;
	unsigned int out;
	unsigned int mask;
	unsigned int esize;
	void *data;
};
struct kfifo { struct __kfifo kfifo; };
#define __KFIFO_SIZE_OK(size) ((size) >= 2 && !((size) & ((size) - 1)))
#define DECLARE_KFIFO(fifo, type, size) \
	struct { struct __kfifo kfifo; type buf[__KFIFO_SIZE_OK(size) ? (size) : -1]; } fifo
#define DECLARE_KFIFO_PTR(fifo, type) struct kfifo fifo
#define INIT_KFIFO(fifo) do { \
	(fifo).kfifo.in = (fifo).kfifo.out = 0; \
	(fifo).kfifo.mask = ARRAY_SIZE((fifo).buf) - 1; \
	(fifo).kfifo.esize = sizeof((fifo).buf[0]); \
	(fifo).kfifo.data = (fifo).buf; \
} while (0)
#define DEFINE_KFIFO(fifo, type, size) \
	DECLARE_KFIFO(fifo, type, size) = { .kfifo = { 0, 0, (size) - 1, sizeof(type), (fifo).buf } }

int __kfifo_alloc(struct __kfifo *fifo, unsigned int size, size_t esize, gfp_t gfp);
void __kfifo_free(struct __kfifo *fifo);
int __kfifo_init(struct __kfifo *fifo, void *buffer, unsigned int size, size_t esize);
unsigned int __kfifo_in(struct __kfifo *fifo, const void *buf, unsigned int len);
unsigned int __kfifo_out(struct __kfifo *fifo, void *buf, unsigned int len);
unsigned int __kfifo_out_peek(struct __kfifo *fifo, void *buf, unsigned int len);
int __kfifo_to_user(struct __kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied);
int __kfifo_from_user(struct __kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied);

#define kfifo_alloc(fifo, size, gfp) __kfifo_alloc(&(fifo)->kfifo, (size), 1, (gfp))
#define kfifo_free(fifo) __kfifo_free(&(fifo)->kfifo)
#define kfifo_init(fifo, buffer, size) __kfifo_init(&(fifo)->kfifo, (buffer), (size), 1)
#define kfifo_reset(fifo) do { (fifo)->kfifo.in = (fifo)->kfifo.out = 0; } while (0)
#define kfifo_reset_out(fifo) do { (fifo)->kfifo.out = (fifo)->kfifo.in; } while (0)
#define kfifo_size(fifo) ((fifo)->kfifo.mask + 1)
#define kfifo_esize(fifo) ((fifo)->kfifo.esize)
#define kfifo_len(fifo) ((fifo)->kfifo.in - (fifo)->kfifo.out)
#define kfifo_is_empty(fifo) ((fifo)->kfifo.in == (fifo)->kfifo.out)
#define kfifo_is_full(fifo) (kfifo_len(fifo) > (fifo)->kfifo.mask)
#define kfifo_avail(fifo) (kfifo_size(fifo) - kfifo_len(fifo))
#define kfifo_in(fifo, buf, n) __kfifo_in(&(fifo)->kfifo, (buf), (n))
#define kfifo_out(fifo, buf, n) __kfifo_out(&(fifo)->kfifo, (buf), (n))
#define kfifo_out_peek(fifo, buf, n) __kfifo_out_peek(&(fifo)->kfifo, (buf), (n))
#define kfifo_put(fifo, val) ({ __typeof__(val) __rt_v = (val); __kfifo_in(&(fifo)->kfifo, &__rt_v, 1); })
#define kfifo_get(fifo, val) __kfifo_out(&(fifo)->kfifo, (val), 1)
#define kfifo_peek(fifo, val) __kfifo_out_peek(&(fifo)->kfifo, (val), 1)
#define kfifo_to_user(fifo, to, len, copied) __kfifo_to_user(&(fifo)->kfifo, (to), (len), (copied))
#define kfifo_from_user(fifo, from, len, copied) __kfifo_from_user(&(fifo)->kfifo, (from), (len), (copied))
#define kfifo_in_spinlocked(fifo, buf, n, lock) ({ unsigned long __rt_f; unsigned int __rt_r; \
	spin_lock_irqsave(lock, __rt_f); __rt_r = kfifo_in(fifo, buf, n); spin_unlock_irqrestore(lock, __rt_f); __rt_r; })
#define kfifo_out_spinlocked(fifo, buf, n, lock) ({ unsigned long __rt_f; unsigned int __rt_r; \
	spin_lock_irqsave(lock, __rt_f); __rt_r = kfifo_out(fifo, buf, n); spin_unlock_irqrestore(lock, __rt_f); __rt_r; })
#endif
