// The catalogs of the Bills section (the page, the statement and the
// administrative contact; the files), one pair per area; merged into en.ts
// and fr.ts. The staff side's texts are in ../admin/invoicing.*.
import { billsPageEn } from './page.en.js'
import { billsPageFr } from './page.fr.js'
import { billsExportsEn } from './exports.en.js'
import { billsExportsFr } from './exports.fr.js'

export const billsEn = { ...billsPageEn, ...billsExportsEn } as const
export const billsFr = { ...billsPageFr, ...billsExportsFr }
