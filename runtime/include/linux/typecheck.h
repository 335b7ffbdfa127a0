#ifndef _RT_LINUX_TYPECHECK_H
#define _RT_LINUX_TYPECHECK_H
#define typecheck(type, x) ({ type __rt_dummy; __typeof__(x) __rt_dummy2; (void)(&__rt_dummy == &__rt_dummy2); 1; })
#endif
