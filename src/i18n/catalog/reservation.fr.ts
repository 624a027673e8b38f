import type { reservationEn } from './reservation.en.js'

export const reservationFr: Record<keyof typeof reservationEn, string> = {
}
