// What user support reads: the search over every account, one account's
// state, the contracts it is declared on, its recent audit entries.
import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'
import { flag } from '../../../db/portable.js'
import { fewIds, startingWith } from '../search.js'
import { rightsFrom, sectionsForOffer, type Level, type Section } from '../../../policy/index.js'
import type { UserFilters } from './users.filters.js'

export const USERS_PAGE_SIZE = 25
const RECENT_AUDIT = 20

/** `%q%` for LIKE, with LIKE's own wildcards in `q` taken literally. */
function containing(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

// What the search box looks in. Each person's field is matched from its start, through the
// indexes of migrations/2026-11-22-25-back-office-indexes.ts (the expressions must stay the
// indexes' own): a "contains" over 50,000 accounts read every row, 50 ms a search. The name is
// searched both ways round, so a first or a last name is a start. The company name is matched
// anywhere ("rivage" finds Banque du Rivage): companies are few, and the accounts of those
// matching are found by their company.
const FROM_START = [
  sql<string>`lower(users.first_name || ' ' || users.last_name)`,
  sql<string>`lower(users.last_name || ' ' || users.first_name)`,
  sql<string>`users.login`, // stored lower-case
  sql<string>`lower(users.email)`,
]

/** The companies whose name holds `key` anywhere. */
function companiesNaming(db: Executor, key: string) {
  return db.selectFrom('companies').select('companies.id').where(sql<boolean>`lower(companies.name) like ${containing(key)} escape '\\'`)
}

export async function searchUsers(db: Executor, filters: UserFilters, page: number, now = new Date()) {
  let query = db.selectFrom('users')
  if (filters.q) {
    const key = filters.q.toLowerCase()
    // The companies are read once, for both the page and its count.
    const companies = companiesNaming(db, key)
    const companyIds = await fewIds(companies)
    query = query.where((eb) => eb.or([
      ...FROM_START.map((expression) => startingWith(expression, key)),
      ...companyIds === undefined ? [eb('users.company_id', 'in', companies)] : companyIds.length > 0 ? [eb('users.company_id', 'in', companyIds)] : [],
    ]))
  }
  // The accounts locked now are a handful: looked up by their own index, then sorted. Asked as
  // `locked_until > now` alone, SQLite would rather walk all 50,000 accounts in name order to spare the sort.
  if (filters.state === 'locked') query = query.where('users.id', 'in', db.selectFrom('users').select('users.id').where('users.locked_until', '>', now.toISOString()))
  if (filters.state === 'invited') query = query.where('users.password_hash', 'is', null)
  if (filters.state === 'totp') query = query.where('users.totp_enabled_at', 'is not', null)
  if (filters.state === 'staff') query = query.where('users.is_staff', '=', 1)
  const [rows, total] = await Promise.all([
    query.leftJoin('companies', 'companies.id', 'users.company_id')
      .select(['users.id', 'users.login', 'users.email', 'users.first_name', 'users.last_name', 'users.is_staff', 'users.locked_until',
        'users.totp_enabled_at', 'users.last_login_at', 'companies.name as company_name', flag(sql`users.password_hash is null`).as('invited')])
      .orderBy('users.last_name').orderBy('users.first_name').orderBy('users.id')
      .limit(USERS_PAGE_SIZE).offset((page - 1) * USERS_PAGE_SIZE).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows.map((row) => ({ ...row, locked: isLocked(row.locked_until, now), invited: row.invited === 1 })), total: Number(total.n) }
}

export function isLocked(lockedUntil: string | null, now = new Date()): boolean {
  return lockedUntil !== null && lockedUntil > now.toISOString()
}

/** One account as support sees it; undefined (→ 404) for an unknown login. */
export async function findSupportedUser(db: Executor, login: string) {
  const row = await db.selectFrom('users').leftJoin('companies', 'companies.id', 'users.company_id')
    .select(['users.id', 'users.login', 'users.email', 'users.title', 'users.first_name', 'users.last_name', 'users.phone_mobile', 'users.phone_landline',
      'users.locale', 'users.is_staff', 'users.failed_login_count', 'users.locked_until', 'users.last_login_at', 'users.totp_enabled_at', 'users.created_at',
      'companies.name as company_name', flag(sql`users.password_hash is null`).as('invited'), flag(sql`users.totp_secret is not null`).as('has_totp_secret')])
    .where('users.login', '=', login).executeTakeFirst()
  if (!row) return undefined
  const { invited, has_totp_secret, ...user } = row
  return { ...user, invited: invited === 1, hasTotpSecret: has_totp_secret === 1, name: `${row.first_name} ${row.last_name}` }
}

export type SupportedUser = NonNullable<Awaited<ReturnType<typeof findSupportedUser>>>

/** The newest unused welcome link, if any: when the invitation stops working. */
export async function findInvitation(db: Executor, userId: number) {
  return db.selectFrom('password_tokens').select('expires_at')
    .where('user_id', '=', userId).where('purpose', '=', 'welcome').where('used_at', 'is', null)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst()
}

/** Attempts counted against the login in the current window (src/features/auth/login-throttle.ts). */
export async function findLoginThrottle(db: Executor, login: string) {
  return db.selectFrom('rate_counters').select(['count', 'window_start']).where('key', '=', `login:${login}`).executeTakeFirst()
}

/** Whether unlocking would change anything: a lock (even one run out, which still shows), failures
 * counted, or attempts up to the per-login limit. A counter under the limit is every login's, even a good one's. */
export function needsUnlock(user: SupportedUser, throttle: { count: number } | undefined, perLoginLimit: number): boolean {
  return user.locked_until !== null || user.failed_login_count > 0 || (throttle !== undefined && throttle.count >= perLoginLimit)
}

export interface ContractOfUser {
  code: string
  name: string
  offer: string
  status: string
  isReferent: boolean
  isDomainOwner: boolean
  /** Every section of the offer, grouped by the user's role on it, highest first. */
  roles: Array<{ level: Level; sections: Section[] }>
}

/** Every contract the user is declared on, with their effective role per section. */
export async function listContractsOfUser(db: Executor, userId: number): Promise<ContractOfUser[]> {
  const rows = await db.selectFrom('contract_roles').innerJoin('contracts', 'contracts.id', 'contract_roles.contract_id')
    .selectAll('contracts').select(['contract_roles.section', 'contract_roles.role'])
    .where('contract_roles.user_id', '=', userId).orderBy('contracts.code').execute()
  const byContract = new Map<number, { contract: (typeof rows)[number]; stored: Map<string, string> }>()
  for (const row of rows) {
    const entry = byContract.get(row.id) ?? { contract: row, stored: new Map<string, string>() }
    entry.stored.set(row.section, row.role)
    byContract.set(row.id, entry)
  }
  return [...byContract.values()]
    .filter(({ stored }) => stored.has('contracts')) // declared: the mandatory section is there
    .map(({ contract: { section: _section, role: _role, ...contract }, stored }) => {
      const rights = rightsFrom(contract, userId, stored)
      const sections = sectionsForOffer(contract.offer).map((row) => row.name)
      const roles = (['manager', 'visitor', 'none'] as const)
        .map((level) => ({ level, sections: sections.filter((name) => rights.levels[name] === level) }))
        .filter((group) => group.sections.length > 0)
      return { code: contract.code, name: contract.name, offer: contract.offer, status: contract.status, isReferent: rights.isReferent, isDomainOwner: rights.isDomainOwner, roles }
    })
}

/** The latest audit entries the user did or was the target of. */
export async function listRecentAuditOfUser(db: Executor, userId: number) {
  const rows = await db.selectFrom('audit_log')
    .leftJoin('users as actor', 'actor.id', 'audit_log.actor_user_id')
    .leftJoin('contracts', 'contracts.id', 'audit_log.contract_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.details', 'audit_log.ip', 'actor.login as actor_login', 'contracts.code as contract_code'])
    .where((eb) => eb.or([eb('audit_log.target_user_id', '=', userId), eb('audit_log.actor_user_id', '=', userId)]))
    .orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(RECENT_AUDIT).execute()
  return rows.map((row) => ({ ...row, details: describeDetails(row.details) }))
}

/** "reason: lost phone" lines from the JSON of an audit row; nested values stay JSON. */
function describeDetails(details: string | null): string[] {
  if (!details) return []
  const parsed = JSON.parse(details) as Record<string, unknown>
  return Object.entries(parsed).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
}
