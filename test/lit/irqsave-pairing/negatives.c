// RUN: %ctxlint --checks=-*,ctxlint-irqsave-pairing --quiet %s -- %kflags | FileCheck %s --allow-empty
// CHECK-NOT: warning
#include <linux/spinlock.h>

struct dev {
	spinlock_t lock;
	spinlock_t other;
	int err;
};

int paired_on_every_path(struct dev *d)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&d->lock, flags);
	if (d->err) {
		ret = -1;
		goto out;
	}
	d->err = 1;
out:
	spin_unlock_irqrestore(&d->lock, flags);
	return ret;
}

void nested_with_distinct_flags(struct dev *d)
{
	unsigned long flags, flags2;

	spin_lock_irqsave(&d->lock, flags);
	spin_lock_irqsave(&d->other, flags2);
	spin_unlock_irqrestore(&d->other, flags2);
	spin_unlock_irqrestore(&d->lock, flags);
}

void sequential_reuse(struct dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	spin_unlock_irqrestore(&d->lock, flags);
	spin_lock_irqsave(&d->other, flags);
	spin_unlock_irqrestore(&d->other, flags);
}

void split_release(struct dev *d)
{
	unsigned long flags;

	/* Drop the lock first, restore interrupts later: legal. */
	spin_lock_irqsave(&d->lock, flags);
	spin_unlock(&d->lock);
	d->err = 0;
	local_irq_restore(flags);
}

void lock_handover_with_irq(struct dev *d)
{
	/* evdev-style hand-over: irq state outlives the first lock. */
	spin_lock_irq(&d->lock);
	spin_lock(&d->other);
	spin_unlock(&d->lock);
	spin_unlock_irq(&d->other);
}

int conditional_irqsave(struct dev *d, int locked)
{
	unsigned long flags = 0;

	if (!locked)
		spin_lock_irqsave(&d->lock, flags);
	d->err = 3;
	if (!locked)
		spin_unlock_irqrestore(&d->lock, flags);
	return 0;
}

int trylock_irqsave(struct dev *d)
{
	unsigned long flags;

	if (!spin_trylock(&d->lock))
		return -1;
	spin_unlock(&d->lock);
	local_irq_save(flags);
	local_irq_restore(flags);
	return 0;
}
