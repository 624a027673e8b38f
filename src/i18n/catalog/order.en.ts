// The catalog's order messages (see index.ts).
export const orderEn = {
} as const
