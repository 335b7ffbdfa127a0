// RUN: not %ctxlint --checks=-*,ctxlint-irqsave-pairing %s -- %kflags | FileCheck %s --implicit-check-not=warning:
#include <linux/spinlock.h>

struct dev {
	spinlock_t lock;
	spinlock_t other;
	rwlock_t rw;
	unsigned long saved_flags;
	int err;
};

static unsigned long global_flags;
static DEFINE_SPINLOCK(glock);

int restore_missing_on_error_path(struct dev *d)
{
	unsigned long flags;

	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_lock_irqsave() is not matched by a restore on every path: the function can return with interrupts disabled [ctxlint-irqsave-pairing]
	spin_lock_irqsave(&d->lock, flags);
	if (d->err)
		return -1;
	// CHECK: positives.c:[[@LINE-1]]:3: note: returns here without restoring the saved interrupt state
	spin_unlock_irqrestore(&d->lock, flags);
	return 0;
}

void flags_in_struct_field(struct dev *d)
{
	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_lock_irqsave() must save the interrupt state into a local unsigned long: the flags live in a struct field
	spin_lock_irqsave(&d->lock, d->saved_flags);
	spin_unlock_irqrestore(&d->lock, d->saved_flags);
}

void flags_global(struct dev *d)
{
	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_lock_irqsave() must save the interrupt state into a local unsigned long: 'global_flags' is a global or static variable
	spin_lock_irqsave(&glock, global_flags);
	spin_unlock_irqrestore(&glock, global_flags);
}

void nested_reuse(struct dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_lock_irqsave() saves into 'flags', which still holds the state saved by the enclosing spin_lock_irqsave()
	spin_lock_irqsave(&d->other, flags);
	spin_unlock_irqrestore(&d->other, flags);
	spin_unlock_irqrestore(&d->lock, flags);
}

void early_enable(struct dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	spin_lock(&d->other);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_unlock_irq() re-enables interrupts inside a section opened by spin_lock_irqsave()
	spin_unlock_irq(&d->other);
	spin_unlock_irqrestore(&d->lock, flags);
}

void local_irq_enable_inside(struct dev *d)
{
	unsigned long flags;

	local_irq_save(flags);
	// CHECK: positives.c:[[@LINE+1]]:2: warning: local_irq_enable() re-enables interrupts inside a section opened by local_irq_save()
	local_irq_enable();
	local_irq_restore(flags);
}

void restore_with_other_flags(struct dev *d)
{
	unsigned long flags, flags2;

	spin_lock_irqsave(&d->lock, flags);
	flags2 = flags;
	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_unlock_irqrestore() restores 'flags2', but spinlock 'd->lock' saved the interrupt state into 'flags'
	spin_unlock_irqrestore(&d->lock, flags2);
}

void write_lock_leak(struct dev *d, int bail)
{
	unsigned long flags;

	// CHECK: positives.c:[[@LINE+1]]:2: warning: write_lock_irqsave() is not matched by a restore on every path
	write_lock_irqsave(&d->rw, flags);
	if (bail)
		return;
	write_unlock_irqrestore(&d->rw, flags);
}

void lock_in_helper_with_pointer_flags(struct dev *d, unsigned long *flagsp)
{
	// A wrapper that hands its irqsave to the caller breaks both halves of the rule.
	// CHECK: positives.c:[[@LINE+2]]:2: warning: spin_lock_irqsave() is not matched by a restore on every path
	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_lock_irqsave() must save the interrupt state into a local unsigned long: the flags are written through a pointer
	spin_lock_irqsave(&d->lock, *flagsp);
}

static void restore_in_helper(struct dev *d, unsigned long flags)
{
	// CHECK: positives.c:[[@LINE+1]]:2: warning: spin_unlock_irqrestore() must restore the interrupt state saved into a local unsigned long of this function: 'flags' is a parameter
	spin_unlock_irqrestore(&d->lock, flags);
}

void saves_and_lets_a_helper_restore(struct dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	restore_in_helper(d, flags);
}
