// The service catalog (issue 9): categories and services, each service with
// its own order form (field definitions, like the change catalog), its price
// and what completing an order of it does; the subscriptions a customer may
// reserve (region × template × commitment, with what is left to sell); the
// orders, one per request of type order, each with the one-time token of the
// form that made it; the "create a tenant online" option of a company; and
// the date the backup service was activated on a contract.
import type { Kysely } from 'kysely'
import { identity } from '../src/db/portable.js'
import { CATALOG_CATEGORIES, CATALOG_SERVICES, SUBSCRIPTION_OFFERS } from './data/2026-11-22-50-service-catalog.js'

export async function up(db: Kysely<any>): Promise<void> {
  await createCatalog(db)
  await createSubscriptionOffers(db)
  await createOrders(db)
  await extendCompaniesAndContracts(db)
  await fillCatalog(db)
}

async function createCatalog(db: Kysely<any>) {
  await db.schema
    .createTable('catalog_categories')
    .addColumn('id', 'integer', identity(db))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('catalog_services')
    .addColumn('id', 'integer', identity(db))
    .addColumn('code', 'text', (c) => c.notNull().unique()) // the URL's :service
    .addColumn('category_id', 'integer', (c) => c.notNull().references('catalog_categories.id'))
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull()) // one line in the catalog
    .addColumn('summary_fr', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull()) // "More information"
    .addColumn('description_fr', 'text', (c) => c.notNull())
    .addColumn('conditions_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('conditions_fr', 'text', (c) => c.notNull().defaultTo(''))
    // free | fixed (price_cents per price_period, times quantity_field) | quote | reservation (the chosen subscription's price)
    .addColumn('pricing', 'text', (c) => c.notNull())
    .addColumn('price_cents', 'integer') // excluding VAT; fixed pricing only
    .addColumn('price_period', 'text') // one_time | monthly; fixed pricing only
    .addColumn('quantity_field', 'text') // the number field the price is multiplied by; null: one
    .addColumn('fields_json', 'text', (c) => c.notNull()) // src/lib/field-definitions.ts
    .addColumn('offers', 'text') // comma-separated; null: every offer
    .addColumn('referent_only', 'integer', (c) => c.notNull().defaultTo(0))
    // none | subscription | backup_console | support_level | rename_contract | set_ref1 | create_tenant
    .addColumn('effect', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('subscription_kinds', 'text') // reservation pricing: comma-separated subscription kinds
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('catalog_services_category').on('catalog_services').columns(['category_id', 'position']).execute()
}

async function createSubscriptionOffers(db: Kysely<any>) {
  await db.schema
    .createTable('subscription_offers')
    .addColumn('id', 'integer', identity(db))
    .addColumn('kind', 'text', (c) => c.notNull()) // a subscription kind (subscriptions.table.ts)
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('flavour', 'text', (c) => c.notNull()) // the template
    .addColumn('commitment_months', 'integer', (c) => c.notNull())
    .addColumn('monthly_price_cents', 'integer', (c) => c.notNull()) // per instance, excluding VAT
    .addColumn('payment_method', 'text', (c) => c.notNull()) // monthly | upfront
    .addColumn('available_quantity', 'integer', (c) => c.notNull()) // instances left to sell
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('subscription_offers_choice').on('subscription_offers').columns(['kind', 'region_code', 'flavour']).execute()
}

async function createOrders(db: Kysely<any>) {
  await db.schema
    .createTable('orders')
    .addColumn('request_id', 'integer', (c) => c.primaryKey().references('requests.id'))
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('catalog_services.id'))
    // The form's one-time token: a double click or a replayed POST finds the first order.
    .addColumn('order_token', 'text', (c) => c.notNull().unique())
    .addColumn('ordered_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('unit_price_cents', 'integer') // recomputed by the server from the catalog; null: free or on quote
    .addColumn('total_cents', 'integer')
    .addColumn('price_period', 'text')
    // What completing the order does, copied from the service when ordered, and its input.
    .addColumn('effect', 'text', (c) => c.notNull())
    .addColumn('effect_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('effect_applied_at', 'text') // set once, in the completing transaction
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('orders_contract').on('orders').columns(['contract_id', 'created_at']).execute()
  await db.schema.createIndex('orders_service').on('orders').column('service_id').execute() // the back-office's orders count per service
}

async function extendCompaniesAndContracts(db: Kysely<any>) {
  // Spec 003: "If your organization has the 'create a tenant online' option…"
  await db.schema.alterTable('companies').addColumn('create_tenant_online', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  // The File and Applicative Backup service: the Backup console role exists once it is active.
  await db.schema.alterTable('contracts').addColumn('backup_enabled_at', 'text').execute()
  // Contracts whose users already hold a Backup console role had the service before the catalog existed.
  await db.updateTable('contracts').set({ backup_enabled_at: new Date().toISOString() })
    .where('id', 'in', db.selectFrom('console_roles').select('contract_id').where('console', '=', 'backup'))
    .execute()
}

async function fillCatalog(db: Kysely<any>) {
  const now = new Date().toISOString()
  const categoryIds = new Map<string, number>()
  for (const [position, category] of CATALOG_CATEGORIES.entries()) {
    const { id } = await db.insertInto('catalog_categories').values({ ...category, position }).returning('id').executeTakeFirstOrThrow()
    categoryIds.set(category.code, id)
  }
  for (const [position, service] of CATALOG_SERVICES.entries()) {
    const { category, fields, ...columns } = service
    await db.insertInto('catalog_services').values({
      price_cents: null, price_period: null, quantity_field: null, offers: null, referent_only: 0, effect: 'none', subscription_kinds: null,
      ...columns, category_id: categoryIds.get(category), fields_json: JSON.stringify(fields), active: 1, position, created_at: now, updated_at: now,
    }).execute()
  }
  await db.insertInto('subscription_offers').values(SUBSCRIPTION_OFFERS.map((offer, position) => ({ ...offer, active: 1, position }))).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contracts').dropColumn('backup_enabled_at').execute()
  await db.schema.alterTable('companies').dropColumn('create_tenant_online').execute()
  for (const table of ['orders', 'subscription_offers', 'catalog_services', 'catalog_categories']) {
    await db.schema.dropTable(table).execute()
  }
}
