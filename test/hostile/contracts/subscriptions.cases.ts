// Hostile rows for the subscriptions pages (see ../cases.ts for how rows work).
// Every row is refused: nothing may be written (no cancellation, audit entry,
// notification nor email), a typed quantity comes back escaped, never raw.
// Demo subscriptions, in seed order: 1–3 on OCB0000101, 4–5 on OCB0000102,
// 6–8 on OCB0000301 (6: 8 × c6.2xlarge.2). The demo has no cancellation yet.
import { ATTRIBUTE_BREAKOUT, SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, bigBody, type HostileCase, type HostileExpect, type HostileRequest } from '../cases.js'
import type { MessageKey } from '../../../src/i18n/index.js'

const MANAGER = 'julien.blanc' // en, subscriptions manager (not referent) of OCB0000301
const FR_REFERENT = 'alice.martin' // fr, referent of OCB0000101 and OCB0000102
const VISITOR = 'chloe.bernard' // en, subscriptions visitor of OCB0000101 and OCB0000102
const CLOUD_AVENUE_REFERENT = 'emma.leroy' // en, referent of OCB0000201 (Cloud Avenue: no subscriptions)
const LIST = '/contracts/OCB0000301/subscriptions'
const CANCEL = `${LIST}/6/cancel`
const WITHDRAW = (id: string) => `${LIST}/cancellations/${id}/withdraw`

const cancel = (form: Record<string, string | string[]>, as = MANAGER, url = CANCEL): HostileRequest => ({ method: 'POST', url, as, form })
const refused = (key: MessageKey | { key: MessageKey; params: Record<string, number> }, echoed?: string): HostileExpect =>
  ({ status: 422, messages: ['subscriptions.cancel.quantity', key], ...(echoed === undefined ? {} : { echoed }) })
const NOT_A_NUMBER = 'subscriptions.error.quantity_not_number'
const AT_MOST_8 = { key: 'subscriptions.error.quantity_max', params: { count: 8 } } as const
const NOT_FOUND: HostileExpect = { status: 404, messages: ['error.404.title', 'error.404.body'] }
const FORBIDDEN: HostileExpect = { status: 403, messages: ['error.403.title'] }
const BAD_REQUEST: HostileExpect = { status: 400, messages: ['error.400.title', 'error.400.body'] }

