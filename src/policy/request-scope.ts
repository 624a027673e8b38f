// Which requests a user may see (PRODUCT.md, "Rights" and the rules under
// it): orders with orders ≥ visitor; incidents with support ≥ visitor and
// changes with services ≥ visitor, but only those they opened unless they are
// the referent or the contract shares its requests. A contract whose referent
// requires two factors counts only once the user has them. Computed once per
// page from the user's roles, as contract ids per section, so that the
// requests query filters by indexed contract ids rather than joining roles
// row by row.
import type { Executor } from '../db/database.js'
import { REQUEST_TYPE_TABLE, type RequestSection } from '../features/requests/request-types.js'
import { contractsPassing, secondFactorMet } from './guard.js'

export interface SectionScope {
  /** Contracts where the user sees every request of the section. */
  all: number[]
  /** Contracts where the user sees only the requests they opened. */
  own: number[]
}

/** Who the scope is for: the signed-in user (or a notification's recipient). */
export interface ScopeUser {
  id: number
  totp_enabled_at: string | null
}

export interface RequestScope {
  userId: number
  sections: Record<RequestSection, SectionScope>
  /** Every contract on which the user sees at least something, by name: the list's contract filter. */
  contracts: Array<{ id: number; code: string; name: string }>
  /** When contracts are left out above because they require two factors the
   * user hasn't turned on: the scope they will have once they do. Only to
   * send them to enrol instead of a 404 (details.target.ts), never to show. */
  onceEnrolled?: RequestScope
}

const SECTIONS: RequestSection[] = ['orders', 'support', 'services']

type Passing = Awaited<ReturnType<typeof contractsPassing>>[number]

export async function loadRequestScope(db: Executor, user: ScopeUser): Promise<RequestScope> {
  const bySection = {} as Record<RequestSection, Passing[]>
  for (const section of SECTIONS) bySection[section] = await contractsPassing(db, user.id, { section, level: 'visitor' })
  const whole = scopeOf(user.id, bySection, () => true)
  if (SECTIONS.every((section) => bySection[section].every((row) => secondFactorMet(row, user)))) return whole
  return { ...scopeOf(user.id, bySection, (row) => secondFactorMet(row, user)), onceEnrolled: whole }
}

function scopeOf(userId: number, bySection: Record<RequestSection, Passing[]>, keep: (row: Passing) => boolean): RequestScope {
  const sections = {} as Record<RequestSection, SectionScope>
  const contracts = new Map<number, { id: number; code: string; name: string }>()
  for (const section of SECTIONS) {
    const rows = bySection[section].filter(keep)
    const privateToAuthor = Object.values(REQUEST_TYPE_TABLE).some((row) => row.section === section && row.privateToAuthor)
    const seesAll = (row: Passing) => !privateToAuthor || row.referent_user_id === userId || row.share_requests === 1
    sections[section] = { all: rows.filter(seesAll).map((row) => row.id), own: rows.filter((row) => !seesAll(row)).map((row) => row.id) }
    for (const row of rows) contracts.set(row.id, { id: row.id, code: row.code, name: row.name })
  }
  const byName = [...contracts.values()].sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code))
  return { userId, sections, contracts: byName }
}

/** Whether the scope lets the user see anything at all (the Requests menu, the empty page). */
export function seesAnyRequest(scope: RequestScope): boolean {
  return scope.contracts.length > 0
}
