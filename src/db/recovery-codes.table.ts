import type { Generated } from 'kysely'

/** Ten single-use codes that replace a TOTP code; only their hash is kept. */
export interface RecoveryCodesTable {
  id: Generated<number>
  user_id: number
  code_hash: string
  used_at: string | null
}
