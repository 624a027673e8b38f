// THE route table: every feature with its prefix. Read it as the list of what
// the application exposes; each route declares its own policy.
import type { FastifyInstance } from 'fastify'
import { loginRoutes } from './features/auth/login.routes.js'
import { logoutRoutes } from './features/auth/logout.routes.js'
import { contractsRoutes } from './features/contracts/contracts.routes.js'
import { healthRoutes } from './features/health/health.routes.js'
import { homeRoutes } from './features/home/home.routes.js'
import { langRoutes } from './features/lang/lang.routes.js'
import { forgotRoutes } from './features/password/forgot.routes.js'
import { resetRoutes } from './features/password/reset.routes.js'
import { accountRoutes } from './features/account/account.routes.js'
import { contactRoutes } from './features/account/contact.routes.js'
import { passwordRoutes } from './features/account/password.routes.js'
import { companyRoutes } from './features/account/company.routes.js'
import { securityRoutes } from './features/security/security.routes.js'
import { totpRoutes } from './features/security/totp.routes.js'
import { loginSecondFactorRoutes } from './features/auth/login-2fa.routes.js'
import { notificationsRoutes } from './features/notifications/notifications.routes.js'
import { rightsRoutes } from './features/rights/rights.routes.js'
import { userRoutes } from './features/rights/user.routes.js'
import { wizardRoutes } from './features/rights/wizard.routes.js'
import { roleHoldersRoutes } from './features/contracts/roles-holders.routes.js'
import { shareRequestsRoutes } from './features/contracts/share-requests.routes.js'
import { contractAuditRoutes } from './features/contracts/audit.routes.js'
import { adminRoutes } from './features/admin/admin.routes.js'
import { budgetRoutes } from './features/budget/budget.routes.js'
import { subscriptionsRoutes } from './features/subscriptions/subscriptions.routes.js'
import { supportLevelRoutes } from './features/support-level/support-level.routes.js'
import { documentsRoutes } from './features/documents/documents.routes.js'
import { requestsRoutes } from './features/requests/requests.routes.js'
import { requestRoutes } from './features/requests/request.routes.js'
import { newRequestRoutes } from './features/requests/new-request.routes.js'
import { helpRoutes } from './features/help/help.routes.js'
import { billsRoutes } from './features/bills/bills.routes.js'
import { billsDownloadsRoutes } from './features/bills/downloads.routes.js'
import { catalogRoutes } from './features/catalog/catalog.routes.js'
import { orderRoutes } from './features/catalog/order.routes.js'

export async function routes(app: FastifyInstance) {
  await app.register(healthRoutes)
  await app.register(loginRoutes)
  await app.register(loginSecondFactorRoutes)
  await app.register(logoutRoutes)
  await app.register(langRoutes)
  await app.register(forgotRoutes)
  await app.register(resetRoutes)
  await app.register(homeRoutes)
  await app.register(contractsRoutes)
  await app.register(roleHoldersRoutes)
  await app.register(shareRequestsRoutes)
  await app.register(contractAuditRoutes)
  await app.register(accountRoutes)
  await app.register(contactRoutes)
  await app.register(passwordRoutes)
  await app.register(companyRoutes)
  await app.register(securityRoutes)
  await app.register(totpRoutes)
  await app.register(notificationsRoutes)
  await app.register(rightsRoutes)
  await app.register(wizardRoutes)
  await app.register(userRoutes)
  await app.register(budgetRoutes)
  await app.register(subscriptionsRoutes)
  await app.register(supportLevelRoutes)
  await app.register(documentsRoutes)
  await app.register(newRequestRoutes)
  await app.register(requestsRoutes)
  await app.register(requestRoutes)
  await app.register(helpRoutes)
  await app.register(billsRoutes)
  await app.register(billsDownloadsRoutes)
  await app.register(catalogRoutes)
  await app.register(orderRoutes)
  await app.register(adminRoutes)
}
