// Handing the referent or the domain owner role to another user of the
// contract (each independent of the other), and requiring two factors. Each
// asks for the password again (step-up) and is audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { writeAudit } from '../../audit/audit.js'
import { field } from '../../lib/forms.js'
import { verifyPassword } from '../../lib/passwords.js'
import type { MessageKey } from '../../i18n/index.js'
import { findContractUser } from '../rights/rights.queries.js'
import { renderContract } from './contracts.routes.js'

type Holder = 'referent' | 'domain_owner'
const COLUMN = { referent: 'referent_user_id', domain_owner: 'domain_owner_user_id' } as const

export async function roleHoldersRoutes(app: FastifyInstance) {
  app.post('/contracts/:code/referent', { config: { policy: { section: 'contracts', level: 'visitor', referentOnly: true } } },
    async (request, reply) => handOver(request, reply, 'referent'))

  app.post('/contracts/:code/domain-owner', { config: { policy: { section: 'contracts', level: 'visitor', referentOrDomainOwner: true } } },
    async (request, reply) => handOver(request, reply, 'domain_owner'))

  app.post('/contracts/:code/require-2fa', { config: { policy: { section: 'contracts', level: 'visitor', referentOnly: true } } }, async (request, reply) => {
    const { contract } = request.rights!
    const required = field(request.body, 'required') === 'yes' ? 1 : 0
    if (!(await passwordConfirmed(request))) return refuse(request, reply, 'require_password', 'contracts.error.password_wrong')
    await app.db.transaction().execute(async (trx) => {
      await trx.updateTable('contracts').set({ require_totp: required, updated_at: new Date().toISOString() }).where('id', '=', contract.id).execute()
      await writeAudit(trx, { action: 'contract.require_2fa', actorUserId: request.user!.id, contractId: contract.id, ip: request.ip, details: { before: contract.require_totp, after: required } })
    })
    reply.flash('success', required ? 'contracts.require_2fa.on' : 'contracts.require_2fa.off')
    return reply.redirect(`/contracts/${contract.code}`, 303)
  })
}

async function handOver(request: FastifyRequest, reply: FastifyReply, holder: Holder) {
  const { contract } = request.rights!
  const target = await findContractUser(request.server.db, contract, field(request.body, 'login'))
  if (!target || target.pending) return refuse(request, reply, `${holder}_login`, 'contracts.error.not_a_user')
  if (!(await passwordConfirmed(request))) return refuse(request, reply, `${holder}_password`, 'contracts.error.password_wrong')
  await request.server.db.transaction().execute(async (trx) => {
    await trx.updateTable('contracts').set({ [COLUMN[holder]]: target.id, updated_at: new Date().toISOString() }).where('id', '=', contract.id).execute()
    await writeAudit(trx, {
      action: `contract.${holder}_changed`, actorUserId: request.user!.id, contractId: contract.id, targetUserId: target.id, ip: request.ip,
      details: { before: contract[COLUMN[holder]], after: target.id },
    })
  })
  reply.flash('success', `contracts.${holder}.changed`, { name: `${target.first_name} ${target.last_name}` })
  return reply.redirect(`/contracts/${contract.code}`, 303)
}

async function passwordConfirmed(request: FastifyRequest): Promise<boolean> {
  const user = await request.server.db.selectFrom('users').select('password_hash').where('id', '=', request.user!.id).executeTakeFirstOrThrow()
  return verifyPassword(user.password_hash, field(request.body, 'password'))
}

// The contract page again, with the error next to the form's field.
function refuse(request: FastifyRequest, reply: FastifyReply, fieldId: string, key: MessageKey) {
  return renderContract(request, reply, { errors: { [fieldId]: key } }, 422)
}
