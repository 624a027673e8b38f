// The catalog's completion messages (see index.ts).
export const completionEn = {
} as const
