import t from 'tap'
import { Migrator, sql } from 'kysely'
import { openDatabase } from '../../src/db/connection.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { migrations } from '../../migrations/index.js'

t.test('migrations build every table on an empty database, and a second run is a no-op', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.destroy())
  const first = await migrateToLatest(db)
  t.equal(first.results?.length, Object.keys(migrations).length)
  t.ok(first.results?.every((r) => r.status === 'Success'))
  const tables = await db.introspection.getTables()
  t.same(tables.map((table) => table.name).sort(), ['audit_log', 'companies', 'console_roles', 'contact_messages', 'contract_roles', 'contracts', 'job_leases', 'notification_preferences', 'notifications', 'outbox', 'password_tokens', 'rate_counters', 'recovery_codes', 'sessions', 'users', 'contact_message_replies', 'incident_regions', 'incident_updates', 'incidents', 'maintenance_window_regions', 'maintenance_windows', 'platform_regions', 'platforms', 'staff_roles', 'usage_records', 'usage_daily', 'budget_alerts', 'subscriptions', 'subscription_cancellations', 'support_level_changes', 'documents', 'requests', 'request_events', 'request_comments', 'request_attachments', 'change_catalogs', 'change_categories', 'change_items', 'usage_imports', 'usage_monthly', 'invoice_counters', 'invoices', 'invoice_lines', 'payments', 'catalog_categories', 'catalog_services', 'subscription_offers', 'orders'].sort())
  const second = await migrateToLatest(db)
  t.same(second.results, [], 'nothing to do the second time')
})

t.test('every connection has foreign keys on, WAL on files and a busy timeout', async (t) => {
  const dir = t.testdir()
  const db = openDatabase(`${dir}/portal.db`)
  t.teardown(() => db.destroy())
  const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0]
  t.equal(await pragma('foreign_keys'), 1)
  t.equal(await pragma('journal_mode'), 'wal')
  t.equal(await pragma('busy_timeout'), 5000)
  await migrateToLatest(db)
  await t.rejects(
    db.insertInto('contracts').values({ code: 'OCB0000001', name: 'x', company_id: 999, offer: 'fe', status: 'active', support_level: null, support_commitment_end: null, referent_user_id: null, domain_owner_user_id: null, ref1: null, ref2: null, ref3: null, budget_cents: null, budget_threshold_percent: null, grouping_contract_id: null, start_date: null, created_at: '', updated_at: '' }).execute(),
    /FOREIGN KEY/,
    'a contract of an unknown company is refused',
  )
})

t.test('usage recorded before the bills migration joins the monthly roll-up, per contract, month, service and metric', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.destroy())
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  t.notOk((await migrator.migrateTo('2026-11-22-30-requests')).error)
  const company = await db.insertInto('companies').values({ name: 'Before bills', registration_number: null, address: null, postal_code: null, city: null, country: 'FR', account_manager_name: null, account_manager_email: null, account_manager_phone: null, created_at: '' } as never).returning('id').executeTakeFirstOrThrow()
  const contract = await db.insertInto('contracts').values({ code: 'OCB0000001', name: 'x', company_id: company.id, offer: 'fe', status: 'active', support_level: null, support_commitment_end: null, referent_user_id: null, domain_owner_user_id: null, ref1: null, ref2: null, ref3: null, budget_cents: null, budget_threshold_percent: null, grouping_contract_id: null, start_date: null, created_at: '', updated_at: '' } as never).returning('id').executeTakeFirstOrThrow()
  for (const day of ['2026-10-01', '2026-10-02', '2026-11-01']) {
    await db.insertInto('usage_records').values({ contract_id: contract.id, day, service: 'ecs', resource: 'vm-1', metric: 'vCPU-hours', unit: 'h', quantity_milli: 1500, unit_price_micro: 10_000, amount_micro: 15_000, import_id: null }).execute()
  }
  t.notOk((await migrator.migrateToLatest()).error)
  const monthly = await db.selectFrom('usage_monthly').select(['month', 'quantity_milli', 'amount_micro']).orderBy('month').execute()
  t.same(monthly, [{ month: '2026-10', quantity_milli: 3000, amount_micro: 30_000 }, { month: '2026-11', quantity_milli: 1500, amount_micro: 15_000 }])
})
