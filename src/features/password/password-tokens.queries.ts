// Single-use links to set a password. The token travels only in the email;
// the database keeps its SHA-256, so a leaked table opens no account.
import { createHash, randomBytes } from 'node:crypto'
import type { Executor } from '../../db/database.js'

export type TokenPurpose = 'reset' | 'welcome'
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = { reset: 3_600_000, welcome: 72 * 3_600_000 }

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A new token for the user; earlier unused ones of the same purpose stop working. */
export async function createPasswordToken(trx: Executor, userId: number, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await trx.updateTable('password_tokens').set({ used_at: now.toISOString() })
    .where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute()
  await trx.insertInto('password_tokens').values({
    user_id: userId, token_hash: hashToken(token), purpose,
    expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]).toISOString(), used_at: null, created_at: now.toISOString(),
  }).execute()
  return token
}

export type TokenLookup =
  | { state: 'valid'; id: number; userId: number; purpose: TokenPurpose; login: string }
  | { state: 'used' | 'expired' | 'unknown' }

export async function findPasswordToken(db: Executor, token: string, now = new Date()): Promise<TokenLookup> {
  if (token.length > 100) return { state: 'unknown' }
  const row = await db.selectFrom('password_tokens')
    .innerJoin('users', 'users.id', 'password_tokens.user_id')
    .select(['password_tokens.id', 'password_tokens.user_id', 'password_tokens.purpose', 'password_tokens.expires_at', 'password_tokens.used_at', 'users.login'])
    .where('password_tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row) return { state: 'unknown' }
  if (row.used_at) return { state: 'used' }
  if (row.expires_at <= now.toISOString()) return { state: 'expired' }
  return { state: 'valid', id: row.id, userId: row.user_id, purpose: row.purpose, login: row.login }
}

/** Marks the token used; false when another request used it first. */
export async function consumePasswordToken(trx: Executor, id: number, now = new Date()): Promise<boolean> {
  const result = await trx.updateTable('password_tokens').set({ used_at: now.toISOString() })
    .where('id', '=', id).where('used_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
