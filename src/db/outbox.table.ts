import type { Generated, Selectable } from 'kysely'

/** Every email, written in the transaction of the change that causes it and
 * delivered by the mail job. Rendered when queued: what was sent is what the
 * row says. */
export interface OutboxTable {
  id: Generated<number>
  to_address: string
  template: string
  locale: string
  subject: string
  text_body: string
  html_body: string
  /** pending → sent, or failed after the last retry. */
  status: Generated<'pending' | 'sent' | 'failed'>
  attempts: Generated<number>
  next_attempt_at: string
  last_error: string | null
  created_at: string
  sent_at: string | null
  /** The files sent with it: a JSON list of OutboxAttachment, null when none. */
  attachments_json: string | null
}

/** One attached file as the outbox stores it (base64: the column is text). */
export interface OutboxAttachment {
  filename: string
  contentType: string
  contentBase64: string
}

export type OutboxMessage = Selectable<OutboxTable>
