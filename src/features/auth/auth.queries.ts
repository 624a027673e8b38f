import { sql } from 'kysely'
import type { Executor } from '../../db/database.js'
import type { Locale } from '../../db/users.table.js'

/** The signed-in user as every request sees it. */
export interface CurrentUser {
  id: number
  login: string
  email: string
  first_name: string
  last_name: string
  locale: Locale
  is_staff: number
  totp_enabled_at: string | null
}

export function findCurrentUser(db: Executor, userId: number): Promise<CurrentUser | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'login', 'email', 'first_name', 'last_name', 'locale', 'is_staff', 'totp_enabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
}

export function findLoginCandidate(db: Executor, login: string) {
  return db
    .selectFrom('users')
    .select(['id', 'login', 'password_hash', 'failed_login_count', 'locked_until', 'locale', 'totp_enabled_at', 'is_staff'])
    .where('login', '=', login.toLowerCase())
    .executeTakeFirst()
}

export type LoginCandidate = NonNullable<Awaited<ReturnType<typeof findLoginCandidate>>>

/** Counts a failure; the `maxFailures`-th in a row locks the account until `lockUntil`.
 * Returns true when this failure locked it. The count is incremented in the
 * statement, not from the value read before the (slow) password check, so
 * parallel failures each count; inside the caller's transaction the row stays
 * locked until commit, so exactly one of them reaches the limit. */
export async function recordFailedLogin(db: Executor, user: Pick<LoginCandidate, 'id'>, maxFailures: number, lockUntil: Date): Promise<boolean> {
  const { failed_login_count: failures } = await db.updateTable('users')
    .set({ failed_login_count: sql`failed_login_count + 1` })
    .where('id', '=', user.id)
    .returning('failed_login_count')
    .executeTakeFirstOrThrow()
  if (failures < maxFailures) return false
  await db.updateTable('users').set({ failed_login_count: 0, locked_until: lockUntil.toISOString() }).where('id', '=', user.id).execute()
  return true
}

export async function recordSuccessfulLogin(db: Executor, userId: number, passwordHash?: string): Promise<void> {
  const now = new Date().toISOString()
  await db
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null, last_login_at: now, ...(passwordHash ? { password_hash: passwordHash } : {}) })
    .where('id', '=', userId)
    .execute()
}

export async function holdsAnyContract(db: Executor, userId: number): Promise<boolean> {
  const row = await db.selectFrom('contract_roles').select('contract_id').where('user_id', '=', userId).where('section', '=', 'contracts').limit(1).executeTakeFirst()
  return Boolean(row)
}
