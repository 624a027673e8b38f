import type { catalogSharedEn } from './shared.en.js'

export const catalogSharedFr: Record<keyof typeof catalogSharedEn, string> = {
  'notification.order_placed': 'Votre commande {number} de « {service} » sur {contract} est transmise.',
  'notification_kind.order_placed': 'La confirmation d’une commande que vous passez',
}
