/* The bundled device models driven by small drivers: UART RX FIFO with a
 * level interrupt, two devices sharing a line (level and edge), and the NIC's
 * rings with interrupt coalescing. */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/string.h>
#include <sim/devices.h>
#include "rt_test.h"

/* ---- UART ---- */
#define UART_BASE 0x3f8
#define UART_IRQ 4
static struct sim_uart *uart;
static char rxbuf[128];
static int nrx, uart_irqs;
static bool one_byte_per_irq;
static DEFINE_SPINLOCK(rx_lock);
static irqreturn_t uart_isr(int irq, void *dev)
{
	u8 iir = inb(UART_BASE + UART_IIR);
	if (iir & UART_IIR_NO_INT)
		return IRQ_NONE;
	uart_irqs++;
	spin_lock(&rx_lock);
	while (inb(UART_BASE + UART_LSR) & UART_LSR_DR) {
		char c = (char)inb(UART_BASE + UART_RX);
		if (nrx < 127)
			rxbuf[nrx++] = c;
		if (one_byte_per_irq)
			break; /* the level line fires again for the rest */
	}
	spin_unlock(&rx_lock);
	return IRQ_HANDLED;
}
static const char msg[] = "hello, simulated world";
static void scen_uart(void)
{
	nrx = uart_irqs = 0;
	uart = sim_uart_create(UART_BASE, UART_IRQ);
	CHECK_EQ(request_irq(UART_IRQ, uart_isr, 0, "uart", &uart), 0);
	outb(UART_IER_RDI, UART_BASE + UART_IER);
	outb(UART_MCR_OUT2, UART_BASE + UART_MCR);
	sim_uart_receive(uart, msg, sizeof(msg) - 1, 1000, 2000);
	msleep(5);
	outb(0, UART_BASE + UART_IER);
	free_irq(UART_IRQ, &uart);
	sim_uart_destroy(uart);
}
/* With the interrupt disabled the 16-byte FIFO overflows. */
static void scen_uart_overrun(void)
{
	nrx = 0;
	uart = sim_uart_create(UART_BASE, UART_IRQ);
	CHECK_EQ(request_irq(UART_IRQ, uart_isr, 0, "uart", &uart), 0);
	outb(UART_IER_RDI, UART_BASE + UART_IER);
	outb(UART_MCR_OUT2, UART_BASE + UART_MCR);
	disable_irq(UART_IRQ);
	sim_uart_receive(uart, msg, sizeof(msg) - 1, 1000, 2000);
	msleep(5);
	CHECK_EQ(sim_uart_rx_fifo_level(uart), 16);
	enable_irq(UART_IRQ);
	msleep(1);
	outb(0, UART_BASE + UART_IER);
	free_irq(UART_IRQ, &uart);
	sim_uart_destroy(uart);
}

/* ---- shared line ---- */
#define SH_IRQ 10
static struct sim_shared_dev *da, *db;
static bool a_forgets_ack;
static int a_seen, b_seen, b_before_free;
static irqreturn_t sh_isr(int irq, void *dev)
{
	unsigned long base = dev == &da ? 0x280 : 0x290;
	if (!(inb(base + SHDEV_STATUS) & 1))
		return IRQ_NONE;
	if (dev == &da) {
		a_seen++;
		if (!a_forgets_ack)
			outb(1, base + SHDEV_ACK);
	} else {
		b_seen++;
		outb(1, base + SHDEV_ACK);
	}
	return IRQ_HANDLED;
}
static enum sim_trigger sh_trigger;
static void scen_shared(void)
{
	a_seen = b_seen = 0;
	da = sim_shared_dev_create(0x280, SH_IRQ, sh_trigger);
	db = sim_shared_dev_create(0x290, SH_IRQ, sh_trigger);
	outb(1, 0x280 + SHDEV_CTRL);
	outb(1, 0x290 + SHDEV_CTRL);
	unsigned long trig = sh_trigger == SIM_EDGE_RISING ? IRQF_TRIGGER_RISING : IRQF_TRIGGER_HIGH;
	CHECK_EQ(request_irq(SH_IRQ, sh_isr, IRQF_SHARED | trig, "a", &da), 0);
	CHECK_EQ(request_irq(SH_IRQ, sh_isr, IRQF_SHARED | trig, "b", &db), 0);
	sim_shared_dev_event(da, 1000);
	for (int i = 0; i < 3; i++)
		sim_shared_dev_event(db, 100000 + i * 100000);
	msleep(2);
	b_before_free = b_seen;
	outb(0, 0x280 + SHDEV_CTRL); /* quiesce before free_irq */
	outb(0, 0x290 + SHDEV_CTRL);
	free_irq(SH_IRQ, &da);
	free_irq(SH_IRQ, &db);
}

