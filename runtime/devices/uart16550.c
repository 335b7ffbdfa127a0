/* A 16550-like UART: 16-byte RX FIFO, THR-empty interrupt, level line. */
#include "../src/internal.h"
#include <sim/devices.h>

struct sim_uart {
	unsigned long base;
	unsigned int irq;
	u8 ier, lcr, mcr, lsr_errors;
	u8 fifo[16];
	int head, count;
	bool thri_pending; /* THR-empty interrupt, cleared by reading IIR or writing THR */
	bool tx_busy;
	char txbuf[4096];
	size_t ntx;
	unsigned long overruns;
	const char *rx_data;
	size_t rx_len, rx_pos;
	u64 rx_interval;
};

static void update_irq(struct sim_uart *u)
{
	bool rx = (u->ier & UART_IER_RDI) && u->count > 0;
	bool tx = (u->ier & UART_IER_THRI) && u->thri_pending;
	sim_irq_set_level(u->irq, u, (u->mcr & UART_MCR_OUT2) && (rx || tx));
}
static void rx_byte(void *arg)
{
	struct sim_uart *u = arg;
	if (u->rx_pos >= u->rx_len)
		return;
	char c = u->rx_data[u->rx_pos++];
	if (u->count == 16) {
		u->overruns++;
		u->lsr_errors |= UART_LSR_OE;
	} else {
		u->fifo[(u->head + u->count) % 16] = (u8)c;
		u->count++;
	}
	update_irq(u);
	if (u->rx_pos < u->rx_len)
		sim_event_after(u->rx_interval, rx_byte, u);
}
static void tx_done(void *arg)
{
	struct sim_uart *u = arg;
	u->tx_busy = false;
	u->thri_pending = true;
	update_irq(u);
}
static u32 uart_read(void *m, unsigned long off, int width)
{
	struct sim_uart *u = m;
	u8 v = 0;
	switch (off) {
	case UART_RX:
		if (u->count) {
			v = u->fifo[u->head];
			u->head = (u->head + 1) % 16;
			u->count--;
		}
		break;
	case UART_IER: v = u->ier; break;
	case UART_IIR:
		if ((u->ier & UART_IER_RDI) && u->count)
			v = UART_IIR_RDI;
		else if ((u->ier & UART_IER_THRI) && u->thri_pending) {
			v = UART_IIR_THRI;
			u->thri_pending = false; /* reading IIR clears the THRE interrupt */
		} else
			v = UART_IIR_NO_INT;
		v |= 0xc0; /* FIFOs enabled */
		break;
	case UART_LCR: v = u->lcr; break;
	case UART_MCR: v = u->mcr; break;
	case UART_LSR:
		v = (u->count ? UART_LSR_DR : 0) | u->lsr_errors | (u->tx_busy ? 0 : UART_LSR_THRE | UART_LSR_TEMT);
		u->lsr_errors = 0;
		break;
	default: v = 0xff;
	}
	update_irq(u);
	return v;
}
static void uart_write(void *m, unsigned long off, u32 val, int width)
{
	struct sim_uart *u = m;
	switch (off) {
	case UART_TX:
		if (u->ntx < sizeof(u->txbuf))
			u->txbuf[u->ntx++] = (char)val;
		u->tx_busy = true;
		u->thri_pending = false;
		sim_event_after(87000, tx_done, u); /* one character at 115200 baud */
		break;
	case UART_IER:
		u->ier = (u8)val & 0x0f;
		if ((u->ier & UART_IER_THRI) && !u->tx_busy)
			u->thri_pending = true;
		break;
	case UART_LCR: u->lcr = (u8)val; break;
	case UART_MCR: u->mcr = (u8)val; break;
	}
	update_irq(u);
}
static const struct sim_io_ops uart_ops = { uart_read, uart_write };

struct sim_uart *sim_uart_create(unsigned long base, unsigned int irq)
{
	struct sim_uart *u = calloc(1, sizeof(*u));
	u->base = base;
	u->irq = irq;
	sim_pio_register(base, 8, &uart_ops, u);
	sim_irq_wire(irq, SIM_LEVEL_HIGH);
	return u;
}
void sim_uart_receive(struct sim_uart *u, const char *data, size_t len, u64 delay_ns, u64 interval_ns)
{
	u->rx_data = data;
	u->rx_len = len;
	u->rx_pos = 0;
	u->rx_interval = interval_ns ? interval_ns : 87000;
	sim_event_after(delay_ns, rx_byte, u);
}
size_t sim_uart_transmitted(struct sim_uart *u, char *buf, size_t max)
{
	size_t n = u->ntx < max ? u->ntx : max;
	memcpy(buf, u->txbuf, n);
	return n;
}
unsigned long sim_uart_overruns(struct sim_uart *u) { return u->overruns; }
size_t sim_uart_rx_fifo_level(struct sim_uart *u) { return (size_t)u->count; }
void sim_uart_destroy(struct sim_uart *u)
{
	sim_irq_set_level(u->irq, u, false);
	sim_io_unregister(u);
	u->rx_len = 0;
}
