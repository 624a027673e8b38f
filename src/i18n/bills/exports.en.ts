// The bills exports texts (see index.ts).
export const billsExportsEn = {
} as const
