// The back-office reads whole tables at full scale (50,000 users, 10,000
// contracts): without these indexes its lists scanned and sorted every user
// for each page, and its counts read every row. Measured on the bench data
// set, see bench/README.md, "Back-office (issue 6)".
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The users list in its order (last name, first name, then the id every index ends with): a page is its first 25 entries.
  await db.schema.createIndex('users_by_name').on('users').columns(['last_name', 'first_name']).execute()
  // The search looks up the start of a name either way round and of an email (src/features/admin/users/users.queries.ts).
  await db.schema.createIndex('users_full_name').on('users').expression(sql`lower(first_name || ' ' || last_name)`).execute()
  await db.schema.createIndex('users_name_first').on('users').expression(sql`lower(last_name || ' ' || first_name)`).execute()
  await db.schema.createIndex('users_email_lower').on('users').expression(sql`lower(email)`).execute()
  // The states a filter (and the dashboard's count of locked accounts) picks out are a few accounts among
  // thousands: partial indexes, in the list's order, hold only those.
  await db.schema.createIndex('users_locked').on('users').column('locked_until').where('locked_until', 'is not', null).execute()
  await db.schema.createIndex('users_invited').on('users').columns(['last_name', 'first_name']).where(sql.ref('password_hash'), 'is', null).execute()
  await db.schema.createIndex('users_with_totp').on('users').columns(['last_name', 'first_name']).where(sql.ref('totp_enabled_at'), 'is not', null).execute()
  await db.schema.createIndex('users_staff').on('users').columns(['last_name', 'first_name']).where(sql.ref('is_staff'), '=', 1).execute()
  // Billing contacts in their order (company, then code): each company's contracts come out sorted.
  await db.schema.createIndex('contracts_company_code').on('contracts').columns(['company_id', 'code']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['contracts_company_code', 'users_staff', 'users_with_totp', 'users_invited', 'users_locked', 'users_email_lower', 'users_name_first', 'users_full_name', 'users_by_name']) {
    await db.schema.dropIndex(index).execute()
  }
}