/* ---- NIC ---- */
#define NIC_PHYS 0xfe000000ULL
#define NIC_IRQ 12
static void __iomem *regs;
static unsigned long processed, nic_irqs;
static void nic_poll(struct tasklet_struct *t)
{
	u32 head = readl(regs + NIC_RX_HEAD), tail = readl(regs + NIC_RX_TAIL);
	while (tail != head) {
		(void)readl(regs + NIC_RX_DESC(tail));
		processed++;
		tail = (tail + 1) % NIC_RING;
		writel(tail, regs + NIC_RX_TAIL);
		head = readl(regs + NIC_RX_HEAD); /* drain everything that arrived meanwhile */
	}
	writel(NIC_INT_RX, regs + NIC_ISR);
	writel(NIC_INT_RX, regs + NIC_IMR); /* re-enable the interrupt after the poll */
}
static DECLARE_TASKLET(nic_tasklet, nic_poll);
static irqreturn_t nic_isr(int irq, void *dev)
{
	if (!(readl(regs + NIC_ISR) & NIC_INT_RX))
		return IRQ_NONE;
	nic_irqs++;
	writel(0, regs + NIC_IMR); /* mask at the device, then defer */
	tasklet_schedule(&nic_tasklet);
	return IRQ_HANDLED;
}
static struct sim_nic *nic;
static void scen_nic(void)
{
	processed = nic_irqs = 0;
	nic = sim_nic_create(NIC_PHYS, NIC_IRQ);
	regs = ioremap(NIC_PHYS, 0x400);
	writel(50, regs + NIC_ITR); /* at most one interrupt per 50 us */
	CHECK_EQ(request_irq(NIC_IRQ, nic_isr, 0, "nic", &nic), 0);
	writel(NIC_INT_RX, regs + NIC_IMR);
	sim_nic_receive_burst(nic, 60, 1000, 10000); /* 60 packets, one every 10 us */
	msleep(3);
	writel(0, regs + NIC_IMR);
	free_irq(NIC_IRQ, &nic);
	tasklet_kill(&nic_tasklet);
	sim_nic_destroy(nic);
}

int main(void)
{
	run(scen_uart);
	CHECK_EQ(nrx, (int)strlen(msg));
	CHECK(!memcmp(rxbuf, msg, strlen(msg)));
	CHECK_EQ(sim_finding_count(NULL), 0);

	one_byte_per_irq = true;
	run(scen_uart);
	CHECK_EQ(nrx, (int)strlen(msg)); /* level line: nothing lost */
	one_byte_per_irq = false;

	run(scen_uart_overrun);
	CHECK_EQ(sim_uart_overruns(uart), (int)strlen(msg) - 16);
	CHECK_EQ(nrx, 16);

	sh_trigger = SIM_LEVEL_HIGH;
	run(scen_shared);
	CHECK_EQ(a_seen, 1);
	CHECK_EQ(b_seen, 3);
	CHECK_EQ(sim_finding_count(NULL), 0);

	/* edge line: a device that never de-asserts hides the other's interrupts */
	sh_trigger = SIM_EDGE_RISING;
	a_forgets_ack = true;
	run(scen_shared);
	CHECK_EQ(b_before_free, 0);
	/* level line: the same bug is a storm instead */
	sh_trigger = SIM_LEVEL_HIGH;
	run(scen_shared);
	CHECK_EQ(sim_finding_count("ctxlint-irq-storm"), 1);
	a_forgets_ack = false;

	run(scen_nic);
	CHECK_EQ(processed, 60);
	CHECK_EQ(sim_nic_rx_dropped(nic), 0);
	CHECK(nic_irqs > 1 && nic_irqs <= 20); /* coalesced: far fewer than 60 */
	CHECK_EQ(sim_finding_count(NULL), 0);
	TEST_DONE();
}
