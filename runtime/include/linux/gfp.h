#ifndef _RT_LINUX_GFP_H
#define _RT_LINUX_GFP_H
#include <linux/gfp_types.h>
__rt_inline bool gfpflags_allow_blocking(const gfp_t gfp_flags) { return !!(gfp_flags & __GFP_DIRECT_RECLAIM); }
#endif
