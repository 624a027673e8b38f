// What staff change on a message, each in the caller's transaction with its
// audit row. Messages belong to a company, not a contract: the audit row
// names the message (details.message_id) and the sender as target.
import type { Executor } from '../../../db/database.js'
import { writeAudit } from '../../../audit/audit.js'
import { queueEmail } from '../../../mail/outbox.js'
import type { InboxMessage, InboxStaff } from './inbox.queries.js'

export interface InboxActor {
  userId: number
  name: string
  ip: string
}

export type MessageStatus = 'new' | 'handled'

export async function assignMessage(trx: Executor, message: InboxMessage, assignee: InboxStaff | null, actor: InboxActor): Promise<void> {
  await trx.updateTable('contact_messages').set({ assigned_user_id: assignee?.id ?? null }).where('id', '=', message.id).execute()
  await writeAudit(trx, {
    action: assignee ? 'admin.message.assigned' : 'admin.message.unassigned', actorUserId: actor.userId, targetUserId: message.sender_id, ip: actor.ip,
    details: { message_id: message.id, before: message.assignee_login, after: assignee?.login ?? null },
  })
}

export async function setMessageStatus(trx: Executor, message: InboxMessage, status: MessageStatus, actor: InboxActor): Promise<void> {
  await trx.updateTable('contact_messages').set({ status, handled_at: status === 'handled' ? new Date().toISOString() : null }).where('id', '=', message.id).execute()
  await writeAudit(trx, {
    action: 'admin.message.status_changed', actorUserId: actor.userId, targetUserId: message.sender_id, ip: actor.ip,
    details: { message_id: message.id, before: message.status, after: status },
  })
}

/** Keeps the reply, emails it to the sender in their language, and marks the message handled when asked. */
export async function replyToMessage(trx: Executor, message: InboxMessage, reply: { body: string; handled: boolean }, actor: InboxActor): Promise<void> {
  const now = new Date().toISOString()
  await trx.insertInto('contact_message_replies').values({ message_id: message.id, author_user_id: actor.userId, body: reply.body, at: now }).execute()
  await queueEmail(trx, {
    to: message.sender_email, locale: message.sender_locale, template: 'account_manager_reply',
    data: { firstName: message.sender_first, staffName: actor.name, subject: message.subject, message: message.message, sentAt: message.created_at, reply: reply.body },
  })
  await writeAudit(trx, {
    action: 'admin.message.replied', actorUserId: actor.userId, targetUserId: message.sender_id, ip: actor.ip,
    details: { message_id: message.id, handled: reply.handled },
  })
  if (reply.handled && message.status !== 'handled') await setMessageStatus(trx, message, 'handled', actor)
}
