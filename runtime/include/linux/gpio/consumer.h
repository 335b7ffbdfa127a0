/* GPIO descriptors.  Lines come from simulated GPIO chips (runtime/devices/
 * gpio_chip.c): a memory-mapped SoC controller (fast, interrupts in hardirq
 * context) or an I2C expander (can_sleep: every access is a bus transfer and
 * its interrupts are nested-threaded). */
#ifndef _RT_LINUX_GPIO_CONSUMER_H
#define _RT_LINUX_GPIO_CONSUMER_H
#include <linux/types.h>
#include <linux/err.h>
struct device;
struct gpio_desc;
enum gpiod_flags {
	GPIOD_ASIS = 0,
	GPIOD_IN = 1,
	GPIOD_OUT_LOW = 3,
	GPIOD_OUT_HIGH = 7,
};
struct gpio_desc *__must_check gpiod_get(struct device *dev, const char *con_id, enum gpiod_flags flags);
struct gpio_desc *__must_check gpiod_get_index(struct device *dev, const char *con_id, unsigned int idx,
					       enum gpiod_flags flags);
struct gpio_desc *__must_check gpiod_get_optional(struct device *dev, const char *con_id, enum gpiod_flags flags);
struct gpio_desc *__must_check devm_gpiod_get(struct device *dev, const char *con_id, enum gpiod_flags flags);
struct gpio_desc *__must_check devm_gpiod_get_optional(struct device *dev, const char *con_id, enum gpiod_flags flags);
void gpiod_put(struct gpio_desc *desc);
int gpiod_get_value(const struct gpio_desc *desc);
void gpiod_set_value(struct gpio_desc *desc, int value);
int gpiod_get_value_cansleep(const struct gpio_desc *desc);
void gpiod_set_value_cansleep(struct gpio_desc *desc, int value);
int gpiod_cansleep(const struct gpio_desc *desc);
int gpiod_to_irq(const struct gpio_desc *desc);
int gpiod_direction_input(struct gpio_desc *desc);
int gpiod_direction_output(struct gpio_desc *desc, int value);
#endif
