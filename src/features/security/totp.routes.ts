// Turning two-factor authentication on (with a first code), off (with the
// password and a code), and replacing the recovery codes.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { writeAudit } from '../../audit/audit.js'
import { field } from '../../lib/forms.js'
import { verifyPassword } from '../../lib/passwords.js'
import { regenerateRecoveryCodes, looksLikeRecoveryCode, useRecoveryCode } from './recovery-codes.js'
import { acceptTotpCode, newTotpSecret, totpBox } from './totp.js'
import { findSecurityState } from './security.queries.js'
import { notify } from '../notifications/notifications.queries.js'
import { renderSecurity } from './security.routes.js'

const limited = { policy: 'authenticated' as const, rateLimit: { max: 10, timeWindow: 60_000 } }

export async function totpRoutes(app: FastifyInstance) {
  const box = totpBox(app.config.sessionSecret)

  app.post('/account/totp/start', { config: { policy: 'authenticated' } }, async (request, reply) => {
    await app.db.updateTable('users').set({ totp_secret: box.seal(newTotpSecret()), totp_enabled_at: null, totp_last_step: null })
      .where('id', '=', request.user!.id).where('totp_enabled_at', 'is', null).execute()
    return reply.redirect('/account/security', 303)
  })

  app.post('/account/totp/confirm', { config: limited }, async (request, reply) => {
    const state = await findSecurityState(app.db, request.user!.id)
    if (!state.totp_secret || state.totp_enabled_at) return renderSecurity(request, reply, { status: 422, errors: { code: 'security.error.code_wrong' } }) // nothing being enrolled
    const code = field(request.body, 'code').trim()
    const codes = await app.db.transaction().execute(async (trx) => {
      if (!(await acceptTotpCode(trx, box, request.user!.id, code))) return null
      await trx.updateTable('users').set({ totp_enabled_at: new Date().toISOString() }).where('id', '=', request.user!.id).execute()
      await writeAudit(trx, { action: 'totp.enabled', actorUserId: request.user!.id, targetUserId: request.user!.id, ip: request.ip })
      await notify(trx, request.user!.id, 'totp_enabled')
      return regenerateRecoveryCodes(trx, request.user!.id)
    })
    if (!codes) return renderSecurity(request, reply, { status: 422, errors: { code: code ? 'security.error.code_wrong' : 'security.error.code_required' } })
    return reply.render('security/recovery-codes', { codes, first: true })
  })

  app.post('/account/totp/recovery-codes', { config: limited }, async (request, reply) => {
    const state = await findSecurityState(app.db, request.user!.id)
    if (!state.totp_enabled_at || !(await verifyPassword(state.password_hash, field(request.body, 'password')))) {
      return renderSecurity(request, reply, { status: 422, errors: { regenerate_password: 'security.error.password_wrong' } })
    }
    const codes = await app.db.transaction().execute(async (trx) => {
      await writeAudit(trx, { action: 'totp.recovery_codes_regenerated', actorUserId: state.id, targetUserId: state.id, ip: request.ip })
      return regenerateRecoveryCodes(trx, state.id)
    })
    return reply.render('security/recovery-codes', { codes, first: false })
  })

  app.post('/account/totp/disable', { config: limited }, async (request, reply) => {
    const state = await findSecurityState(app.db, request.user!.id)
    if (state.is_staff) return renderSecurity(request, reply, { status: 422, errors: { disable_password: 'security.error.staff_must_keep' } })
    if (!(await verifyPassword(state.password_hash, field(request.body, 'password')))) {
      return renderSecurity(request, reply, { status: 422, errors: { disable_password: 'security.error.password_wrong' } })
    }
    if (!(await disable(request, state.id, field(request.body, 'code').trim()))) {
      return renderSecurity(request, reply, { status: 422, errors: { disable_code: 'security.error.code_wrong' } })
    }
    reply.flash('success', 'security.totp.disabled')
    return reply.redirect('/account/security', 303)
  })

  // The code (or a recovery code) is spent and 2FA removed in one transaction.
  async function disable(request: FastifyRequest, userId: number, code: string): Promise<boolean> {
    return app.db.transaction().execute(async (trx) => {
      const accepted = looksLikeRecoveryCode(code) ? await useRecoveryCode(trx, userId, code) : await acceptTotpCode(trx, box, userId, code)
      if (!accepted) return false
      await trx.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', userId).execute()
      await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
      await writeAudit(trx, { action: 'totp.disabled', actorUserId: userId, targetUserId: userId, ip: request.ip })
      await notify(trx, userId, 'totp_disabled')
      return true
    })
  }
}
