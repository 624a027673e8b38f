// Who hears of what staff do on a request: its author, and for an order the
// contract's referent too (once, if they are the author), each only while
// they may still see the request (src/policy/request-scope.ts: a role lowered
// or removed, a second factor the contract requires and they lack, and they
// hear nothing, a staff reply included). Each gets an in-app
// notification and an email in their own language, unless they turned that
// channel off in their preferences. Internal notes never come here.
// Written in the caller's transaction, with the change itself.
import type { Executor } from '../../db/database.js'
import type { RequestRow } from '../../db/requests.table.js'
import { translator } from '../../i18n/index.js'
import { queueEmail } from '../../mail/outbox.js'
import { loadRequestScope } from '../../policy/index.js'
import { notify, wants } from '../notifications/notifications.queries.js'
import { requestNumber } from './request-number.js'
import type { RequestStatus } from './request-types.js'
import { findVisibleRequest } from './visibility.js'

export interface NotifiedRequest extends Pick<RequestRow, 'id' | 'type' | 'title' | 'author_user_id'> {
  contract_name: string
  contract_code: string
  contract_referent_id: number | null
}

/** The people to tell who may see the request, read in the caller's transaction. */
export async function requestAudience(trx: Executor, request: NotifiedRequest) {
  const ids = new Set([request.author_user_id])
  if (request.type === 'order' && request.contract_referent_id !== null) ids.add(request.contract_referent_id)
  const people = await trx.selectFrom('users').select(['id', 'email', 'first_name', 'locale', 'totp_enabled_at']).where('id', 'in', [...ids]).orderBy('id').execute()
  const audience = []
  for (const person of people) {
    if (await findVisibleRequest(trx, await loadRequestScope(trx, person), request.id)) audience.push(person)
  }
  return audience
}

const pageOf = (request: NotifiedRequest) => `/requests/${requestNumber(request.id)}`

export async function notifyStatusChange(trx: Executor, request: NotifiedRequest, change: { to: RequestStatus; reason: string | null }, publicUrl: string) {
  const number = requestNumber(request.id)
  for (const person of await requestAudience(trx, request)) {
    // The status is shown in the reader's language: the notification keeps it as they read it.
    const status = translator(person.locale).t(`requests.status.${change.to}`)
    await notify(trx, person.id, 'request_status_changed', { number, title: request.title, status }, pageOf(request))
    if (!(await wants(trx, person.id, 'request_status_changed', 'email'))) continue
    await queueEmail(trx, {
      to: person.email, locale: person.locale, template: 'request_status',
      data: { firstName: person.first_name, number, title: request.title, contractName: request.contract_name, contractCode: request.contract_code,
        status: change.to, reason: change.to === 'rejected' ? change.reason : null, link: `${publicUrl}${pageOf(request)}` },
    })
  }
}

export async function notifyStaffReply(trx: Executor, request: NotifiedRequest, reply: { body: string; staffName: string }, publicUrl: string) {
  const number = requestNumber(request.id)
  for (const person of await requestAudience(trx, request)) {
    await notify(trx, person.id, 'request_reply', { number, title: request.title }, pageOf(request))
    if (!(await wants(trx, person.id, 'request_reply', 'email'))) continue
    await queueEmail(trx, {
      to: person.email, locale: person.locale, template: 'request_reply',
      data: { firstName: person.first_name, number, title: request.title, contractName: request.contract_name, contractCode: request.contract_code,
        staffName: reply.staffName, reply: reply.body, link: `${publicUrl}${pageOf(request)}` },
    })
  }
}
