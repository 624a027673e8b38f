// Dashboard and contracts: usage (priced per day, rolled up per day and
// service), budget alerts sent, subscriptions and their scheduled
// cancellations, support-level changes, documents.
//
// Money here is in micro-euros (millionths of a euro, integers): a unit price
// of 0.0123 €/GB-hour is exact, and summing a month of rows never loses a
// cent; amounts are rounded to cents only when shown or invoiced.
// Quantities are in thousandths of their unit (`quantity_milli`).
import type { Kysely } from 'kysely'
import { binary, identity } from '../src/db/portable.js'

export async function up(db: Kysely<any>): Promise<void> {
  await createUsage(db)
  await createSubscriptions(db)
  await createSupportLevelChanges(db)
  await createDocuments(db)
}

async function createUsage(db: Kysely<any>) {
  await db.schema
    .createTable('usage_records')
    .addColumn('id', 'integer', identity(db))
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
    .addColumn('day', 'text', (c) => c.notNull()) // YYYY-MM-DD
    .addColumn('service', 'text', (c) => c.notNull()) // e.g. Elastic Cloud Server
    .addColumn('resource', 'text', (c) => c.notNull()) // e.g. ecs-web-01
    .addColumn('metric', 'text', (c) => c.notNull()) // e.g. vCPU-hours
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', 'integer', (c) => c.notNull())
    .addColumn('unit_price_micro', 'integer', (c) => c.notNull())
    .addColumn('amount_micro', 'integer', (c) => c.notNull())
    .addColumn('import_id', 'text') // the CSV file it came from (billing issue), for idempotent imports
    .execute()
  await db.schema.createIndex('usage_records_contract_day').on('usage_records').columns(['contract_id', 'day']).execute()
  // The roll-up the dashboard and the budget job read: one row per contract, day and service.
  await db.schema
    .createTable('usage_daily')
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('amount_micro', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_daily_pk', ['contract_id', 'day', 'service'])
    .execute()
  // One alert per contract, month and threshold (the budget's, then 100 %).
  await db.schema
    .createTable('budget_alerts')
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
    .addColumn('month', 'text', (c) => c.notNull()) // YYYY-MM
    .addColumn('threshold_percent', 'integer', (c) => c.notNull())
    .addColumn('consumed_micro', 'integer', (c) => c.notNull())
    .addColumn('budget_cents', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('budget_alerts_pk', ['contract_id', 'month', 'threshold_percent'])
    .execute()
}

async function createSubscriptions(db: Kysely<any>) {
  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'integer', identity(db))
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // reserved_ecs_standard | reserved_ecs_flexible | workspace
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('flavour', 'text', (c) => c.notNull()) // template / flavour, e.g. s3.large.2
    .addColumn('quantity', 'integer', (c) => c.notNull()) // instances currently subscribed
    .addColumn('commitment_months', 'integer', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('commitment_end', 'text', (c) => c.notNull())
    .addColumn('monthly_price_cents', 'integer', (c) => c.notNull()) // per instance
    .addColumn('payment_method', 'text', (c) => c.notNull().defaultTo('monthly')) // monthly | upfront
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active')) // active | ended
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('subscriptions_contract').on('subscriptions').columns(['contract_id', 'status']).execute()
  await db.schema
    .createTable('subscription_cancellations')
    .addColumn('id', 'integer', identity(db))
    .addColumn('subscription_id', 'integer', (c) => c.notNull().references('subscriptions.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull()) // YYYY-MM-01: the first day of the next month
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('applied_at', 'text')
    .execute()
  await db.schema.createIndex('subscription_cancellations_due').on('subscription_cancellations').columns(['effective_on', 'applied_at']).execute()
}

async function createSupportLevelChanges(db: Kysely<any>) {
  // An upgrade that applies later (Flexible Engine: the 1st of next month).
  await db.schema
    .createTable('support_level_changes')
    .addColumn('id', 'integer', identity(db))
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
    .addColumn('from_level', 'text')
    .addColumn('to_level', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('commitment_end', 'text')
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .execute()
  await db.schema.createIndex('support_level_changes_due').on('support_level_changes').columns(['effective_on', 'applied_at']).execute()
}

async function createDocuments(db: Kysely<any>) {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', identity(db))
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // contractual (put by staff) | customer (uploaded by a documents manager)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', binary(db), (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await db.schema.createIndex('documents_contract').on('documents').columns(['contract_id', 'uploaded_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['documents', 'support_level_changes', 'subscription_cancellations', 'subscriptions', 'budget_alerts', 'usage_daily', 'usage_records']) {
    await db.schema.dropTable(table).execute()
  }
}
