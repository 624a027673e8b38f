import type { Generated } from 'kysely'

/** A message to the company's web account manager: emailed, and kept for staff. */
export interface ContactMessagesTable {
  id: Generated<number>
  user_id: number
  company_id: number | null
  to_address: string
  subject: string
  message: string
  created_at: string
}
