/* SHA-1 (FIPS 180-4), used only to compute finding fingerprints the same way
 * the static tool does (checkers/report/Fingerprint.h), not for security. */
#include "internal.h"
#include "sha1.h"

#define ROL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

static void block(struct rt_sha1 *c, const unsigned char *p)
{
	uint32_t w[80], a = c->h[0], b = c->h[1], d2 = c->h[2], d = c->h[3], e = c->h[4];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 80; i++)
		w[i] = ROL(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	for (int i = 0; i < 80; i++) {
		uint32_t f, k;
		if (i < 20) {
			f = (b & d2) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ d2 ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & d2) | (b & d) | (d2 & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ d2 ^ d;
			k = 0xca62c1d6;
		}
		uint32_t t = ROL(a, 5) + f + e + k + w[i];
		e = d;
		d = d2;
		d2 = ROL(b, 30);
		b = a;
		a = t;
	}
	c->h[0] += a;
	c->h[1] += b;
	c->h[2] += d2;
	c->h[3] += d;
	c->h[4] += e;
}
void rt_sha1_init(struct rt_sha1 *c)
{
	static const uint32_t init[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };
	memcpy(c->h, init, sizeof(init));
	c->len = 0;
	c->n = 0;
}
void rt_sha1_update(struct rt_sha1 *c, const void *data, size_t len)
{
	const unsigned char *p = data;
	c->len += len;
	while (len--) {
		c->buf[c->n++] = *p++;
		if (c->n == 64) {
			block(c, c->buf);
			c->n = 0;
		}
	}
}
void rt_sha1_hex(struct rt_sha1 *c, char out[41])
{
	uint64_t bits = c->len * 8;
	unsigned char pad = 0x80;
	rt_sha1_update(c, &pad, 1);
	pad = 0;
	while (c->n != 56)
		rt_sha1_update(c, &pad, 1);
	unsigned char lenb[8];
	for (int i = 0; i < 8; i++)
		lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
	rt_sha1_update(c, lenb, 8);
	for (int i = 0; i < 5; i++)
		snprintf(out + 8 * i, 9, "%08x", c->h[i]);
}
