// Mêmes clés que invoicing.en.ts.
import type { adminInvoicingEn } from './invoicing.en.js'

export const adminInvoicingFr: Record<keyof typeof adminInvoicingEn, string> = {
}
