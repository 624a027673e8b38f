import type { Generated } from 'kysely'

/** Single-use links to set a password: only the SHA-256 of the token is kept. */
export interface PasswordTokensTable {
  id: Generated<number>
  user_id: number
  token_hash: string
  purpose: 'reset' | 'welcome'
  expires_at: string
  used_at: string | null
  created_at: string
}
