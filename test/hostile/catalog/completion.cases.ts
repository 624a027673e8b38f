// The catalog's completion hostile rows (see ../cases.ts for how rows work):
// the staff status form on order requests, whose completion applies the
// order's effect. The demo data has two order requests without an order row
// (placed before the catalog): REQ-000009 (helene.fabre on OCB0000301,
// transmitted) and REQ-000010 (on OCB0000302, completed). Refused moves,
// repeated fields and a completed order posted again write nothing: no
// status, no effect (orders.effect_applied_at, subscriptions, contracts).
// An order whose effect is refused (409) needs an order row, which no demo
// data nor hostile setup makes yet: test/features/order-completion.test.ts
// proves that one (nothing written, 409 with the message).
import type { HostileCase, HostileExpect, HostileRequest, MessageRef } from '../cases.js'

const SUPPORT = 'thomas.girard' // locale en: the requests area
const TRANSMITTED_ORDER = '/admin/requests/REQ-000009/status'
const COMPLETED_ORDER = '/admin/requests/REQ-000010/status'

const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const refusedMove: HostileExpect = { status: 422, messages: ['admin.requests.error.transition'] }
const repeated: HostileExpect = { status: 400, messages: BAD_REQUEST }

const post = (url: string, form: Record<string, string | string[]>): HostileRequest => ({ method: 'POST', url, as: SUPPORT, form })

const statusCases: HostileCase[] = [
  { name: 'completing a transmitted order at once (not taken in progress first) is refused with 422 and applies nothing',
    request: post(TRANSMITTED_ORDER, { status: 'completed', reason: '' }), expect: refusedMove },
  { name: 'an order\'s status sent twice (in progress and completed) is a 400 and applies nothing',
    request: post(TRANSMITTED_ORDER, { status: ['in_progress', 'completed'], reason: '' }), expect: repeated },
  { name: 'an order\'s status "completed" sent twice is a 400 and applies nothing',
    request: post(TRANSMITTED_ORDER, { status: ['completed', 'completed'], reason: '' }), expect: repeated },
  { name: 'an order\'s rejection reason sent twice is a 400 and applies nothing',
    request: post(TRANSMITTED_ORDER, { status: 'rejected', reason: ['No stock', 'No stock'] }), expect: repeated },
  { name: 'rejecting an order without a reason is refused with 422 next to the reason',
    request: post(TRANSMITTED_ORDER, { status: 'rejected', reason: '   ' }), expect: { status: 422, messages: ['admin.requests.error.reason_required'] } },
  { name: 'an unknown status for an order ("applied") is refused with 422 and applies nothing',
    request: post(TRANSMITTED_ORDER, { status: 'applied', reason: '' }), expect: refusedMove },
  { name: 'a completed order posted "completed" again is refused with 422: no second effect',
    request: post(COMPLETED_ORDER, { status: 'completed', reason: '' }), expect: refusedMove },
  { name: 'a completed order posted "completed" twice in one form is a 400: no second effect',
    request: post(COMPLETED_ORDER, { status: ['completed', 'completed'], reason: '' }), expect: repeated },
  { name: 'staff can\'t move a completed order back to in progress (only a customer comment reopens it): 422',
    request: post(COMPLETED_ORDER, { status: 'in_progress', reason: '' }), expect: refusedMove },
]

export const completionForms: Array<[form: string, cases: HostileCase[]]> = [
  ['POST /admin/requests/:number/status (orders)', statusCases],
]
