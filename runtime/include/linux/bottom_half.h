#ifndef _RT_LINUX_BOTTOM_HALF_H
#define _RT_LINUX_BOTTOM_HALF_H
void local_bh_disable(void);
void local_bh_enable(void);
#endif
