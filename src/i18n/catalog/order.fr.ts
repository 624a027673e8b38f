import type { orderEn } from './order.en.js'

export const orderFr: Record<keyof typeof orderEn, string> = {
}
