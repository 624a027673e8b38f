// The catalogs of the dashboard and contract features (weather, budgets,
// subscriptions, support levels, documents), one pair per feature; merged
// into en.ts and fr.ts.
import { dashboardEn } from './dashboard.en.js'
import { dashboardFr } from './dashboard.fr.js'
import { budgetEn } from './budget.en.js'
import { budgetFr } from './budget.fr.js'
import { subscriptionsEn } from './subscriptions.en.js'
import { subscriptionsFr } from './subscriptions.fr.js'
import { supportEn } from './support.en.js'
import { supportFr } from './support.fr.js'
import { documentsEn } from './documents.en.js'
import { documentsFr } from './documents.fr.js'

export const contractsEn = { ...dashboardEn, ...budgetEn, ...subscriptionsEn, ...supportEn, ...documentsEn } as const
export const contractsFr = { ...dashboardFr, ...budgetFr, ...subscriptionsFr, ...supportFr, ...documentsFr }
