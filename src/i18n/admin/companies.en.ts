// Back-office messages (companies), English: the reference for companies.fr.ts.
export const companiesEn = {
} as const
