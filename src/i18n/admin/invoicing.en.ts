// The staff billing texts: usage imports, invoicing runs, credit notes, payments (see index.ts).
export const adminInvoicingEn = {
} as const
