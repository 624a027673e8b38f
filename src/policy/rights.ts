// A user's rights on one contract, computed once per request. The referent
// override is decided here and only here.
import type { Executor } from '../db/database.js'
import type { Contract } from '../db/contracts.table.js'
import { RIGHTS_TABLE, rank, sectionsForOffer, type Level, type Section } from './rights-table.js'

export interface Rights {
  contract: Contract
  userId: number
  isReferent: boolean
  isDomainOwner: boolean
  levels: Record<Section, Level>
}

/** The contract with the user's rights, found through the user's own roles:
 * undefined when the user holds no role on it (the caller answers 404). */
export async function loadRights(db: Executor, userId: number, contractCode: string): Promise<Rights | undefined> {
  const rows = await db
    .selectFrom('contracts')
    .innerJoin('contract_roles', (join) =>
      join.onRef('contract_roles.contract_id', '=', 'contracts.id').on('contract_roles.user_id', '=', userId))
    .selectAll('contracts')
    .select(['contract_roles.section', 'contract_roles.role'])
    .where('contracts.code', '=', contractCode)
    .execute()
  const first = rows[0]
  if (!first || !rows.some((row) => row.section === 'contracts')) return undefined
  const { section: _section, role: _role, ...contract } = first
  return rightsFrom(contract, userId, new Map(rows.map((row) => [row.section, row.role])))
}

/** The contract's referent: the highest role everywhere, and the only one
 * who orders the referent-only catalog services (also checked when staff
 * complete such an order, when no request rights exist). */
export function isContractReferent(contract: Pick<Contract, 'referent_user_id'>, userId: number): boolean {
  return contract.referent_user_id === userId
}

/** Effective levels from stored roles: only the sections of the contract's
 * offer, each clamped to the roles that section offers; the referent holds the
 * highest role everywhere. */
export function rightsFrom(contract: Contract, userId: number, stored: Map<string, string>): Rights {
  const isReferent = isContractReferent(contract, userId)
  const onOffer = new Set(sectionsForOffer(contract.offer).map((row) => row.name))
  const levels = Object.fromEntries(
    RIGHTS_TABLE.map((row) => [row.name, onOffer.has(row.name) ? effectiveLevel(row.roles, stored.get(row.name), isReferent) : 'none']),
  ) as Record<Section, Level>
  return { contract, userId, isReferent, isDomainOwner: contract.domain_owner_user_id === userId, levels }
}

function effectiveLevel(offered: readonly Level[], stored: string | undefined, isReferent: boolean): Level {
  if (isReferent) return offered[offered.length - 1] as Level
  if (stored !== undefined && (offered as readonly string[]).includes(stored)) return stored as Level
  return offered[0] as Level
}

/** Pure: does this set of rights reach `level` on `section`? */
export function can(rights: Rights | undefined, section: Section, level: Level): boolean {
  if (!rights) return false
  return rank(rights.levels[section]) >= rank(level)
}

/** The sections the user holds at each level above none, highest first:
 * how a user's roles on a contract read in one glance. */
export function sectionsByLevel(rights: Rights): Array<{ level: Level; sections: Section[] }> {
  return (['manager', 'visitor'] as const)
    .map((level) => ({ level, sections: RIGHTS_TABLE.map((row) => row.name).filter((name) => rights.levels[name] === level) }))
    .filter((group) => group.sections.length > 0)
}

/** The holder roles this user may hand over on the contract: the referent
 * both, the domain owner their own. */
export function rolesToHandOver(rights: Rights): Array<'referent' | 'domain_owner'> {
  if (rights.isReferent) return ['referent', 'domain_owner']
  return rights.isDomainOwner ? ['domain_owner'] : []
}
