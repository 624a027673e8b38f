// The bills page texts (see index.ts).
export const billsPageEn = {
} as const
