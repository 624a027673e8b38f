// The outbox as staff see it, and "retry now". Sending stays the delivery
// job's (src/jobs/mail-delivery.ts): a retry only makes a message due again.
import { sql } from 'kysely'
import type { Executor } from '../../../db/database.js'
import type { OutboxMessage } from '../../../db/outbox.table.js'
import type { EmailStatusFilter } from './emails.form.js'
import { containsPattern } from '../../../lib/like-pattern.js'

export const EMAILS_PAGE_SIZE = 50

export interface EmailSearch {
  status: EmailStatusFilter
  q: string
}

function matching(db: Executor, search: EmailSearch) {
  let query = db.selectFrom('outbox')
  if (search.status !== 'all') query = query.where('status', '=', search.status)
  if (search.q) query = query.where((eb) => eb(sql`lower(to_address)`, 'like', sql`${containsPattern(search.q)} escape '\\'`))
  return query
}

export async function countEmails(db: Executor, search: EmailSearch): Promise<number> {
  const row = await matching(db, search).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A page of the log, newest first, without the bodies (a page shows no body). */
export function listEmails(db: Executor, search: EmailSearch, offset: number) {
  return matching(db, search)
    .select(['id', 'to_address', 'template', 'locale', 'subject', 'status', 'attempts', 'next_attempt_at', 'last_error', 'created_at', 'sent_at'])
    .orderBy('id', 'desc').limit(EMAILS_PAGE_SIZE).offset(offset).execute()
}

export async function countFailedEmails(db: Executor): Promise<number> {
  return countEmails(db, { status: 'failed', q: '' })
}

export function findEmail(db: Executor, id: number): Promise<OutboxMessage | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Makes a failed or pending message due now; a sent one is left alone (the
 * condition is in the UPDATE: a message the job sends meanwhile is not sent
 * twice). Attempts are kept: the job counts the next one and, for a message
 * that had used all of them, gives up again if that single attempt fails
 * (attempt > MAX_ATTEMPTS), so "retry now" means exactly one more try. True
 * when the message was made due.
 */
export async function retryEmail(trx: Executor, id: number, now: Date): Promise<boolean> {
  const result = await trx.updateTable('outbox').set({ status: 'pending', next_attempt_at: now.toISOString() })
    .where('id', '=', id).where('status', 'in', ['pending', 'failed']).executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** Every failed message due now, one more attempt each (see retryEmail); how many. */
export async function retryFailedEmails(trx: Executor, now: Date): Promise<number> {
  const result = await trx.updateTable('outbox').set({ status: 'pending', next_attempt_at: now.toISOString() })
    .where('status', '=', 'failed').executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * The text body with the token of every password link (reset and welcome
 * links both go to /password/reset/<token>) replaced by "…". Staff who open
 * the email log could otherwise use a customer's unused link to choose their
 * password; the path stays, so staff still see which link was sent.
 */
export function maskPasswordLinks(text: string): string {
  return text.replace(/(\/password\/reset\/)[^\s/?#"'<>)\]]+/g, '$1…')
}
