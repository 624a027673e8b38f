// Foundation schema: companies, contracts, users, roles, sessions, audit log.
// Portable types only (text, integer): the same migration runs on PostgreSQL.
import type { Kysely } from 'kysely'
import { identity } from '../src/db/portable.js'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('companies')
    .addColumn('id', 'integer', identity(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('registration_number', 'text')
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('city', 'text')
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('FR'))
    .addColumn('account_manager_name', 'text')
    .addColumn('account_manager_email', 'text')
    .addColumn('account_manager_phone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('companies_name').on('companies').column('name').execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', identity(db))
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('phone_mobile', 'text')
    .addColumn('phone_landline', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('company_id', 'integer', (c) => c.references('companies.id'))
    .addColumn('failed_login_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('is_staff', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('users_company').on('users').column('company_id').execute()

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'integer', identity(db))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('offer', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('support_level', 'text')
    .addColumn('support_commitment_end', 'text')
    .addColumn('referent_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('domain_owner_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('ref1', 'text')
    .addColumn('ref2', 'text')
    .addColumn('ref3', 'text')
    .addColumn('budget_cents', 'integer')
    .addColumn('budget_threshold_percent', 'integer')
    .addColumn('grouping_contract_id', 'integer', (c) => c.references('contracts.id'))
    .addColumn('share_requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('start_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('contracts_company').on('contracts').column('company_id').execute()
  await db.schema.createIndex('contracts_grouping').on('contracts').column('grouping_contract_id').execute()

  await db.schema
    .createTable('contract_roles')
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_roles_pk', ['contract_id', 'user_id', 'section'])
    .execute()
  // "My contracts": every contract of a user, covering the role for the list.
  await db.schema
    .createIndex('contract_roles_by_user')
    .on('contract_roles')
    .columns(['user_id', 'section', 'contract_id', 'role'])
    .execute()

  await db.schema
    .createTable('console_roles')
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('console', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('console_roles_pk', ['contract_id', 'user_id', 'console', 'role'])
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()
  await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', identity(db))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('contract_id', 'integer', (c) => c.references('contracts.id'))
    .addColumn('target_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('details', 'text')
    .addColumn('ip', 'text')
    .execute()
  await db.schema.createIndex('audit_log_contract').on('audit_log').columns(['contract_id', 'at']).execute()
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute()

  await db.schema
    .createTable('rate_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['rate_counters', 'audit_log', 'sessions', 'console_roles', 'contract_roles', 'contracts', 'users', 'companies']) {
    await db.schema.dropTable(table).execute()
  }
}
