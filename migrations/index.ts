// Every migration, in order. A landed migration is frozen: change the schema
// with a new file, named by date, appended here.
import type { Migration } from 'kysely'
import * as foundation from './2026-11-21-01-foundation.js'
import * as identity from './2026-11-22-01-identity.js'
import * as contractTwoFactor from './2026-11-22-02-contract-2fa.js'
import * as backOffice from './2026-11-22-03-back-office.js'
import * as auditLogSearch from './2026-11-22-14-audit-log-search.js'
import * as dashboardAndContracts from './2026-11-22-20-dashboard-and-contracts.js'
import * as backOfficeIndexes from './2026-11-22-25-back-office-indexes.js'
import * as requests from './2026-11-22-30-requests.js'
import * as bills from './2026-11-22-40-bills.js'
import * as outboxAttachments from './2026-11-22-41-outbox-attachments.js'
import * as catalog from './2026-11-22-50-catalog.js'

export const migrations: Record<string, Migration> = {
  '2026-11-21-01-foundation': foundation,
  '2026-11-22-01-identity': identity,
  '2026-11-22-02-contract-2fa': contractTwoFactor,
  '2026-11-22-03-back-office': backOffice,
  '2026-11-22-14-audit-log-search': auditLogSearch,
  '2026-11-22-20-dashboard-and-contracts': dashboardAndContracts,
  '2026-11-22-25-back-office-indexes': backOfficeIndexes,
  '2026-11-22-30-requests': requests,
  '2026-11-22-40-bills': bills,
  '2026-11-22-41-outbox-attachments': outboxAttachments,
  '2026-11-22-50-catalog': catalog,
}
