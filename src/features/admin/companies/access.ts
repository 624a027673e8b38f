// Declaring the referent and the domain owner on a contract, with their
// email, in the caller's transaction. The roles come from the rights table
// through roleRows (the referent: the highest role of every
// section of the offer; a domain owner who wasn't declared: the lowest) and
// are written by the rights feature's setRoles, which audits before/after.
import { roleRows } from '../../../policy/index.js'
import { writeAudit } from '../../../audit/audit.js'
import type { Executor } from '../../../db/database.js'
import type { Contract } from '../../../db/contracts.table.js'
import type { Locale } from '../../../db/users.table.js'
import { queueEmail } from '../../../mail/outbox.js'
import { queueWelcomeLink } from '../../password/password-links.js'
import type { PersonForm } from '../../rights/person.form.js'
import type { RolesForm } from '../../rights/roles.form.js'
import { setRoles } from '../../rights/rights.writes.js'
import type { Actor } from './params.js'

export interface Invitee {
  id: number
  login: string
  email: string
  first_name: string
  last_name: string
  locale: Locale
}

function holderRoles(contract: Contract, level: 'highest' | 'lowest'): RolesForm {
  const rows = roleRows(contract.id, 0, contract.offer, level === 'highest' ? 'highest' : {})
  return { roles: Object.fromEntries(rows.map((row) => [row.section, row.role])), consoles: [] }
}

/** Declares the user on the contract; console roles are left to the customer's FE console manager. */
export async function grantAccess(trx: Executor, contract: Contract, userId: number, level: 'highest' | 'lowest', actor: Actor) {
  await setRoles(trx, contract, userId, holderRoles(contract, level), actor, false, 'admin.contract.access_granted')
}

/** A new customer account in the contract's company, with no password until the welcome link is used. */
export async function createInvitee(trx: Executor, person: PersonForm, companyId: number): Promise<Invitee> {
  const now = new Date().toISOString()
  return trx.insertInto('users').values({
    login: person.login, email: person.email, title: person.title as 'mr' | 'mrs', first_name: person.first_name, last_name: person.last_name,
    phone_mobile: person.phone || null, phone_landline: null, password_hash: null, locale: person.locale as Locale,
    company_id: companyId, locked_until: null, last_login_at: null, created_at: now, updated_at: now,
  }).returning(['id', 'login', 'email', 'first_name', 'last_name', 'locale']).executeTakeFirstOrThrow()
}

/** The rights wizard's welcome email: login and a link to choose a password. */
export async function sendWelcome(trx: Executor, publicUrl: string, contract: Contract, invitee: Invitee, actor: Actor) {
  await queueWelcomeLink(trx, publicUrl, invitee, { contractName: contract.name, invitedBy: actor.name })
  await writeAudit(trx, { action: 'admin.user.invited', actorUserId: actor.userId, contractId: contract.id, targetUserId: invitee.id, ip: actor.ip,
    details: { login: invitee.login, email: invitee.email } })
}

/** To a user who already has an account: one more contract, same login and password. */
export async function sendContractAccess(trx: Executor, publicUrl: string, contract: Contract, invitee: Invitee, actor: Actor) {
  await queueEmail(trx, { to: invitee.email, locale: invitee.locale, template: 'contract_access', data: {
    firstName: invitee.first_name, contractName: contract.name, contractCode: contract.code, invitedBy: actor.name,
    link: `${publicUrl}/contracts/${contract.code}`,
  } })
}
