// What needs a staff member's attention, counted.
import type { Executor } from '../../../db/database.js'

export interface AttentionCounts {
  newMessages: number
  failedEmails: number
  lateEmails: number
  lockedAccounts: number
  openIncidents: number
  /** Transmitted and taken by nobody: the queue's default view. */
  newRequests: number
  /** Open past the support level's time to repair. */
  overdueRequests: number
}

/** Requests are counted up to this many (a million rows at bench scale): the tile then reads "10,000+". */
export const REQUEST_COUNT_CAP = 10_000

/** Emails still pending this long after their due time are late: the delivery job isn't keeping up. */
const LATE_AFTER_MS = 15 * 60_000

export async function countWhatNeedsAction(db: Executor, now = new Date()): Promise<AttentionCounts> {
  const late = new Date(now.getTime() - LATE_AFTER_MS).toISOString()
  const rows = await Promise.all([
    db.selectFrom('contact_messages').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'new').executeTakeFirstOrThrow(),
    db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'failed').executeTakeFirstOrThrow(),
    db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'pending').where('next_attempt_at', '<', late).executeTakeFirstOrThrow(),
    db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('locked_until', '>', now.toISOString()).executeTakeFirstOrThrow(),
    db.selectFrom('incidents').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'open').executeTakeFirstOrThrow(),
    // Through requests_assigned (assigned_user_id, status) and requests_status_due, counted up to the cap.
    db.selectFrom(db.selectFrom('requests').select('id').where('assigned_user_id', 'is', null).where('status', '=', 'transmitted').limit(REQUEST_COUNT_CAP).as('r'))
      .select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom(db.selectFrom('requests').select('id').where('status', 'in', ['transmitted', 'in_progress']).where('due_at', '<', now.toISOString()).limit(REQUEST_COUNT_CAP).as('r'))
      .select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ])
  const [newMessages, failedEmails, lateEmails, lockedAccounts, openIncidents, newRequests, overdueRequests] = rows.map((row) => Number(row.n)) as [number, number, number, number, number, number, number]
  return { newMessages, failedEmails, lateEmails, lockedAccounts, openIncidents, newRequests, overdueRequests }
}
