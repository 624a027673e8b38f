// GET /admin/users/:login: who the user is, the state of their account, the
// contracts they are declared on with their roles, and what the audit log
// says about them; with the support actions (unlock, password link, 2FA reset).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FieldErrors } from '../../../lib/forms.js'
import { loadStaffRoles } from '../../../policy/index.js'
import { TOKEN_LIFETIME_MS } from '../../password/password-tokens.queries.js'
import { findInvitation, findLoginThrottle, isLocked, needsUnlock, listContractsOfUser, listRecentAuditOfUser, type SupportedUser } from './users.queries.js'
import { REASON_MAX } from './reset-2fa.form.js'
import { targetUser } from './target-user.js'

export async function showUser(request: FastifyRequest, reply: FastifyReply) {
  return renderProfile(request, reply, await targetUser(request))
}

/** The profile page; the 2FA reset form's errors and typed reason when it comes back with a 422. */
export async function renderProfile(request: FastifyRequest, reply: FastifyReply, user: SupportedUser, form: { reason?: string; errors?: FieldErrors } = {}, status = 200) {
  const db = request.server.db
  const [contracts, audit, invitation, throttle, staffRoles] = await Promise.all([
    listContractsOfUser(db, user.id), listRecentAuditOfUser(db, user.id), findInvitation(db, user.id),
    findLoginThrottle(db, user.login), user.is_staff ? loadStaffRoles(db, user.id) : Promise.resolve([]),
  ])
  const now = new Date().toISOString()
  return reply.code(status).render('admin/users/show', {
    target: user, locked: isLocked(user.locked_until), canUnlock: needsUnlock(user, throttle, request.server.config.loginRateLimitPerLogin), contracts, audit, staffRoles, throttle,
    invitation: invitation ? { expiresAt: invitation.expires_at, expired: invitation.expires_at <= now } : undefined,
    welcomeHours: TOKEN_LIFETIME_MS.welcome / 3_600_000, resetMinutes: TOKEN_LIFETIME_MS.reset / 60_000,
    values: { reason: form.reason ?? '' }, errors: form.errors ?? {}, reasonMax: REASON_MAX,
  })
}
