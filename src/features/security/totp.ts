// TOTP (RFC 6238, 30-second steps, 6 digits, what authenticator apps use),
// with one step of drift either way, and never the same step twice.
import otplib from 'otplib'
import QRCode from 'qrcode'
import type { Executor } from '../../db/database.js'
import { SecretBox } from '../../lib/secret-box.js'

const { authenticator } = otplib
authenticator.options = { window: 1, step: 30, digits: 6 }

export function totpBox(serverSecret: string): SecretBox {
  return new SecretBox(serverSecret, 'totp')
}

/** A new 20-byte secret, in the base32 form apps take. */
export function newTotpSecret(): string {
  return authenticator.generateSecret(20)
}

export async function enrolmentQrSvg(issuer: string, login: string, secret: string): Promise<string> {
  return QRCode.toString(authenticator.keyuri(login, issuer, secret), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
}

/** The time step a code is valid for (now, or one step before or after), or null. */
export function matchingStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const delta = authenticator.checkDelta(code, secret)
  return delta === null ? null : Math.floor(now / 30_000) + delta
}

/** Records `step` as the last one used, only if it is newer: of two requests
 * with the same code, one wins. */
export async function claimStep(trx: Executor, userId: number, step: number): Promise<boolean> {
  const result = await trx.updateTable('users').set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Checks a code against the user's secret and spends its step. */
export async function acceptTotpCode(trx: Executor, box: SecretBox, userId: number, code: string): Promise<boolean> {
  const user = await trx.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirst()
  if (!user?.totp_secret) return false
  const step = matchingStep(box.open(user.totp_secret), code.replace(/\s/g, ''))
  return step !== null && (await claimStep(trx, userId, step))
}

