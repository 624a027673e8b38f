// Which requests a user may see (PRODUCT.md, "Rights" and the rules under
// it): orders with orders ≥ visitor; incidents with support ≥ visitor and
// changes with services ≥ visitor, but only those they opened unless they are
// the referent or the contract shares its requests; and, on any contract
// where they hold a role, the requests they opened themselves. A contract
// whose referent requires two factors counts only once the user has them.
// Computed once per page from the user's roles, as contract ids per section,
// so that the requests query filters by indexed contract ids rather than
// joining roles row by row.
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
  /** Every contract where the user holds a role: there they see the requests
   * they opened whatever their section roles (a change a support-level
   * downgrade opened for a contracts manager without services, say). */
  authored: number[]
  /** Every contract on which the user sees at least something (their own requests included), by name: the list's contract filter. */
  contracts: Array<{ id: number; code: string; name: string }>
  /** When contracts are left out above because they require two factors the
   * user hasn't turned on: the scope they will have once they do. Only to
   * send them to enrol instead of a 404 (details.target.ts), never to show. */
  onceEnrolled?: RequestScope
}

const SECTIONS: RequestSection[] = ['orders', 'support', 'services']

type Passing = Awaited<ReturnType<typeof contractsPassing>>[number]

/** The user's contracts as the roles show them. */
interface HeldContracts {
  /** Every contract they hold a role on. */
  held: Passing[]
  /** Those passing visitor, per section. */
  bySection: Record<RequestSection, Passing[]>
  /** Those where only their own requests show (no section role), and they opened some. */
  authoredOnly: Set<number>
}

export async function loadRequestScope(db: Executor, user: ScopeUser): Promise<RequestScope> {
  // `contracts` is mandatory (never none): every contract the user holds.
  const held = await contractsPassing(db, user.id, { section: 'contracts', level: 'visitor' })
  const bySection = {} as Record<RequestSection, Passing[]>
  for (const section of SECTIONS) bySection[section] = await contractsPassing(db, user.id, { section, level: 'visitor' })
  const seen = new Set(SECTIONS.flatMap((section) => bySection[section].map((row) => row.id)))
  const authoredOnly = await contractsWithRequestsBy(db, user.id, held.filter((row) => !seen.has(row.id)).map((row) => row.id))
  const passing: HeldContracts = { held, bySection, authoredOnly }
  const whole = scopeOf(user.id, passing, () => true)
  if (held.every((row) => secondFactorMet(row, user))) return whole
  return { ...scopeOf(user.id, passing, (row) => secondFactorMet(row, user)), onceEnrolled: whole }
}

/** Among these contracts, those where the user opened a request: the list
 * names them although no section role shows their requests. Usually none to
 * look at; one `exists` each, stopping at the first request. */
async function contractsWithRequestsBy(db: Executor, userId: number, contractIds: number[]): Promise<Set<number>> {
  if (contractIds.length === 0) return new Set()
  const rows = await db.selectFrom('contracts').select('contracts.id')
    .where('contracts.id', 'in', contractIds)
    .where((eb) => eb.exists(eb.selectFrom('requests').select('requests.id')
      .whereRef('requests.contract_id', '=', 'contracts.id').where('requests.author_user_id', '=', userId)))
    .execute()
  return new Set(rows.map((row) => row.id))
}

function scopeOf(userId: number, { held, bySection, authoredOnly }: HeldContracts, keep: (row: Passing) => boolean): RequestScope {
  const sections = {} as Record<RequestSection, SectionScope>
  const contracts = new Map<number, { id: number; code: string; name: string }>()
  for (const section of SECTIONS) {
    const rows = bySection[section].filter(keep)
    const privateToAuthor = Object.values(REQUEST_TYPE_TABLE).some((row) => row.section === section && row.privateToAuthor)
    const seesAll = (row: Passing) => !privateToAuthor || row.referent_user_id === userId || row.share_requests === 1
    sections[section] = { all: rows.filter(seesAll).map((row) => row.id), own: rows.filter((row) => !seesAll(row)).map((row) => row.id) }
    for (const row of rows) contracts.set(row.id, { id: row.id, code: row.code, name: row.name })
  }
  for (const row of held.filter((row) => authoredOnly.has(row.id) && keep(row))) contracts.set(row.id, { id: row.id, code: row.code, name: row.name })
  const byName = [...contracts.values()].sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code))
  return { userId, sections, authored: held.filter(keep).map((row) => row.id), contracts: byName }
}

/** Whether the scope lets the user see anything at all (the Requests menu, the empty page). */
export function seesAnyRequest(scope: RequestScope): boolean {
  return scope.contracts.length > 0
}
