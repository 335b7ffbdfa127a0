#ifndef RT_SHA1_H
#define RT_SHA1_H
#include <stdint.h>
#include <stddef.h>
struct rt_sha1 { uint32_t h[5]; uint64_t len; unsigned char buf[64]; int n; };
void rt_sha1_init(struct rt_sha1 *c);
void rt_sha1_update(struct rt_sha1 *c, const void *data, size_t len);
void rt_sha1_hex(struct rt_sha1 *c, char out[41]);
#endif
