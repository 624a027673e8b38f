import type { adminCatalogEn } from './catalog.en.js'

export const adminCatalogFr: Record<keyof typeof adminCatalogEn, string> = {
}
