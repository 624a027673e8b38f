import type { Generated, Insertable, Selectable } from 'kysely'

export type Locale = 'en' | 'fr'

export interface UsersTable {
  id: Generated<number>
  /** 8–64 characters: letters, digits, . _ - */
  login: string
  /** Stored lower-cased: one identity per address. */
  email: string
  title: 'mr' | 'mrs' | null
  first_name: string
  last_name: string
  phone_mobile: string | null
  phone_landline: string | null
  /** argon2id; null until an invited user sets a password. */
  password_hash: string | null
  locale: Locale
  company_id: number | null
  failed_login_count: Generated<number>
  /** ISO time until which logins are refused after too many failures. */
  locked_until: string | null
  is_staff: Generated<number>
  last_login_at: string | null
  /** The TOTP secret, encrypted (src/lib/secret-box.ts); set while enrolling too. */
  totp_secret: string | null
  /** Set once a first code confirmed the enrolment: from then on login asks for a code. */
  totp_enabled_at: string | null
  /** The last accepted time step: a code is never accepted twice. */
  totp_last_step: number | null
  created_at: string
  updated_at: string
}

export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
