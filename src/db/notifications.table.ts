import type { Generated } from 'kysely'

export interface NotificationsTable {
  id: Generated<number>
  user_id: number
  /** The event kind; its text is the catalog key `notification.<kind>`. */
  kind: string
  /** JSON parameters of the text, rendered in the reader's language. */
  params: string | null
  link: string | null
  read_at: string | null
  created_at: string
}

export interface NotificationPreferencesTable {
  user_id: number
  kind: string
  channel: 'in_app' | 'email'
  enabled: number
}
