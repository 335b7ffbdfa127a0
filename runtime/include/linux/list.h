/* Doubly linked lists with the kernel's API (own implementation). */
#ifndef _RT_LINUX_LIST_H
#define _RT_LINUX_LIST_H
#include <linux/types.h>
#include <linux/container_of.h>

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
__rt_inline void INIT_LIST_HEAD(struct list_head *l) { l->next = l; l->prev = l; }
__rt_inline void __list_link(struct list_head *n, struct list_head *prev, struct list_head *next)
{ next->prev = n; n->next = next; n->prev = prev; prev->next = n; }
__rt_inline void list_add(struct list_head *n, struct list_head *head) { __list_link(n, head, head->next); }
__rt_inline void list_add_tail(struct list_head *n, struct list_head *head) { __list_link(n, head->prev, head); }
__rt_inline void __list_unlink(struct list_head *e) { e->next->prev = e->prev; e->prev->next = e->next; }
__rt_inline void list_del(struct list_head *e) { __list_unlink(e); e->next = (struct list_head *)0x100; e->prev = (struct list_head *)0x122; }
__rt_inline void list_del_init(struct list_head *e) { __list_unlink(e); INIT_LIST_HEAD(e); }
__rt_inline int list_empty(const struct list_head *h) { return h->next == h; }
__rt_inline void list_move_tail(struct list_head *e, struct list_head *head) { __list_unlink(e); list_add_tail(e, head); }
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_first_entry_or_null(ptr, type, member) (list_empty(ptr) ? NULL : list_first_entry(ptr, type, member))
#define list_next_entry(pos, member) list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, n, head) for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
#define list_for_each_entry(pos, head, member) \
	for (pos = list_first_entry(head, __typeof__(*pos), member); &pos->member != (head); pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member) \
	for (pos = list_first_entry(head, __typeof__(*pos), member), n = list_next_entry(pos, member); \
	     &pos->member != (head); pos = n, n = list_next_entry(n, member))
#endif
