// Who on the staff side hears of what a customer does on a request: the
// staff member who took it gets an in-app notification when the customer
// comments (or reopens it by commenting), linking to the request's staff
// page. Nobody has taken it: nobody is told (the "new" queue shows it).
// Written in the caller's transaction, with the comment itself; the assignee
// is read there too, so a request taken meanwhile notifies its new holder.
import type { Executor } from '../../db/database.js'
import { notify } from '../notifications/notifications.queries.js'
import { requestNumber } from './request-number.js'

export async function notifyAssigneeOfCustomerComment(trx: Executor, comment: { requestId: number; authorId: number }): Promise<void> {
  const req = await trx.selectFrom('requests').select(['id', 'title', 'assigned_user_id']).where('id', '=', comment.requestId).executeTakeFirst()
  if (!req || req.assigned_user_id === null || req.assigned_user_id === comment.authorId) return
  const customer = await trx.selectFrom('users').select(['first_name', 'last_name']).where('id', '=', comment.authorId).executeTakeFirstOrThrow()
  const number = requestNumber(req.id)
  await notify(trx, req.assigned_user_id, 'request_customer_comment', { number, title: req.title, name: `${customer.first_name} ${customer.last_name}` }, `/admin/requests/${number}`)
}
