#include <linux/spinlock.h>
void broken(void) { this_does_not_parse( }
