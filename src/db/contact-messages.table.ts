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
  /** message: to the account manager (My account); advisor, callback: from Need help. */
  kind: Generated<'message' | 'advisor' | 'callback'>
  /** The contract it concerns (Need help). */
  contract_id: number | null
  /** Callbacks: the number to call and the start of the chosen slot (ISO UTC). */
  phone: string | null
  callback_at: string | null
}

/** A staff answer to a message, sent to the customer by email. */
export interface ContactMessageRepliesTable {
  id: Generated<number>
  message_id: number
  author_user_id: number | null
  body: string
  at: string
}
