#ifndef _RT_LINUX_IOCTL_H
#define _RT_LINUX_IOCTL_H
#define _IOC(dir, type, nr, size) (((dir) << 30) | ((type) << 8) | (nr) | ((size) << 16))
#define _IO(type, nr) _IOC(0U, (type), (nr), 0U)
#define _IOR(type, nr, size) _IOC(2U, (type), (nr), sizeof(size))
#define _IOW(type, nr, size) _IOC(1U, (type), (nr), sizeof(size))
#define _IOWR(type, nr, size) _IOC(3U, (type), (nr), sizeof(size))
#endif
