// Messages of the contracts features (support), English: the reference for support.fr.ts.
export const supportEn = {
} as const
