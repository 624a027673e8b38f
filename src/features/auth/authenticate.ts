// Checks a login and password against the account, its lock and the per-login
// throttle. Says what happened; the route decides what to show.
import type { Config } from '../../config.js'
import type { DB } from '../../db/database.js'
import { MAX_PASSWORD_LENGTH, needsRehash, hashPassword, verifyPassword } from '../../lib/passwords.js'
import { writeAudit } from '../../audit/audit.js'
import { findLoginCandidate, recordFailedLogin, recordSuccessfulLogin, type LoginCandidate } from './auth.queries.js'
import { hitRateCounter } from './login-throttle.js'
import { holdsAnyContract } from './auth.queries.js'

export type LoginOutcome =
  | { ok: true; userId: number; locale: 'en' | 'fr'; needsTotp: boolean }
  | { ok: false; reason: 'invalid' | 'throttled' | 'no_access' }
  | { ok: false; reason: 'locked'; until: string }

const LOGIN_WINDOW_MS = 15 * 60_000

export async function authenticate(db: DB, config: Config, login: string, password: string, ip: string): Promise<LoginOutcome> {
  const key = login.toLowerCase().slice(0, 64)
  if (!(await hitRateCounter(db, `login:${key}`, config.loginRateLimitPerLogin, LOGIN_WINDOW_MS))) {
    return { ok: false, reason: 'throttled' }
  }
  const user = login.length <= 64 ? await findLoginCandidate(db, key) : undefined
  const now = new Date()
  if (user?.locked_until && user.locked_until > now.toISOString()) {
    await verifyPassword(null, password)
    return { ok: false, reason: 'locked', until: user.locked_until }
  }
  const matches = password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(user?.password_hash ?? null, password))
  if (!user || !matches) return user ? failed(db, config, user, ip, now) : { ok: false, reason: 'invalid' }
  // A customer whose last contract access was deleted has nothing left to open.
  if (!user.is_staff && !(await holdsAnyContract(db, user.id))) return { ok: false, reason: 'no_access' }
  const needsTotp = user.totp_enabled_at !== null
  // With two factors, the failure count is reset only once the code passes (login-2fa.routes.ts).
  if (!needsTotp) await recordSuccessfulLogin(db, user.id, needsRehash(user.password_hash!) ? await hashPassword(password) : undefined)
  return { ok: true, userId: user.id, locale: user.locale, needsTotp }
}

export async function failed(db: DB, config: Config, user: Pick<LoginCandidate, 'id'>, ip: string, now: Date): Promise<LoginOutcome> {
  const until = new Date(now.getTime() + config.loginLockMinutes * 60_000)
  const locked = await db.transaction().execute(async (trx) => {
    const locks = await recordFailedLogin(trx, user, config.loginMaxFailures, until)
    if (locks) await writeAudit(trx, { action: 'account.locked', targetUserId: user.id, ip, details: { failures: config.loginMaxFailures } })
    return locks
  })
  return locked ? { ok: false, reason: 'locked', until: until.toISOString() } : { ok: false, reason: 'invalid' }
}
