// The hostile rows of the catalog (browsing, ordering, reservation steps,
// completing orders, the back-office), one file per area;
// catalog-hostile.test.ts runs them.
import type { HostileCase } from '../cases.js'
import { browseForms } from './browse.cases.js'
import { orderForms } from './order.cases.js'
import { reservationForms } from './reservation.cases.js'
import { completionForms } from './completion.cases.js'
import { adminForms } from './admin.cases.js'
import { changeCatalogForms } from './change-catalog.cases.js'

export const CATALOG_HOSTILE_CASES: Array<[form: string, cases: HostileCase[]]> = [
  ...browseForms, ...orderForms, ...reservationForms, ...completionForms, ...adminForms, ...changeCatalogForms,
]
