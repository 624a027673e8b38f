// The catalog's browse messages (see index.ts).
export const browseEn = {
} as const
