export interface SessionsTable {
  id: string
  user_id: number | null
  /** The session object as JSON. */
  data: string
  /** ISO time after which the row is dead (idle or absolute limit). */
  expires_at: string
  updated_at: string
}
