// The contract_roles rows that declare a user on a contract: one per section
// of the rights table that exists on the offer. The referent's are the
// highest role of each section; sections left out get their lowest role.
import type { Offer } from '../db/contracts.table.js'
import { sectionsForOffer, type Level, type Section } from './rights-table.js'

export type SectionRoles = Partial<Record<Section, Level>>

export function roleRows(contractId: number, userId: number, offer: Offer, roles: SectionRoles | 'highest') {
  return sectionsForOffer(offer).map((row) => ({
    contract_id: contractId,
    user_id: userId,
    section: row.name,
    role: roles === 'highest' ? row.roles[row.roles.length - 1]! : roles[row.name] ?? row.roles[0]!,
  }))
}
