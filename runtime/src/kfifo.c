/* kfifo: a ring of esize-byte elements with free-running in/out counters. */
#include "internal.h"
#include <linux/kfifo.h>

static unsigned int roundup_pow2(unsigned int n)
{
	unsigned int p = 1;
	while (p < n)
		p <<= 1;
	return p;
}
int __kfifo_alloc(struct __kfifo *fifo, unsigned int size, size_t esize, gfp_t gfp)
{
	size = roundup_pow2(size);
	fifo->in = fifo->out = 0;
	fifo->esize = (unsigned int)esize;
	if (size < 2) {
		fifo->data = NULL;
		fifo->mask = 0;
		return -EINVAL;
	}
	fifo->data = kmalloc_array(size, esize, gfp);
	if (!fifo->data) {
		fifo->mask = 0;
		return -ENOMEM;
	}
	fifo->mask = size - 1;
	return 0;
}
void __kfifo_free(struct __kfifo *fifo)
{
	kfree(fifo->data);
	fifo->in = fifo->out = fifo->mask = 0;
	fifo->data = NULL;
}
int __kfifo_init(struct __kfifo *fifo, void *buffer, unsigned int size, size_t esize)
{
	size /= (unsigned int)esize;
	unsigned int p = 1;
	while (p * 2 <= size)
		p *= 2;
	fifo->in = fifo->out = 0;
	fifo->esize = (unsigned int)esize;
	fifo->data = buffer;
	if (p < 2) {
		fifo->mask = 0;
		return -EINVAL;
	}
	fifo->mask = p - 1;
	return 0;
}
static void copy_in(struct __kfifo *f, const void *src, unsigned int len, unsigned int off)
{
	unsigned int size = f->mask + 1, es = f->esize;
	off &= f->mask;
	unsigned int l = min(len, size - off);
	memcpy((char *)f->data + off * es, src, (size_t)l * es);
	memcpy(f->data, (const char *)src + (size_t)l * es, (size_t)(len - l) * es);
}
static void copy_out(struct __kfifo *f, void *dst, unsigned int len, unsigned int off)
{
	unsigned int size = f->mask + 1, es = f->esize;
	off &= f->mask;
	unsigned int l = min(len, size - off);
	memcpy(dst, (char *)f->data + off * es, (size_t)l * es);
	memcpy((char *)dst + (size_t)l * es, f->data, (size_t)(len - l) * es);
}
unsigned int __kfifo_in(struct __kfifo *fifo, const void *buf, unsigned int len)
{
	unsigned int avail = fifo->mask + 1 - (fifo->in - fifo->out);
	if (len > avail)
		len = avail;
	copy_in(fifo, buf, len, fifo->in);
	fifo->in += len;
	return len;
}
unsigned int __kfifo_out_peek(struct __kfifo *fifo, void *buf, unsigned int len)
{
	unsigned int used = fifo->in - fifo->out;
	if (len > used)
		len = used;
	copy_out(fifo, buf, len, fifo->out);
	return len;
}
unsigned int __kfifo_out(struct __kfifo *fifo, void *buf, unsigned int len)
{
	len = __kfifo_out_peek(fifo, buf, len);
	fifo->out += len;
	return len;
}
int __kfifo_to_user(struct __kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied)
{
	rt_sleep_check("kfifo_to_user()", NULL, 0, __builtin_return_address(0));
	unsigned int n = (unsigned int)(len / fifo->esize), used = fifo->in - fifo->out;
	if (n > used)
		n = used;
	char tmp[4096];
	unsigned int done = 0;
	while (done < n) {
		unsigned int chunk = min(n - done, (unsigned int)(sizeof(tmp) / fifo->esize));
		copy_out(fifo, tmp, chunk, fifo->out + done);
		if (copy_to_user((char *)to + (size_t)done * fifo->esize, tmp, (unsigned long)chunk * fifo->esize)) {
			fifo->out += done;
			*copied = done * fifo->esize;
			return -EFAULT;
		}
		done += chunk;
	}
	fifo->out += n;
	*copied = n * fifo->esize;
	return 0;
}
int __kfifo_from_user(struct __kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied)
{
	rt_sleep_check("kfifo_from_user()", NULL, 0, __builtin_return_address(0));
	unsigned int n = (unsigned int)(len / fifo->esize), avail = fifo->mask + 1 - (fifo->in - fifo->out);
	if (n > avail)
		n = avail;
	char tmp[4096];
	unsigned int done = 0;
	while (done < n) {
		unsigned int chunk = min(n - done, (unsigned int)(sizeof(tmp) / fifo->esize));
		if (copy_from_user(tmp, (const char *)from + (size_t)done * fifo->esize, (unsigned long)chunk * fifo->esize)) {
			fifo->in += done;
			*copied = done * fifo->esize;
			return -EFAULT;
		}
		copy_in(fifo, tmp, chunk, fifo->in + done);
		done += chunk;
	}
	fifo->in += n;
	*copied = n * fifo->esize;
	return 0;
}
