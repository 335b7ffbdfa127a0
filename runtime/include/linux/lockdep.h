/* Lock classes for the runtime's lockdep-style validator.  As in the kernel,
 * a class is keyed by the static lock_class_key of the init site (or by the
 * address of a statically defined lock), never by the lock instance. */
#ifndef _RT_LINUX_LOCKDEP_H
#define _RT_LINUX_LOCKDEP_H
#include <linux/types.h>
struct lock_class_key { char __rt_unused; };
struct lockdep_map {
	struct lock_class_key *key;
	const char *name;
	void *class_cache;
};
#define STATIC_LOCKDEP_MAP_INIT(_name, _key) { .key = (_key), .name = (_name) }
#define SINGLE_DEPTH_NESTING 1
void lockdep_assert_held_fn(const void *lockdep_owner, const char *file, int line);
#endif
