#include <linux/spinlock.h>
struct dev { spinlock_t lock; int n; };
void my_dev_lock(struct dev *d);
void my_dev_unlock(struct dev *d);
int my_bus_read(struct dev *d, int reg);
int f(struct dev *d)
{
	int v;

	my_dev_lock(d);
	v = my_bus_read(d, 3);
	my_dev_unlock(d);
	return v;
}
