// Messages of the contracts features (documents), English: the reference for documents.fr.ts.
export const documentsEn = {
} as const
