// The outbox table: every email is a row, written by queueEmail in the
// caller's transaction (no row if the change rolls back), and moved along
// pending → sent | failed by the delivery job (src/jobs/mail-delivery.ts).
// The row holds the rendered message, so what is sent is what was queued even
// if a template changes in between. Attached files are stored in the row too
// (base64), bounded so that a message stays a few megabytes at most.
import type { Locale } from '../db/users.table.js'
import type { DB, Executor } from '../db/database.js'
import type { OutboxAttachment, OutboxMessage } from '../db/outbox.table.js'
import { renderEmail, type TemplateData, type TemplateName } from './templates/index.js'

export type QueuedEmail = { [K in TemplateName]: { to: string; locale: Locale; template: K; data: TemplateData[K]; attachments?: readonly EmailAttachment[] } }[TemplateName]

/** A file sent with an email. */
export interface EmailAttachment {
  /** A plain file name, no path: invoice-F2026-000001.pdf */
  filename: string
  contentType: string
  content: Buffer
}

/** The most an email's attachments may weigh together (before base64): an invoice PDF is a few kilobytes. */
export const MAX_ATTACHMENTS_BYTES = 5 * 1024 * 1024

export class InvalidAttachmentError extends Error {
  override name = 'InvalidAttachmentError'
}

export class InvalidRecipientError extends Error {
  override name = 'InvalidRecipientError'
}

// One plain address: a comma or angle bracket would let the text of a field
// turn into more recipients or a display name.
const ONE_ADDRESS = /^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"()[\]\\]+$/

/** Renders the email and writes it, pending, in the caller's transaction. Call it with `trx`. */
export async function queueEmail(db: Executor, email: QueuedEmail): Promise<void> {
  if (!ONE_ADDRESS.test(email.to)) throw new InvalidRecipientError(`not a single email address: ${JSON.stringify(email.to)}`)
  const attachments = attachmentsJson(email.attachments ?? [])
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
      attachments_json: attachments,
    })
    .execute()
}

// A file name is a header parameter: no path, no control character, no quote, short.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const CONTENT_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/

function attachmentsJson(attachments: readonly EmailAttachment[]): string | null {
  if (attachments.length === 0) return null
  let bytes = 0
  for (const attachment of attachments) {
    if (!FILE_NAME.test(attachment.filename)) throw new InvalidAttachmentError(`not a plain file name: ${JSON.stringify(attachment.filename)}`)
    if (!CONTENT_TYPE.test(attachment.contentType)) throw new InvalidAttachmentError(`not a content type: ${JSON.stringify(attachment.contentType)}`)
    bytes += attachment.content.length
  }
  if (bytes > MAX_ATTACHMENTS_BYTES) throw new InvalidAttachmentError(`attachments of ${bytes} bytes, more than ${MAX_ATTACHMENTS_BYTES}`)
  const stored: OutboxAttachment[] = attachments.map((attachment) => ({
    filename: attachment.filename, contentType: attachment.contentType, contentBase64: attachment.content.toString('base64'),
  }))
  return JSON.stringify(stored)
}

/** The files of an outbox row, as queued. */
export function attachmentsOf(message: Pick<OutboxMessage, 'attachments_json'>): EmailAttachment[] {
  if (!message.attachments_json) return []
  return (JSON.parse(message.attachments_json) as OutboxAttachment[]).map((attachment) => ({
    filename: attachment.filename, contentType: attachment.contentType, content: Buffer.from(attachment.contentBase64, 'base64'),
  }))
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
