// Hostile rows for staff billing: usage imports, invoicing, credit notes, payments (see ../cases.ts).
import type { HostileCase } from '../cases.js'

export const invoicingForms: Array<[form: string, cases: HostileCase[]]> = [
]
