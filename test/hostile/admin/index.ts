// The back-office's hostile rows, one file per area; hostile.test.ts runs
// them after ../cases.ts's. Kept apart so that ../cases.ts doesn't import
// files that import it.
import type { HostileCase } from '../cases.js'
import { companiesForms } from './companies.cases.js'
import { usersForms } from './users.cases.js'
import { platformsForms } from './platforms.cases.js'
import { inboxForms } from './inbox.cases.js'
import { recordsForms } from './records.cases.js'

export const ADMIN_HOSTILE_CASES: Array<[form: string, cases: HostileCase[]]> = [
  ...companiesForms, ...usersForms, ...platformsForms, ...inboxForms, ...recordsForms,
]
