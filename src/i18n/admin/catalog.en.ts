// The back-office's catalog management (/admin/catalog).
export const adminCatalogEn = {
} as const
