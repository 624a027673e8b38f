// The support actions on one account, each one transaction with its audit
// row, then a notice on the profile (post/redirect/get).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { findLoginThrottle, needsUnlock } from './users.queries.js'
import { resetTwoFactors, sendPasswordLink, unlockAccount, type StaffActor } from './users.writes.js'
import { readReason, reasonErrors } from './reset-2fa.form.js'
import { renderProfile } from './profile.handler.js'
import { targetUser } from './target-user.js'

function actorOf(request: FastifyRequest): StaffActor {
  return { userId: request.user!.id, ip: request.ip, publicUrl: request.server.config.publicUrl }
}

const profileUrl = (login: string) => `/admin/users/${login}`

// POST /admin/users/:login/unlock
export async function unlockUser(request: FastifyRequest, reply: FastifyReply) {
  const user = await targetUser(request)
  const throttle = await findLoginThrottle(request.server.db, user.login)
  if (!needsUnlock(user, throttle, request.server.config.loginRateLimitPerLogin)) {
    reply.flash('info', 'admin.users.unlock.nothing', { name: user.name })
    return reply.redirect(profileUrl(user.login), 303)
  }
  await request.server.db.transaction().execute((trx) => unlockAccount(trx, user, actorOf(request)))
  reply.flash('success', 'admin.users.unlock.done', { name: user.name })
  return reply.redirect(profileUrl(user.login), 303)
}

// POST /admin/users/:login/resend
export async function resendLink(request: FastifyRequest, reply: FastifyReply) {
  const user = await targetUser(request)
  const purpose = await request.server.db.transaction().execute((trx) => sendPasswordLink(trx, user, actorOf(request)))
  reply.flash('success', purpose === 'welcome' ? 'admin.users.resend.welcome_sent' : 'admin.users.resend.reset_sent', { email: user.email })
  return reply.redirect(profileUrl(user.login), 303)
}

// POST /admin/users/:login/reset-2fa
export async function resetTotp(request: FastifyRequest, reply: FastifyReply) {
  const user = await targetUser(request)
  const reason = readReason(request.body)
  if (!user.hasTotpSecret) {
    reply.flash('info', 'admin.users.totp_reset.nothing', { name: user.name })
    return reply.redirect(profileUrl(user.login), 303)
  }
  const errors = reasonErrors(reason)
  if (errors) return renderProfile(request, reply, user, { reason, errors }, 422)
  await request.server.db.transaction().execute((trx) => resetTwoFactors(trx, user, reason, actorOf(request)))
  reply.flash('success', 'admin.users.totp_reset.done', { name: user.name })
  return reply.redirect(profileUrl(user.login), 303)
}
