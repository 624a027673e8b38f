// Bills: imported usage files, invoices and credit notes with their lines and
// gapless number series, payments recorded by staff, and each contract's
// administrative (billing) contact. Money in integer cents from here on: an
// invoice's lines are usage rounded once, per service, from micro-euros.
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { identity } from '../src/db/portable.js'

export async function up(db: Kysely<any>): Promise<void> {
  await createUsageImports(db)
  await createInvoices(db)
  await createPayments(db)
  await addBillingIdentity(db)
}

// One row per imported CSV file: a second import of the same bytes is a no-op.
async function createUsageImports(db: Kysely<any>) {
  // The usage report reads a month service by service (one sheet each).
  await db.schema.createIndex('usage_records_contract_service_day').on('usage_records').columns(['contract_id', 'service', 'day', 'id']).execute()
  // The month's quantities and amounts per service and metric: the bills
  // page's simulation and detail read this, never the raw lines. Kept in step
  // by recordUsage in the transaction that writes the lines.
  await db.schema
    .createTable('usage_monthly')
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
    .addColumn('month', 'text', (c) => c.notNull()) // YYYY-MM
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', 'integer', (c) => c.notNull())
    .addColumn('amount_micro', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_monthly_pk', ['contract_id', 'month', 'service', 'metric', 'unit'])
    .execute()
  // Usage recorded before this migration joins the roll-up once, here.
  await db.insertInto('usage_monthly')
    .columns(['contract_id', 'month', 'service', 'metric', 'unit', 'quantity_milli', 'amount_micro'])
    .expression(db.selectFrom('usage_records')
      .select(['contract_id', sql<string>`substr(day, 1, 7)`.as('month'), 'service', 'metric', 'unit'])
      .select((eb) => [eb.fn.sum('quantity_milli').as('quantity_milli'), eb.fn.sum('amount_micro').as('amount_micro')])
      .groupBy(['contract_id', sql`substr(day, 1, 7)`, 'service', 'metric', 'unit']))
    .execute()
  await db.schema
    .createTable('usage_imports')
    .addColumn('id', 'integer', identity(db))
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows_count', 'integer', (c) => c.notNull())
    .addColumn('amount_micro', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute()
}

async function createInvoices(db: Kysely<any>) {
  // The last number given in each series (e.g. `invoice-2026`), taken and
  // bumped in the transaction that issues the document: no gap, no duplicate.
  await db.schema
    .createTable('invoice_counters')
    .addColumn('series', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('invoices')
    .addColumn('id', 'integer', identity(db))
    .addColumn('number', 'text', (c) => c.notNull().unique()) // F2026-000001, credit notes A2026-000001
    .addColumn('kind', 'text', (c) => c.notNull()) // invoice | credit_note
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id')) // the billed contract (a grouping contract for a grouped invoice)
    .addColumn('month', 'text', (c) => c.notNull()) // YYYY-MM: the usage period
    .addColumn('period_start', 'text', (c) => c.notNull()) // YYYY-MM-DD
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('total_excl_cents', 'integer', (c) => c.notNull()) // negative on a credit note
    .addColumn('vat_rate_bp', 'integer', (c) => c.notNull()) // basis points: 2000 = 20 %
    .addColumn('vat_cents', 'integer', (c) => c.notNull())
    .addColumn('total_incl_cents', 'integer', (c) => c.notNull())
    // What the document says, frozen when it is issued: later edits of the
    // contract or the company don't rewrite a sent invoice.
    .addColumn('customer_json', 'text', (c) => c.notNull()) // company name, address, VAT number, contract code and name
    .addColumn('ref1', 'text')
    .addColumn('ref2', 'text')
    .addColumn('ref3', 'text')
    .addColumn('corrects_invoice_id', 'integer', (c) => c.references('invoices.id')) // credit notes
    .addColumn('reason', 'text') // credit notes
    .addColumn('published_at', 'text') // null: issued, not yet shown to the customer
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // Closing a month twice issues nothing the second time.
  await db.schema.createIndex('invoices_one_per_month').on('invoices').columns(['contract_id', 'month']).unique().where(sql.ref('kind'), '=', 'invoice').execute()
  await db.schema.createIndex('invoices_contract_issued').on('invoices').columns(['contract_id', 'issued_on']).execute()
  // An invoice's credit notes and payments (the staff list's balance, the statement).
  await db.schema.createIndex('invoices_corrects').on('invoices').column('corrects_invoice_id').execute()
  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'integer', identity(db))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id')) // the member contract on a grouped invoice
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount_excl_cents', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('invoice_lines_invoice').on('invoice_lines').columns(['invoice_id', 'position']).execute()
}

async function createPayments(db: Kysely<any>) {
  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', identity(db))
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull()) // the bank transfer's reference
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('payments_contract').on('payments').columns(['contract_id', 'received_on']).execute()
  await db.schema.createIndex('payments_invoice').on('payments').column('invoice_id').execute()
}

// The customer's VAT number for the invoice, and each contract's
// administrative contact (source 004): who receives the invoice emails,
// with or without a portal account.
async function addBillingIdentity(db: Kysely<any>) {
  await db.schema.alterTable('companies').addColumn('vat_number', 'text').execute()
  await db.schema.alterTable('contracts').addColumn('admin_contact_name', 'text').execute()
  await db.schema.alterTable('contracts').addColumn('admin_contact_email', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contracts').dropColumn('admin_contact_email').execute()
  await db.schema.alterTable('contracts').dropColumn('admin_contact_name').execute()
  await db.schema.alterTable('companies').dropColumn('vat_number').execute()
  await db.schema.dropIndex('usage_records_contract_service_day').execute()
  for (const table of ['payments', 'invoice_lines', 'invoices', 'invoice_counters', 'usage_imports', 'usage_monthly']) {
    await db.schema.dropTable(table).execute()
  }
}
