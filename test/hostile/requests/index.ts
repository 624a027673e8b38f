// The hostile rows of requests (customer and staff sides) and Need help, one
// file per area; requests-hostile.test.ts runs them.
import type { HostileCase } from '../cases.js'
import { listForms } from './list.cases.js'
import { newForms } from './new.cases.js'
import { helpForms } from './help.cases.js'
import { adminForms } from './admin.cases.js'

export const REQUESTS_HOSTILE_CASES: Array<[form: string, cases: HostileCase[]]> = [
  ...listForms, ...newForms, ...helpForms, ...adminForms,
]
