// The catalog's reservation messages (see index.ts).
export const reservationEn = {
} as const
