import type { Kysely, Transaction } from 'kysely'
import type { AuditLogTable } from './audit-log.table.js'
import type { CompaniesTable } from './companies.table.js'
import type { ConsoleRolesTable } from './console-roles.table.js'
import type { ContractRolesTable } from './contract-roles.table.js'
import type { ContractsTable } from './contracts.table.js'
import type { RateCountersTable } from './rate-counters.table.js'
import type { SessionsTable } from './sessions.table.js'
import type { UsersTable } from './users.table.js'
import type { OutboxTable } from './outbox.table.js'
import type { JobLeasesTable } from './job-leases.table.js'
import type { PasswordTokensTable } from './password-tokens.table.js'
import type { RecoveryCodesTable } from './recovery-codes.table.js'
import type { ContactMessageRepliesTable, ContactMessagesTable } from './contact-messages.table.js'
import type { StaffRolesTable } from './staff-roles.table.js'
import type { PlatformRegionsTable, PlatformsTable } from './platforms.table.js'
import type { IncidentRegionsTable, IncidentsTable, IncidentUpdatesTable } from './incidents.table.js'
import type { MaintenanceWindowRegionsTable, MaintenanceWindowsTable } from './maintenance-windows.table.js'
import type { BudgetAlertsTable, UsageDailyTable, UsageRecordsTable } from './usage.table.js'
import type { SubscriptionCancellationsTable, SubscriptionsTable } from './subscriptions.table.js'
import type { SupportLevelChangesTable } from './support-level-changes.table.js'
import type { DocumentsTable } from './documents.table.js'
import type { NotificationPreferencesTable, NotificationsTable } from './notifications.table.js'
import type { RequestAttachmentsTable, RequestCommentsTable, RequestEventsTable, RequestsTable } from './requests.table.js'
import type { InvoiceCountersTable, InvoiceLinesTable, InvoicesTable, PaymentsTable, UsageImportsTable, UsageMonthlyTable } from './invoices.table.js'
import type { ChangeCatalogsTable, ChangeCategoriesTable, ChangeItemsTable } from './change-catalog.table.js'
import type { CatalogCategoriesTable, CatalogServicesTable, SubscriptionOffersTable } from './catalog.table.js'
import type { OrdersTable } from './orders.table.js'

export interface Database {
  companies: CompaniesTable
  contracts: ContractsTable
  users: UsersTable
  contract_roles: ContractRolesTable
  console_roles: ConsoleRolesTable
  sessions: SessionsTable
  audit_log: AuditLogTable
  rate_counters: RateCountersTable
  outbox: OutboxTable
  job_leases: JobLeasesTable
  password_tokens: PasswordTokensTable
  recovery_codes: RecoveryCodesTable
  contact_messages: ContactMessagesTable
  notifications: NotificationsTable
  notification_preferences: NotificationPreferencesTable
  contact_message_replies: ContactMessageRepliesTable
  staff_roles: StaffRolesTable
  platforms: PlatformsTable
  platform_regions: PlatformRegionsTable
  incidents: IncidentsTable
  incident_regions: IncidentRegionsTable
  incident_updates: IncidentUpdatesTable
  maintenance_windows: MaintenanceWindowsTable
  maintenance_window_regions: MaintenanceWindowRegionsTable
  usage_records: UsageRecordsTable
  usage_daily: UsageDailyTable
  budget_alerts: BudgetAlertsTable
  subscriptions: SubscriptionsTable
  subscription_cancellations: SubscriptionCancellationsTable
  support_level_changes: SupportLevelChangesTable
  documents: DocumentsTable
  requests: RequestsTable
  request_events: RequestEventsTable
  request_comments: RequestCommentsTable
  request_attachments: RequestAttachmentsTable
  change_catalogs: ChangeCatalogsTable
  change_categories: ChangeCategoriesTable
  change_items: ChangeItemsTable
  usage_imports: UsageImportsTable
  usage_monthly: UsageMonthlyTable
  invoice_counters: InvoiceCountersTable
  invoices: InvoicesTable
  invoice_lines: InvoiceLinesTable
  payments: PaymentsTable
  catalog_categories: CatalogCategoriesTable
  catalog_services: CatalogServicesTable
  subscription_offers: SubscriptionOffersTable
  orders: OrdersTable
}

export type DB = Kysely<Database>
/** Either the database or a transaction: query functions take this. */
export type Executor = Kysely<Database> | Transaction<Database>