const quantityCases: HostileCase[] = [
  { name: 'POST cancel without a quantity asks for one', request: cancel({}), expect: refused('subscriptions.error.quantity_missing') },
  { name: 'POST cancel with an empty quantity asks for one', request: cancel({ quantity: '   ' }), expect: refused('subscriptions.error.quantity_missing') },
  { name: 'POST cancel of 0 instances is refused', request: cancel({ quantity: '0' }), expect: refused('subscriptions.error.quantity_min', '0') },
  { name: 'POST cancel of 000 instances is 0, refused', request: cancel({ quantity: '000' }), expect: refused('subscriptions.error.quantity_min', '000') },
  { name: 'POST cancel of 9 of 8 instances is refused: at most the 8 that remain', request: cancel({ quantity: '9' }), expect: refused(AT_MOST_8, '9') },
  { name: 'POST cancel of 40 digits is more than remain, not a float overflow', request: cancel({ quantity: '9'.repeat(40) }), expect: refused(AT_MOST_8) },
  ...['-1', '1.5', '2,0', '1e1', '0x2', '+3', 'Infinity', 'NaN', 'two', '١٢', '２'].map((value): HostileCase => ({
    name: `POST cancel of ${value} instances is not a whole number`, request: cancel({ quantity: value }), expect: refused(NOT_A_NUMBER, value),
  })),
  { name: 'POST cancel of <script> instances is refused and shown back escaped', request: cancel({ quantity: SCRIPT_TEXT }), expect: refused(NOT_A_NUMBER, SCRIPT_TEXT) },
  { name: 'POST cancel breaking out of the field’s attribute is shown back escaped', request: cancel({ quantity: ATTRIBUTE_BREAKOUT }), expect: refused(NOT_A_NUMBER, ATTRIBUTE_BREAKOUT) },
  { name: "POST cancel of ' OR 1=1 -- instances is not a number", request: cancel({ quantity: SQL_TEXT }), expect: refused(NOT_A_NUMBER, SQL_TEXT) },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST cancel with ${label} is not a number`, request: cancel({ quantity: value }), expect: refused(NOT_A_NUMBER, value),
  })),
  { name: 'POST cancel of 10 kB of digits is more than remain, not a crash', request: cancel({ quantity: '1'.repeat(10_000) }), expect: refused(AT_MOST_8) },
  { name: 'POST cancel with a NUL byte inside is cleaned, then read: 10 is more than remain',
    request: cancel({ quantity: '1\u00000' }), expect: refused(AT_MOST_8, '10') },
  { name: 'POST cancel with the quantity repeated is a 400, not a guess', request: cancel({ quantity: ['1', '2'] }), expect: BAD_REQUEST },
  { name: 'POST cancel in French answers the French messages',
    request: cancel({ quantity: '0' }, FR_REFERENT, '/contracts/OCB0000101/subscriptions/1/cancel'), expect: { ...refused('subscriptions.error.quantity_min', '0'), lang: 'fr' } },
]

const idCases: HostileCase[] = [
  ...['1', '4', '0', '01', '-6', '6.0', '1e1', '99999999999', 'abc', encodeURIComponent(SCRIPT_TEXT), encodeURIComponent(SQL_TEXT)].flatMap((id): HostileCase[] => [
    { name: `GET the cancel page of subscription ${id} through OCB0000301 is a 404`, request: { method: 'GET', url: `${LIST}/${id}/cancel`, as: MANAGER }, expect: NOT_FOUND },
    { name: `POST cancel of subscription ${id} through OCB0000301 is a 404`, request: cancel({ quantity: '1' }, MANAGER, `${LIST}/${id}/cancel`), expect: NOT_FOUND },
  ]),
  ...['1', '0', '99999999999', 'abc', encodeURIComponent(SCRIPT_TEXT)].map((id): HostileCase => ({
    name: `POST withdraw of cancellation ${id}, which OCB0000301 has not, is a 404`, request: { method: 'POST', url: WITHDRAW(id), as: MANAGER, form: {} }, expect: NOT_FOUND,
  })),
]

const accessCases: HostileCase[] = [
  ...(['missing', 'forged', 'other-session', 'repeated'] as const).map((csrf): HostileCase => ({
    name: `POST cancel with a ${csrf} CSRF token is refused with 403 and writes nothing`,
    request: { ...cancel({ quantity: '1' }), csrf }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'] },
  })),
  { name: 'POST withdraw with a missing CSRF token is refused with 403',
    request: { method: 'POST', url: WITHDRAW('1'), as: MANAGER, form: {}, csrf: 'missing' }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'] } },
  { name: 'GET the cancel page as a subscriptions visitor is a 403', request: { method: 'GET', url: '/contracts/OCB0000101/subscriptions/1/cancel', as: VISITOR }, expect: FORBIDDEN },
  { name: 'POST cancel as a subscriptions visitor is a 403', request: cancel({ quantity: '1' }, VISITOR, '/contracts/OCB0000101/subscriptions/1/cancel'), expect: FORBIDDEN },
  { name: 'POST withdraw as a subscriptions visitor is a 403', request: { method: 'POST', url: '/contracts/OCB0000101/subscriptions/cancellations/1/withdraw', as: VISITOR, form: {} }, expect: FORBIDDEN },
  { name: 'GET subscriptions of a Cloud Avenue contract (no such section) is a 403 for its referent',
    request: { method: 'GET', url: '/contracts/OCB0000201/subscriptions', as: CLOUD_AVENUE_REFERENT }, expect: FORBIDDEN },
  { name: 'GET subscriptions of another company’s contract is a 404', request: { method: 'GET', url: '/contracts/OCB0000101/subscriptions', as: MANAGER }, expect: NOT_FOUND },
  { name: 'POST cancel on another company’s contract is a 404', request: cancel({ quantity: '1' }, MANAGER, '/contracts/OCB0000101/subscriptions/1/cancel'), expect: NOT_FOUND },
  { name: 'GET subscriptions of a contract that doesn’t exist is a 404', request: { method: 'GET', url: '/contracts/OCB9999999/subscriptions', as: MANAGER }, expect: NOT_FOUND },
  { name: 'GET subscriptions with <script> as the contract code is a 404, never shown raw',
    request: { method: 'GET', url: `/contracts/${encodeURIComponent(SCRIPT_TEXT)}/subscriptions`, as: MANAGER }, expect: NOT_FOUND },
  { name: 'GET subscriptions signed out goes to the login page', request: { method: 'GET', url: LIST }, expect: { status: 302, location: /^\/login/ } },
  { name: 'POST cancel of 2 MB is refused with 413',
    request: { method: 'POST', url: CANCEL, as: MANAGER, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody('quantity') } },
    expect: { status: 413, messages: ['error.413.title', 'error.413.body'] } },
  { name: 'POST cancel as JSON with an object for the quantity is a 400',
    request: { method: 'POST', url: CANCEL, as: MANAGER, body: { contentType: 'application/json', payload: '{"_csrf":"{csrf}","quantity":{"$gt":0}}' } },
    expect: BAD_REQUEST },
]

export const subscriptionsForms: Array<[form: string, cases: HostileCase[]]> = [
  ['POST /contracts/:code/subscriptions/:id/cancel (quantity)', quantityCases],
  ['GET/POST /contracts/:code/subscriptions/:id/cancel, …/cancellations/:cid/withdraw (ids)', idCases],
  ['GET/POST /contracts/:code/subscriptions… (access)', accessCases],
]
