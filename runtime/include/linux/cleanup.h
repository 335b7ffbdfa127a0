/* Scope-based cleanup (guard(), scoped_guard(), scoped_cond_guard()) with the
 * kernel's guard class names, on the compilers' cleanup attribute. */
#ifndef _RT_LINUX_CLEANUP_H
#define _RT_LINUX_CLEANUP_H
#include <linux/compiler.h>
#define __cleanup(func) __attribute__((__cleanup__(func)))
#define __UNIQUE_ID(prefix) __RT_CONCAT(__RT_CONCAT(__UNIQUE_ID_, prefix), __COUNTER__)

#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...) \
	typedef _type class_##_name##_t; \
	__rt_fwd void class_##_name##_destructor(_type *p) { _type _T = *p; _exit; } \
	__rt_fwd _type class_##_name##_constructor(_init_args) { _type t = _init; return t; }
#define CLASS(_name, var) \
	class_##_name##_t var __cleanup(class_##_name##_destructor) = class_##_name##_constructor

#define DEFINE_FREE(_name, _type, _free) \
	__rt_inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }
#define __free(_name) __cleanup(__free_##_name)
#define no_free_ptr(p) ({ __typeof__(p) __ptr = (p); (p) = NULL; __ptr; })
#define return_ptr(p) return no_free_ptr(p)

/* Lock guards: a small struct holding the lock pointer (and saved flags). */
#define __DEFINE_LOCK_GUARD(_name, _type, _lock, _unlock, _extra) \
	typedef struct { _type *lock; _extra } class_##_name##_t; \
	__rt_fwd void class_##_name##_destructor(class_##_name##_t *_T) { if (_T->lock) { _unlock; } } \
	__rt_fwd class_##_name##_t class_##_name##_constructor(_type *l) \
	{ class_##_name##_t _t = { .lock = l }, *_T = &_t; _lock; return _t; } \
	__rt_inline void *class_##_name##_lock_ptr(class_##_name##_t *_T) { return _T->lock; }
#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock, ...) \
	__DEFINE_LOCK_GUARD(_name, _type, _lock, _unlock, __VA_ARGS__;)
/* Conditional guards: the constructor leaves .lock NULL when the lock was not taken. */
#define DEFINE_LOCK_GUARD_1_COND(_name, _base, _type, _condlock, ...) \
	typedef class_##_base##_t class_##_name##_t; \
	__rt_fwd void class_##_name##_destructor(class_##_name##_t *_T) { class_##_base##_destructor(_T); } \
	__rt_fwd class_##_name##_t class_##_name##_constructor(_type *l) \
	{ class_##_name##_t _t = { .lock = l }, *_T = &_t; if (!(_condlock)) _T->lock = NULL; return _t; } \
	__rt_inline void *class_##_name##_lock_ptr(class_##_name##_t *_T) { return _T->lock; }
#define DEFINE_LOCK_GUARD_0(_name, _lock, _unlock, ...) \
	typedef struct { void *lock; __VA_ARGS__; } class_##_name##_t; \
	__rt_fwd void class_##_name##_destructor(class_##_name##_t *_T) { if (_T->lock) { _unlock; } } \
	__rt_fwd class_##_name##_t class_##_name##_constructor(void) \
	{ class_##_name##_t _t = { .lock = (void *)1 }, *_T = &_t; (void)_T; _lock; return _t; } \
	__rt_inline void *class_##_name##_lock_ptr(class_##_name##_t *_T) { return _T->lock; }

#define guard(_name) CLASS(_name, __UNIQUE_ID(guard))
#define scoped_guard(_name, args...) \
	for (CLASS(_name, scope)(args), *done = NULL; !done; done = (void *)1)
#define scoped_cond_guard(_name, _fail, args...) \
	for (CLASS(_name, scope)(args), *done = NULL; !done; done = (void *)1) \
		if (!class_##_name##_lock_ptr(&scope)) { _fail; } else
#endif
