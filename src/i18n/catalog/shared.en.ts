// Messages of the catalog shared by its pages, the order forms and the
// reservation steps: notifications, pricing words, refusals.
export const catalogSharedEn = {
  'notification.order_placed': 'Your order {number} of “{service}” on {contract} is transmitted.',
  'notification_kind.order_placed': 'The confirmation of an order you placed',
} as const
