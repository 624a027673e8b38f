// Ten single-use recovery codes: shown once, stored as SHA-256 hashes (they
// are random and long enough that a fast hash is safe).
import { createHash, randomBytes } from 'node:crypto'
import type { Executor } from '../../db/database.js'

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789' // no 0/o, 1/l/i: easy to copy by hand

function hash(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex')
}

function newCode(): string {
  const bytes = randomBytes(10)
  const chars = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('')
  return `${chars.slice(0, 5)}-${chars.slice(5)}`
}

/** Replaces the user's codes with ten new ones, returned in clear this once. */
export async function regenerateRecoveryCodes(trx: Executor, userId: number): Promise<string[]> {
  const codes = Array.from({ length: 10 }, newCode)
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  await trx.insertInto('recovery_codes').values(codes.map((code) => ({ user_id: userId, code_hash: hash(code), used_at: null }))).execute()
  return codes
}

export function looksLikeRecoveryCode(input: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(input.trim())
}

/** Spends a recovery code: true once per code. */
export async function useRecoveryCode(trx: Executor, userId: number, input: string): Promise<boolean> {
  const result = await trx.updateTable('recovery_codes').set({ used_at: new Date().toISOString() })
    .where('user_id', '=', userId).where('code_hash', '=', hash(input)).where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countUnusedRecoveryCodes(db: Executor, userId: number): Promise<number> {
  const row = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow()
  return Number(row.n)
}
