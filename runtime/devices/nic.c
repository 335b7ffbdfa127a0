/* A NIC-like device: RX/TX descriptor rings and interrupt coalescing. */
#include "../src/internal.h"
#include <sim/devices.h>

struct sim_nic {
	unsigned int irq;
	u32 isr, imr, itr;
	u32 rx_len[NIC_RING];
	u32 rx_head, rx_tail, tx_head, tx_tail;
	u32 tx_len[NIC_RING];
	u64 last_irq;
	bool irq_deferred;
	unsigned long rx_dropped, rx_received, tx_completed, interrupts;
	int burst_left;
	u64 burst_interval;
	bool dead;
};

static void raise_now(struct sim_nic *n);
static void deferred_raise(void *arg)
{
	struct sim_nic *n = arg;
	n->irq_deferred = false;
	raise_now(n);
}
/* Interrupt moderation: causes accumulate in ISR; the line goes up no more
 * often than once per ITR microseconds. */
static void update_irq(struct sim_nic *n)
{
	bool want = !n->dead && (n->isr & n->imr);
	if (!want) {
		sim_irq_set_level(n->irq, n, false);
		return;
	}
	u64 now = sim_now_ns(), gap = (u64)n->itr * 1000;
	if (n->interrupts && now < n->last_irq + gap) {
		if (!n->irq_deferred) {
			n->irq_deferred = true;
			sim_event_after(n->last_irq + gap - now, deferred_raise, n);
		}
		return;
	}
	raise_now(n);
}
static void raise_now(struct sim_nic *n)
{
	if (n->dead || !(n->isr & n->imr))
		return;
	n->interrupts++;
	n->last_irq = sim_now_ns();
	sim_irq_set_level(n->irq, n, true);
}
static void rx_packet(void *arg)
{
	struct sim_nic *n = arg;
	if (n->dead)
		return;
	if ((n->rx_head + 1) % NIC_RING == n->rx_tail % NIC_RING) {
		n->rx_dropped++; /* ring full */
	} else {
		n->rx_len[n->rx_head % NIC_RING] = 64 + (u32)(n->rx_received % 1400);
		n->rx_head = (n->rx_head + 1) % NIC_RING;
		n->rx_received++;
		n->isr |= NIC_INT_RX;
		update_irq(n);
	}
	if (--n->burst_left > 0)
		sim_event_after(n->burst_interval, rx_packet, n);
}
static void tx_complete(void *arg)
{
	struct sim_nic *n = arg;
	while (n->tx_head != n->tx_tail) {
		n->tx_head = (n->tx_head + 1) % NIC_RING;
		n->tx_completed++;
	}
	n->isr |= NIC_INT_TX;
	update_irq(n);
}
static u32 nic_read(void *m, unsigned long off, int width)
{
	struct sim_nic *n = m;
	if (off >= 0x100 && off < 0x100 + 4 * NIC_RING)
		return n->rx_len[(off - 0x100) / 4];
	switch (off) {
	case NIC_ISR: return n->isr;
	case NIC_IMR: return n->imr;
	case NIC_RX_HEAD: return n->rx_head;
	case NIC_RX_TAIL: return n->rx_tail;
	case NIC_TX_TAIL: return n->tx_tail;
	case NIC_TX_HEAD: return n->tx_head;
	case NIC_ITR: return n->itr;
	default: return 0;
	}
}
static void nic_write(void *m, unsigned long off, u32 v, int width)
{
	struct sim_nic *n = m;
	if (off >= 0x200 && off < 0x200 + 4 * NIC_RING) {
		n->tx_len[(off - 0x200) / 4] = v;
		return;
	}
	switch (off) {
	case NIC_ISR: n->isr &= ~v; break;
	case NIC_IMR: n->imr = v; break;
	case NIC_RX_TAIL: n->rx_tail = v % NIC_RING; break;
	case NIC_TX_TAIL:
		n->tx_tail = v % NIC_RING;
		sim_event_after(20000, tx_complete, n);
		break;
	case NIC_ITR: n->itr = v; break;
	}
	update_irq(n);
}
static const struct sim_io_ops nic_ops = { nic_read, nic_write };

struct sim_nic *sim_nic_create(u64 mmio_base, unsigned int irq)
{
	struct sim_nic *n = calloc(1, sizeof(*n));
	n->irq = irq;
	sim_mmio_register(mmio_base, 0x400, &nic_ops, n);
	sim_irq_wire(irq, SIM_LEVEL_HIGH);
	return n;
}
void sim_nic_receive_burst(struct sim_nic *n, int packets, u64 delay_ns, u64 interval_ns)
{
	n->burst_left = packets;
	n->burst_interval = interval_ns;
	sim_event_after(delay_ns, rx_packet, n);
}
unsigned long sim_nic_rx_dropped(struct sim_nic *n) { return n->rx_dropped; }
unsigned long sim_nic_rx_received(struct sim_nic *n) { return n->rx_received; }
unsigned long sim_nic_tx_completed(struct sim_nic *n) { return n->tx_completed; }
unsigned long sim_nic_interrupts(struct sim_nic *n) { return n->interrupts; }
void sim_nic_destroy(struct sim_nic *n)
{
	n->dead = true;
	sim_irq_set_level(n->irq, n, false);
	sim_io_unregister(n);
}
