// "Update your password": the current one first; success ends the user's
// other sessions and tells them by email.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { writeAudit } from '../../audit/audit.js'
import { field, type FieldErrors } from '../../lib/forms.js'
import { hashPassword, verifyPassword } from '../../lib/passwords.js'
import { passwordStrength } from '../../lib/password-rules.js'
import { queueEmail } from '../../mail/outbox.js'
import { notify } from '../notifications/notifications.queries.js'
import { newPasswordErrors } from '../password/new-password.form.js'
import { findAccount, type Account } from './account.queries.js'

export async function passwordRoutes(app: FastifyInstance) {
  app.get('/account/password', { config: { policy: 'authenticated' } }, async (request, reply) => reply.render('account/password'))

  app.post('/account/password', {
    config: { policy: 'authenticated', rateLimit: { max: 10, timeWindow: 60_000 } },
  }, async (request, reply) => {
    const account = await findAccount(app.db, request.user!.id)
    const current = field(request.body, 'current_password')
    const next = field(request.body, 'new_password')
    const errors = await passwordChangeErrors(account, current, next, field(request.body, 'confirm_password'))
    if (errors) return reply.code(422).render('account/password', { errors })
    await changePassword(app, request, account, await hashPassword(next))
    reply.flash('success', 'account.password.saved', { strength: request.i18n.t(`password.strength.${passwordStrength(next)}`) })
    return reply.redirect('/account', 303)
  })
}

async function passwordChangeErrors(account: Account, current: string, next: string, confirm: string): Promise<FieldErrors | undefined> {
  if (!current) return { current_password: 'account.error.current_required' }
  if (!(await verifyPassword(account.password_hash, current))) return { current_password: 'account.error.current_wrong' }
  const errors = newPasswordErrors(next, confirm, account.login, 'new_password', 'confirm_password')
  if (errors) return errors
  if (next === current) return { new_password: 'password.rule.same_as_current' }
  return undefined
}

async function changePassword(app: FastifyInstance, request: FastifyRequest, account: Account, passwordHash: string) {
  const now = new Date().toISOString()
  await app.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', account.id).execute()
    await trx.deleteFrom('sessions').where('user_id', '=', account.id).where('id', '!=', request.session.sessionId).execute()
    await writeAudit(trx, { action: 'password.changed', actorUserId: account.id, targetUserId: account.id, ip: request.ip })
    await notify(trx, account.id, 'password_changed')
    await queueEmail(trx, {
      to: account.email, locale: account.locale, template: 'password_changed',
      data: { firstName: account.first_name, changedAt: now, ip: request.ip, forgotLink: `${app.config.publicUrl}/password/forgot` },
    })
  })
}
