#include <linux/spinlock.h>
#include <linux/delay.h>
struct dev { spinlock_t lock; int n; };
void bad(struct dev *d) { spin_lock(&d->lock); msleep(1); spin_unlock(&d->lock); }
