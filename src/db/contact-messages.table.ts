import type { Generated } from 'kysely'

/** A message to the company's web account manager: emailed, and kept for
 * staff in the back-office inbox until handled. */
export interface ContactMessagesTable {
  id: Generated<number>
  user_id: number
  company_id: number | null
  to_address: string
  subject: string
  message: string
  created_at: string
  status: Generated<'new' | 'handled'>
  assigned_user_id: number | null
  handled_at: string | null
}

/** A staff answer to a message, sent to the customer by email. */
export interface ContactMessageRepliesTable {
  id: Generated<number>
  message_id: number
  author_user_id: number | null
  body: string
  at: string
}
