// Which requests a user may see (PRODUCT.md, "Rights" and the rules under
// it): orders with orders ≥ visitor; incidents with support ≥ visitor and
// changes with services ≥ visitor, but only those they opened unless they are
// the referent or the contract shares its requests. Computed once per page
// from the user's roles, as contract ids per section, so that the requests
// query filters by indexed contract ids rather than joining roles row by row.
import type { Executor } from '../db/database.js'
import { REQUEST_TYPE_TABLE, type RequestSection } from '../features/requests/request-types.js'
import { contractsPassing } from './guard.js'

export interface SectionScope {
  /** Contracts where the user sees every request of the section. */
  all: number[]
  /** Contracts where the user sees only the requests they opened. */
  own: number[]
}

export interface RequestScope {
  userId: number
  sections: Record<RequestSection, SectionScope>
  /** Every contract on which the user sees at least something, by name: the list's contract filter. */
  contracts: Array<{ id: number; code: string; name: string }>
}

const SECTIONS: RequestSection[] = ['orders', 'support', 'services']

export async function loadRequestScope(db: Executor, userId: number): Promise<RequestScope> {
  const sections = {} as Record<RequestSection, SectionScope>
  const contracts = new Map<number, { id: number; code: string; name: string }>()
  for (const section of SECTIONS) {
    const rows = await contractsPassing(db, userId, { section, level: 'visitor' })
    const privateToAuthor = Object.values(REQUEST_TYPE_TABLE).some((row) => row.section === section && row.privateToAuthor)
    const seesAll = (row: (typeof rows)[number]) => !privateToAuthor || row.referent_user_id === userId || row.share_requests === 1
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
