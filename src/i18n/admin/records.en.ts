// Back-office messages (records), English: the reference for records.fr.ts.
export const recordsEn = {
} as const
