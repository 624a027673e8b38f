// The two emails that carry a password link: the welcome link of an account
// that has no password yet, and the reset link. The forgotten-password page,
// the rights wizard and the back-office send them through here, so a link
// means the same thing whoever asked for it.
import type { Executor } from '../../db/database.js'
import type { Locale } from '../../db/users.table.js'
import { queueEmail } from '../../mail/outbox.js'
import { createPasswordToken, TOKEN_LIFETIME_MS } from './password-tokens.queries.js'

export interface LinkRecipient {
  id: number
  login: string
  first_name: string
  email: string
  locale: Locale
}

/** A new welcome link (older unused ones stop working), queued by email. Call it with `trx`. */
export async function queueWelcomeLink(trx: Executor, publicUrl: string, user: LinkRecipient, from: { contractName: string | null; invitedBy: string | null }): Promise<void> {
  const token = await createPasswordToken(trx, user.id, 'welcome')
  await queueEmail(trx, {
    to: user.email, locale: user.locale, template: 'welcome',
    data: { firstName: user.first_name, login: user.login, link: `${publicUrl}/password/reset/${token}`, expiresInHours: TOKEN_LIFETIME_MS.welcome / 3_600_000, ...from },
  })
}

/** A new reset link (older unused ones stop working), queued by email. Call it with `trx`. */
export async function queueResetLink(trx: Executor, publicUrl: string, user: Omit<LinkRecipient, 'login'>): Promise<void> {
  const token = await createPasswordToken(trx, user.id, 'reset')
  await queueEmail(trx, {
    to: user.email, locale: user.locale, template: 'password_reset',
    data: { firstName: user.first_name, link: `${publicUrl}/password/reset/${token}`, expiresInMinutes: TOKEN_LIFETIME_MS.reset / 60_000 },
  })
}
