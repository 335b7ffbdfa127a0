/* Simulated devices bundled with the runtime (runtime/devices/).  Each model
 * owns its registers and interrupt line; scenarios create them and drive
 * them through the functions below. */
#ifndef _RT_SIM_DEVICES_H
#define _RT_SIM_DEVICES_H
#include <sim/sim.h>

/* (1) PC parallel port as used by LDD's "short" module: data latch at base,
 * status at base+1 (bit 6 = ACK pin), control at base+2 (bit 4 = interrupt
 * enable).  The ACK pin is jumpered to data bit 7, so writing a byte with bit
 * 7 set after one with bit 7 clear raises the (ISA, edge) interrupt. */
struct sim_short_port;
struct sim_short_port *sim_short_port_create(unsigned long base, unsigned int irq);
/* Level mode: ACK drives a level-high line for as long as data bit 7 is set
 * (a shared-handler style variant; the handler must clear bit 7). */
void sim_short_port_set_level_mode(struct sim_short_port *p, bool level);
unsigned long sim_short_port_edges(struct sim_short_port *p);
void sim_short_port_destroy(struct sim_short_port *p);

/* (2) 16550-like UART at `base` (RBR/THR, IER, IIR, LCR, MCR, LSR), 16-byte
 * RX FIFO, level-triggered interrupt gated by MCR.OUT2. */
struct sim_uart;
#define UART_RX 0
#define UART_TX 0
#define UART_IER 1
#define UART_IER_RDI 0x01
#define UART_IER_THRI 0x02
#define UART_IIR 2
#define UART_IIR_NO_INT 0x01
#define UART_IIR_THRI 0x02
#define UART_IIR_RDI 0x04
#define UART_LCR 3
#define UART_MCR 4
#define UART_MCR_OUT2 0x08
#define UART_LSR 5
#define UART_LSR_DR 0x01
#define UART_LSR_OE 0x02
#define UART_LSR_THRE 0x20
#define UART_LSR_TEMT 0x40
struct sim_uart *sim_uart_create(unsigned long base, unsigned int irq);
/* Bytes arrive at the line one every interval_ns, starting after delay_ns. */
void sim_uart_receive(struct sim_uart *u, const char *data, size_t len, u64 delay_ns, u64 interval_ns);
size_t sim_uart_transmitted(struct sim_uart *u, char *buf, size_t max);
unsigned long sim_uart_overruns(struct sim_uart *u);
size_t sim_uart_rx_fifo_level(struct sim_uart *u);
void sim_uart_destroy(struct sim_uart *u);

/* (3) Slow sensor on the I2C-like bus with an active-low level interrupt:
 * WHO_AM_I (0x00) = 0x5a, STATUS (0x01, bit 0 data ready), DATA (0x02; read
 * clears data-ready and releases the line), CTRL (0x03, bit 0 measure, bit 1
 * interrupt enable).  A sample is taken every period_ns while measuring. */
#define SENSOR_REG_WHO_AM_I 0x00
#define SENSOR_REG_STATUS 0x01
#define SENSOR_REG_DATA 0x02
#define SENSOR_REG_CTRL 0x03
#define SENSOR_CTRL_MEASURE 0x01
#define SENSOR_CTRL_IRQ_EN 0x02
#define SENSOR_STATUS_DRDY 0x01
struct sim_sensor;
extern const struct sim_i2c_ops sim_sensor_i2c_ops;
struct sim_sensor *sim_sensor_create(unsigned int irq, u64 period_ns);
unsigned long sim_sensor_samples(struct sim_sensor *s);
unsigned long sim_sensor_samples_read(struct sim_sensor *s);
bool sim_sensor_irq_asserted(struct sim_sensor *s);
void sim_sensor_destroy(struct sim_sensor *s);

/* (4) Two devices on one interrupt line.  Each has STATUS (+0, bit 0
 * pending), ACK (+1, write 1 to clear), CTRL (+2, bit 0 interrupt enable)
 * and COUNT (+3, events since the last ack) in port space. */
#define SHDEV_STATUS 0
#define SHDEV_ACK 1
#define SHDEV_CTRL 2
#define SHDEV_COUNT 3
struct sim_shared_dev;
struct sim_shared_dev *sim_shared_dev_create(unsigned long base, unsigned int irq, enum sim_trigger trigger);
void sim_shared_dev_event(struct sim_shared_dev *d, u64 delay_ns);
bool sim_shared_dev_pending(struct sim_shared_dev *d);
unsigned long sim_shared_dev_acked(struct sim_shared_dev *d);
void sim_shared_dev_destroy(struct sim_shared_dev *d);

/* (5) NIC-like device (MMIO): 16-entry RX and TX rings, interrupt cause and
 * mask registers, and interrupt coalescing (ITR: minimum microseconds
 * between interrupts).  Level-triggered while (ISR & IMR) != 0. */
#define NIC_ISR 0x00   /* read: causes; write 1s to clear */
#define NIC_IMR 0x04
#define NIC_RX_HEAD 0x08 /* next slot the device fills */
#define NIC_RX_TAIL 0x0c /* next slot the driver reads; driver advances it */
#define NIC_TX_TAIL 0x10 /* driver: next slot to send */
#define NIC_TX_HEAD 0x14 /* device: next slot to complete */
#define NIC_ITR 0x18
#define NIC_RX_DESC(i) (0x100 + 4 * (i)) /* packet length */
#define NIC_TX_DESC(i) (0x200 + 4 * (i))
#define NIC_RING 16
#define NIC_INT_RX 0x1
#define NIC_INT_TX 0x2
struct sim_nic;
struct sim_nic *sim_nic_create(u64 mmio_base, unsigned int irq);
void sim_nic_receive_burst(struct sim_nic *n, int packets, u64 delay_ns, u64 interval_ns);
unsigned long sim_nic_rx_dropped(struct sim_nic *n);
unsigned long sim_nic_rx_received(struct sim_nic *n);
unsigned long sim_nic_tx_completed(struct sim_nic *n);
unsigned long sim_nic_interrupts(struct sim_nic *n);
void sim_nic_destroy(struct sim_nic *n);
/* (6) GPIO controllers.  A memory-mapped SoC controller (can_sleep false)
 * raises a hardirq per input edge on irq_base + line; an I2C expander
 * (can_sleep true) makes every access a sleeping bus transfer and delivers its
 * interrupts as nested-threaded interrupts from its own thread, like
 * handle_nested_irq().  Lines get global numbers from `base` on. */
struct sim_gpio_chip;
struct sim_gpio_chip *sim_gpio_chip_create(const char *label, int base, int ngpio, bool can_sleep,
					   unsigned int irq_base);
/* Drive an input line from outside (a button, a sensor's data-ready pin). */
void sim_gpio_input(struct sim_gpio_chip *chip, int line, int value, u64 delay_ns);
int sim_gpio_output(struct sim_gpio_chip *chip, int line);
/* gpiod_get(dev, con_id) on a device named dev_name finds this line. */
void sim_gpio_lookup_add(const char *dev_name, const char *con_id, struct sim_gpio_chip *chip, int line);
#endif
