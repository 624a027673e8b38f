// What user support changes, each in the caller's transaction with its audit
// row: unlocking an account, a new password link, resetting two factors.
import type { Executor } from '../../../db/database.js'
import { writeAudit } from '../../../audit/audit.js'
import { queueEmail } from '../../../mail/outbox.js'
import { notify } from '../../notifications/notifications.queries.js'
import { queueResetLink, queueWelcomeLink } from '../../password/password-links.js'
import type { SupportedUser } from './users.queries.js'

/** Who acts, from where, and the portal's address for links. */
export interface StaffActor {
  userId: number
  ip: string
  publicUrl: string
}

/** Lifts the lock, the failure count and the per-login throttle. */
export async function unlockAccount(trx: Executor, user: SupportedUser, actor: StaffActor): Promise<void> {
  await trx.updateTable('users').set({ locked_until: null, failed_login_count: 0, updated_at: new Date().toISOString() }).where('id', '=', user.id).execute()
  await trx.deleteFrom('rate_counters').where('key', '=', `login:${user.login}`).execute()
  await writeAudit(trx, {
    action: 'admin.user.unlocked', actorUserId: actor.userId, targetUserId: user.id, ip: actor.ip,
    details: { locked_until: user.locked_until, failed_login_count: user.failed_login_count },
  })
}

/** A user without a password gets a new welcome link, one with a password a reset link; older links stop working. */
export async function sendPasswordLink(trx: Executor, user: SupportedUser, actor: StaffActor): Promise<'welcome' | 'reset'> {
  if (user.invited) await queueWelcomeLink(trx, actor.publicUrl, user, { contractName: null, invitedBy: null })
  else await queueResetLink(trx, actor.publicUrl, user)
  const purpose = user.invited ? 'welcome' : 'reset'
  await writeAudit(trx, { action: user.invited ? 'admin.user.welcome_resent' : 'admin.user.reset_link_sent', actorUserId: actor.userId, targetUserId: user.id, ip: actor.ip, details: { email: user.email } })
  return purpose
}

/** Removes the TOTP secret and recovery codes and ends every session: the user logs in with the password only. */
export async function resetTwoFactors(trx: Executor, user: SupportedUser, reason: string, actor: StaffActor): Promise<void> {
  const now = new Date().toISOString()
  await trx.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now }).where('id', '=', user.id).execute()
  await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute()
  await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute()
  await writeAudit(trx, { action: 'admin.user.totp_reset', actorUserId: actor.userId, targetUserId: user.id, ip: actor.ip, details: { reason } })
  await notify(trx, user.id, 'totp_reset', {}, '/account/security')
  await queueEmail(trx, {
    to: user.email, locale: user.locale, template: 'totp_reset',
    data: { firstName: user.first_name, resetAt: now, securityLink: `${actor.publicUrl}/account/security` },
  })
}
