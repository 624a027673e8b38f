// The routes of the dashboard and contract features with their policy, one
// file per feature: part of the reviewed list of ../routes.test.ts.
import { dashboardRoutes } from './dashboard.js'
import { budgetRoutes } from './budget.js'
import { subscriptionsRoutes } from './subscriptions.js'
import { supportRoutes } from './support.js'
import { documentsRoutes } from './documents.js'

export const CONTRACT_FEATURES_EXPECTED = [...dashboardRoutes, ...budgetRoutes, ...subscriptionsRoutes, ...supportRoutes, ...documentsRoutes]
