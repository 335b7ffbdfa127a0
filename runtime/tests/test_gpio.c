/* GPIO button on a memory-mapped controller (hardirq) and on an I2C expander
 * (nested-threaded interrupts, sleeping accessors), via
 * request_any_context_irq(). */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/gpio/consumer.h>
#include <linux/platform_device.h>
#include <linux/delay.h>
#include <sim/devices.h>
#include "rt_test.h"

static struct gpio_desc *btn;
static int presses, ctx_was_hardirq, any_ret, plain_ret;
static bool use_cansleep;
static irqreturn_t btn_isr(int irq, void *dev)
{
	int v = use_cansleep ? gpiod_get_value_cansleep(btn) : gpiod_get_value(btn);
	ctx_was_hardirq = in_irq() ? 1 : 0;
	if (v)
		presses++;
	return IRQ_HANDLED;
}
static int btn_probe(struct platform_device *pdev)
{
	btn = devm_gpiod_get(&pdev->dev, "button", GPIOD_IN);
	if (IS_ERR(btn))
		return PTR_ERR(btn);
	plain_ret = request_irq(gpiod_to_irq(btn), btn_isr, 0, "btn-plain", pdev);
	if (!plain_ret)
		free_irq(gpiod_to_irq(btn), pdev);
	any_ret = request_any_context_irq(gpiod_to_irq(btn), btn_isr, IRQF_TRIGGER_RISING, "btn", pdev);
	return any_ret < 0 ? any_ret : 0;
}
static void btn_remove(struct platform_device *pdev) { free_irq(gpiod_to_irq(btn), pdev); }
static struct platform_driver btn_driver = { .probe = btn_probe, .remove = btn_remove, .driver = { .name = "gpio-button" } };

static bool expander;
static void scen_button(void)
{
	presses = 0;
	ctx_was_hardirq = -1;
	struct sim_gpio_chip *chip = sim_gpio_chip_create(expander ? "pca9555" : "soc-gpio", 100, 16, expander, 32);
	sim_gpio_lookup_add("gpio-button", "button", chip, 3);
	CHECK_EQ(platform_driver_register(&btn_driver), 0);
	struct platform_device *pdev = sim_platform_add("gpio-button", NULL, 0, chip);
	for (int i = 0; i < 3; i++) {
		sim_gpio_input(chip, 3, 1, 1000000 + i * 4000000);
		sim_gpio_input(chip, 3, 0, 3000000 + i * 4000000);
	}
	msleep(20);
	sim_platform_remove(pdev);
	platform_driver_unregister(&btn_driver);
}

int main(void)
{
	expander = false;
	use_cansleep = false;
	run(scen_button);
	CHECK_EQ(plain_ret, 0);
	CHECK_EQ(any_ret, IRQC_IS_HARDIRQ);
	CHECK_EQ(ctx_was_hardirq, 1);
	CHECK_EQ(presses, 3);
	CHECK_EQ(sim_finding_count(NULL), 0);

	/* the _cansleep accessor may sleep: wrong in a hardirq handler */
	use_cansleep = true;
	run(scen_button);
	CHECK_EQ(sim_finding_count("ctxlint-sleep-in-atomic"), 1);

	/* on an expander the line is nested-threaded */
	expander = true;
	run(scen_button);
	CHECK_EQ(plain_ret, -EINVAL); /* request_irq needs a thread function there */
	CHECK_EQ(any_ret, IRQC_IS_NESTED);
	CHECK_EQ(ctx_was_hardirq, 0);
	CHECK_EQ(presses, 3);
	CHECK_EQ(sim_finding_count(NULL), 0);
	TEST_DONE();
}
