// The route guard: every route declares its policy in `config`, and this is
// how a `{ section, level }` policy is enforced.
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { BadRequestError, ForbiddenError, NotFoundError, SecondFactorRequiredError } from '../lib/http-errors.js'
import type { Executor } from '../db/database.js'
import { can, loadRights, rolesToHandOver } from './rights.js'
import { rank, RIGHTS_TABLE, type Level, type Section } from './rights-table.js'
import type { StaffPolicy } from './staff-guard.js'

export interface SectionPolicy {
  section: Section
  level: Level
  /** Only the contract's referent (handing the role over, the audit log, requiring 2FA). */
  referentOnly?: boolean
  /** The referent or the domain owner (handing the domain owner role over). */
  referentOrDomainOwner?: boolean
  /** A list page of a top menu (Rights, Bills…): without `?contract=`, the
   * first of the user's contracts that passes the policy is used. */
  defaultContract?: boolean
}

export type RoutePolicy = 'authenticated' | SectionPolicy | StaffPolicy

/** Finds the contract named by the route (`:code`, `?contract=` or a
 * `contract` form field) through the user's roles: 404 when they hold none on
 * it, 403 when their role is below the policy. */
export function contractGuard(policy: SectionPolicy): preHandlerAsyncHookHandler {
  return async function guardContract(request) {
    const db = request.server.db
    const userId = request.user?.id
    if (userId === undefined) throw new NotFoundError()
    const code = contractCodeOf(request) ?? (policy.defaultContract ? await firstContractPassing(db, userId, policy) : undefined)
    const rights = code ? await loadRights(db, userId, code) : undefined
    if (!rights) throw new NotFoundError()
    request.rights = rights
    if (!can(rights, policy.section, policy.level)) throw new ForbiddenError(policy)
    if (policy.referentOnly && !rights.isReferent) throw new ForbiddenError({ section: 'referent', level: 'manager' })
    if (policy.referentOrDomainOwner && !rolesToHandOver(rights).includes('domain_owner')) throw new ForbiddenError({ section: 'referent', level: 'manager' })
    // A suspended or closed contract stays readable by its users, but nothing on it changes.
    if (rights.contract.status !== 'active' && request.method !== 'GET' && request.method !== 'HEAD') {
      throw new ForbiddenError({ section: 'contract_status', level: rights.contract.status })
    }
    // The referent may require two factors on the contract: enrol first.
    if (!secondFactorMet(rights.contract, request.user!)) throw new SecondFactorRequiredError(rights.contract.name)
  }
}

/** Whether the user meets the contract's two-factor requirement (its referent
 * may require it): what isn't met, the user reaches through no page, list,
 * export or email until they enrol. */
export function secondFactorMet(contract: { require_totp: number }, user: { totp_enabled_at: string | null }): boolean {
  return contract.require_totp !== 1 || Boolean(user.totp_enabled_at)
}

/** The contract code the request names; undefined when it names none (an
 * empty `?contract=` included). A code no contract can have is a 404; a form
 * field sent twice a 400. */
function contractCodeOf(request: FastifyRequest): string | undefined {
  const sources = [request.params, request.query, request.body] as Array<Record<string, unknown> | undefined>
  const [fromParams, fromQuery, fromBody] = sources
  if (Array.isArray(fromBody?.contract)) throw new BadRequestError('contract sent twice')
  const code = fromParams?.code ?? fromQuery?.contract ?? fromBody?.contract
  if (typeof code !== 'string' || code.length === 0) return undefined
  if (code.length > 32) throw new NotFoundError()
  return code
}

/** The user's contracts on which `policy` passes, by name: the contract filter of a top menu page. */
export async function contractsPassing(db: Executor, userId: number, policy: { section: Section; level: Level }) {
  const rows = await db.selectFrom('contracts')
    .innerJoin('contract_roles', 'contract_roles.contract_id', 'contracts.id')
    .select(['contracts.id', 'contracts.code', 'contracts.name', 'contracts.offer', 'contracts.referent_user_id', 'contracts.share_requests', 'contracts.require_totp', 'contract_roles.role'])
    .where('contract_roles.user_id', '=', userId).where('contract_roles.section', '=', policy.section)
    .orderBy('contracts.name').orderBy('contracts.code')
    .execute()
  const offered = RIGHTS_TABLE.find((row) => row.name === policy.section)!
  return rows.filter((row) => {
    const level = (row.referent_user_id === userId ? offered.roles[offered.roles.length - 1] : row.role) as Level
    return (offered.roles as readonly string[]).includes(level) && rank(level) >= rank(policy.level) && rightsApply(row.offer, policy.section)
  })
}

function rightsApply(offer: string, section: Section): boolean {
  const row = RIGHTS_TABLE.find((r) => r.name === section)!
  return !('offers' in row) || (row.offers as readonly string[]).includes(offer)
}

// None passes: the user's first contract all the same, so that they get the
// 403 naming the role needed rather than a 404 (they do hold contracts).
async function firstContractPassing(db: Executor, userId: number, policy: SectionPolicy): Promise<string | undefined> {
  const [first] = await contractsPassing(db, userId, policy)
  if (first) return first.code
  const [any] = await contractsPassing(db, userId, { section: 'contracts', level: 'visitor' })
  return any?.code
}

