// The hostile rows of the Bills section and staff billing, one file per
// area; bills-hostile.test.ts runs them.
import type { HostileCase } from '../cases.js'
import { pageForms } from './page.cases.js'
import { exportsForms } from './exports.cases.js'
import { invoicingForms } from './admin.cases.js'

export const BILLS_HOSTILE_CASES: Array<[form: string, cases: HostileCase[]]> = [
  ...pageForms, ...exportsForms, ...invoicingForms,
]
