#include <linux/spinlock.h>
struct dev { spinlock_t lock; int n; };
void ok(struct dev *d) { spin_lock(&d->lock); d->n++; spin_unlock(&d->lock); }
