// The hostile rows of the dashboard and contract features, one file per
// feature; contracts-hostile.test.ts runs them.
import type { HostileCase } from '../cases.js'
import { dashboardForms } from './dashboard.cases.js'
import { budgetForms } from './budget.cases.js'
import { subscriptionsForms } from './subscriptions.cases.js'
import { supportForms } from './support.cases.js'
import { documentsForms } from './documents.cases.js'

export const CONTRACTS_HOSTILE_CASES: Array<[form: string, cases: HostileCase[]]> = [
  ...dashboardForms, ...budgetForms, ...subscriptionsForms, ...supportForms, ...documentsForms,
]
