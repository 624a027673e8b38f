// Save of the add-user wizard, in one transaction: the user (new, or found by
// their email), their roles, the invitation email, the audit rows.
import type { FastifyRequest } from 'fastify'
import { writeAudit } from '../../audit/audit.js'
import { queueEmail } from '../../mail/outbox.js'
import { can } from '../../policy/index.js'
import type { Executor } from '../../db/database.js'
import { queueWelcomeLink, type LinkRecipient } from '../password/password-links.js'
import type { PersonForm } from './person.form.js'
import type { RolesForm } from './roles.form.js'
import { setRoles } from './rights.writes.js'

/** Returns the login of the user who now has access. */
export async function saveNewAccess(request: FastifyRequest, person: PersonForm, roles: RolesForm): Promise<string> {
  const app = request.server
  const { contract } = request.rights!
  const actor = { userId: request.user!.id, ip: request.ip }
  const invitedBy = `${request.user!.first_name} ${request.user!.last_name}`
  return app.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString()
    const existing = await trx.selectFrom('users').select(['id', 'login', 'first_name', 'email', 'locale']).where('email', '=', person.email).executeTakeFirst()
    const user = existing ?? await trx.insertInto('users').values({
      login: person.login, email: person.email, title: person.title as 'mr' | 'mrs', first_name: person.first_name, last_name: person.last_name,
      phone_mobile: person.phone || null, phone_landline: null, password_hash: null, locale: person.locale as 'en' | 'fr',
      company_id: contract.company_id, locked_until: null, last_login_at: null, created_at: now, updated_at: now,
    }).returning(['id', 'login', 'first_name', 'email', 'locale']).executeTakeFirstOrThrow()
    await setRoles(trx, contract, user.id, roles, actor, can(request.rights, 'fe_console', 'manager'), 'rights.user_added')
    if (existing) {
      await queueEmail(trx, { to: user.email, locale: user.locale, template: 'contract_access',
        data: { firstName: user.first_name, contractName: contract.name, contractCode: contract.code, invitedBy, link: `${app.config.publicUrl}/contracts/${contract.code}` } })
    } else {
      await sendWelcome(trx, request, user, contract.name, invitedBy)
    }
    return user.login
  })
}

export async function sendWelcome(trx: Executor, request: FastifyRequest, user: LinkRecipient, contractName: string, invitedBy: string) {
  await queueWelcomeLink(trx, request.server.config.publicUrl, user, { contractName, invitedBy })
  await writeAudit(trx, { action: 'rights.invitation_sent', actorUserId: request.user!.id, contractId: request.rights!.contract.id, targetUserId: user.id, ip: request.ip })
}
