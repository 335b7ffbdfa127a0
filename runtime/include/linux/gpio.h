/* The legacy integer GPIO API on top of the descriptors. */
#ifndef _RT_LINUX_GPIO_H
#define _RT_LINUX_GPIO_H
#include <linux/gpio/consumer.h>
bool gpio_is_valid(int number);
int gpio_request(unsigned int gpio, const char *label);
void gpio_free(unsigned int gpio);
int gpio_direction_input(unsigned int gpio);
int gpio_direction_output(unsigned int gpio, int value);
int gpio_get_value(unsigned int gpio);
void gpio_set_value(unsigned int gpio, int value);
int gpio_get_value_cansleep(unsigned int gpio);
void gpio_set_value_cansleep(unsigned int gpio, int value);
int gpio_cansleep(unsigned int gpio);
int gpio_to_irq(unsigned int gpio);
struct gpio_desc *gpio_to_desc(unsigned int gpio);
#endif
