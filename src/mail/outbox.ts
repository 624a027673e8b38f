// The outbox table: every email is a row, written by queueEmail in the
// caller's transaction (no row if the change rolls back), and moved along
// pending → sent | failed by the delivery job (src/jobs/mail-delivery.ts).
// The row holds the rendered message, so what is sent is what was queued even
// if a template changes in between.
import type { Locale } from '../db/users.table.js'
import type { DB, Executor } from '../db/database.js'
import type { OutboxMessage } from '../db/outbox.table.js'
import { renderEmail, type TemplateData, type TemplateName } from './templates/index.js'

export type QueuedEmail = { [K in TemplateName]: { to: string; locale: Locale; template: K; data: TemplateData[K] } }[TemplateName]

export class InvalidRecipientError extends Error {
  override name = 'InvalidRecipientError'
}

// One plain address: a comma or angle bracket would let the text of a field
// turn into more recipients or a display name.
const ONE_ADDRESS = /^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"()[\]\\]+$/

/** Renders the email and writes it, pending, in the caller's transaction. Call it with `trx`. */
export async function queueEmail(db: Executor, email: QueuedEmail): Promise<void> {
  if (!ONE_ADDRESS.test(email.to)) throw new InvalidRecipientError(`not a single email address: ${JSON.stringify(email.to)}`)
  const rendered = renderEmail(email.template, email.locale, email.data)
  const now = new Date().toISOString()
  await db
    .insertInto('outbox')
    .values({
      to_address: email.to,
      template: email.template,
      locale: email.locale,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .execute()
}

/** Pending messages whose next attempt is due, oldest first. */
export async function listDueEmails(db: DB, now: Date, limit: number): Promise<OutboxMessage[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/**
 * Counts an attempt and books the next one before anything is sent, so that a
 * worker that dies mid-send leaves a message that is retried later, and a
 * second worker that read the same row loses this race instead of sending it
 * too. True when this caller won the message.
 */
export async function claimEmail(db: DB, message: OutboxMessage, retryAt: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ attempts: message.attempts + 1, next_attempt_at: retryAt.toISOString() })
    .where('id', '=', message.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', message.attempts)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function markEmailSent(db: DB, id: number, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now.toISOString(), last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute()
}

/** Keeps the error; `giveUp` ends the retries. */
export async function recordEmailFailure(db: DB, id: number, error: string, giveUp: boolean): Promise<void> {
  await db
    .updateTable('outbox')
    .set(giveUp ? { status: 'failed', last_error: error } : { last_error: error })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute()
}
