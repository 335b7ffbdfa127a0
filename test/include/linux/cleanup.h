#ifndef CTXLINT_TEST_CLEANUP_H
#define CTXLINT_TEST_CLEANUP_H
/* The shape of Linux 6.12's scope-based guards: a variable with a cleanup
 * function class_<name>_destructor, initialized by class_<name>_constructor. */
#include <linux/spinlock.h>
#include <linux/mutex.h>
#define __cleanup(fn) __attribute__((__cleanup__(fn)))
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

typedef struct { spinlock_t *lock; unsigned long flags; } class_spinlock_irqsave_t;
static inline class_spinlock_irqsave_t class_spinlock_irqsave_constructor(spinlock_t *l)
{ class_spinlock_irqsave_t t = { l, 0 }; spin_lock_irqsave(t.lock, t.flags); return t; }
static inline void class_spinlock_irqsave_destructor(class_spinlock_irqsave_t *p)
{ if (p->lock) spin_unlock_irqrestore(p->lock, p->flags); }
static inline void *class_spinlock_irqsave_lock_ptr(class_spinlock_irqsave_t *p) { return p->lock; }

typedef struct { spinlock_t *lock; } class_spinlock_t;
static inline class_spinlock_t class_spinlock_constructor(spinlock_t *l)
{ class_spinlock_t t = { l }; spin_lock(t.lock); return t; }
static inline void class_spinlock_destructor(class_spinlock_t *p)
{ if (p->lock) spin_unlock(p->lock); }
static inline void *class_spinlock_lock_ptr(class_spinlock_t *p) { return p->lock; }

typedef struct mutex *class_mutex_t;
static inline class_mutex_t class_mutex_constructor(struct mutex *m) { mutex_lock(m); return m; }
static inline void class_mutex_destructor(class_mutex_t *p) { if (*p) mutex_unlock(*p); }
static inline void *class_mutex_lock_ptr(class_mutex_t *p) { return *p; }

#define CLASS(_name, var) \
	class_##_name##_t var __cleanup(class_##_name##_destructor) = class_##_name##_constructor
#define guard(_name) CLASS(_name, __UNIQUE_ID(guard))
#define scoped_guard(_name, args...) \
	for (CLASS(_name, scope)(args), *done = NULL; \
	     class_##_name##_lock_ptr(&scope) && !done; done = (void *)1)
#endif
