// Hostile rows for the back-office's inbox pages (see ../cases.ts for how rows
// work): the list and its filters, a message, assign, reply, status. Staff
// rows sign in as support (thomas.girard, en) or an account manager
// (marc.lefevre, fr). The rows use message 1: the first row below has a
// customer send a message, so at least one exists (the demo's messages, and
// the customer rows' own, come before it).
import { OFFSITE, SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, bigBody, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

const SUPPORT = 'thomas.girard' // locale en: opens the inbox
const ACCOUNT_MANAGER = 'marc.lefevre' // locale fr: opens the inbox
const BILLING = 'nadia.benali' // locale en: does not open the inbox
const CUSTOMER = 'chloe.bernard' // locale en, Hexagone: has an account manager
const MESSAGE = '/admin/inbox/1'

const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const CSRF_PAGE: MessageRef[] = ['error.csrf.title', 'error.csrf.body']
const TOO_LARGE: MessageRef[] = ['error.413.title', 'error.413.body']
const FORM = 'application/x-www-form-urlencoded'

const notOpen: HostileExpect = { status: 403, messages: ['error.403.title', { key: 'error.403.staff', params: { roles: 'Administrator, Account manager, Support' } }] }
const notFound: HostileExpect = { status: 404, messages: NOT_FOUND }

/** Message ids that are not a plain number of a message: each a 404. */
const HOSTILE_IDS: Array<[label: string, raw: string]> = [
  ['an unknown id', '99999999'],
  ['zero', '0'],
  ['a negative id', '-1'],
  ['a decimal id', '1.5'],
  ['an exponent (1e3)', '1e3'],
  ['a hexadecimal id (0x1)', '0x1'],
  ['a leading zero (01)', '01'],
  ['a 30-digit id', '9'.repeat(30)],
  ['an id followed by a space', '1%20'],
  ['an id followed by a NUL byte', '1%00'],
  ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)],
  ['<script>', encodeURIComponent(SCRIPT_TEXT)],
  ['path traversal (..%2F1)', '..%2F1'],
  ['fullwidth digits', encodeURIComponent('１')],
]

const CSRF_REFUSALS = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']] as const

function csrfRows(what: string, request: HostileRequest): HostileCase[] {
  return CSRF_REFUSALS.map(([csrf, how]): HostileCase => ({
    name: `${what} ${how} is refused with 403 and writes nothing`, request: { ...request, csrf }, expect: { status: 403, messages: CSRF_PAGE },
  }))
}

/** The rows every POST of a message shares: CSRF, roles, ids, sizes. */
function messageFormRows(action: string, form: Record<string, string>, field: string): HostileCase[] {
  const url = `${MESSAGE}/${action}`
  const post = (as: string, path = url): HostileRequest => ({ method: 'POST', url: path, as, form })
  return [
    ...csrfRows(`POST /admin/inbox/:id/${action}`, post(SUPPORT)),
    { name: `POST /admin/inbox/:id/${action} as billing staff is a 403 and writes nothing`, request: post(BILLING), expect: notOpen },
    { name: `POST /admin/inbox/:id/${action} as a customer is a 404`, request: post(CUSTOMER), expect: notFound },
    { name: `POST /admin/inbox/:id/${action} from an anonymous visitor is sent to the login page`, request: { method: 'POST', url, form }, expect: { status: 303, location: '/login' } },
    ...HOSTILE_IDS.slice(0, 11).map(([label, id]): HostileCase => ({
      name: `POST /admin/inbox/:id/${action} with ${label} is a 404 and writes nothing`, request: post(SUPPORT, `/admin/inbox/${id}/${action}`), expect: notFound,
    })),
    { name: `POST /admin/inbox/:id/${action} with a 2 MB body is refused with 413`,
      request: { method: 'POST', url, as: SUPPORT, body: { contentType: FORM, payload: bigBody(field) } }, expect: { status: 413, messages: TOO_LARGE } },
    { name: `POST /admin/inbox/:id/${action} with ${field} sent twice is a 400`,
      request: { method: 'POST', url, as: SUPPORT, form: { ...form, [field]: [form[field]!, form[field]!] } }, expect: { status: 400, messages: BAD_REQUEST } },
    { name: `POST /admin/inbox/:id/${action} with a JSON array as ${field} is a 400`,
      request: { method: 'POST', url, as: SUPPORT, body: { contentType: 'application/json', payload: `{"_csrf":"{csrf}","${field}":["a","b"]}` } }, expect: { status: 400, messages: BAD_REQUEST } },
  ]
}

// ---------------------------------------------------------------- a message to work on

const seedMessage: HostileCase = {
  name: 'POST /account/company/contact from a customer leaves a message in the inbox (the rows below work on message 1)',
  request: { method: 'POST', url: '/account/company/contact', as: CUSTOMER, form: { subject: 'Hostile inbox subject', message: 'Hostile inbox message' } },
  expect: { status: 303, location: '/account/company', mayWrite: ['contact_messages', 'outbox'] },
}

// ---------------------------------------------------------------- GET /admin/inbox

const list = (query: string, as = SUPPORT): HostileRequest => ({ method: 'GET', url: `/admin/inbox?${query}`, as })
const LIST_PAGE: HostileExpect = { status: 200, messages: ['admin.inbox.title'] }

const listCases: HostileCase[] = [
  seedMessage,
  { name: 'GET /admin/inbox as billing staff is a 403 naming the roles that open it', request: list('', BILLING), expect: notOpen },
  { name: 'GET /admin/inbox as a customer is a 404', request: list('', CUSTOMER), expect: notFound },
  { name: 'GET /admin/inbox from an anonymous visitor is sent to the login page', request: { method: 'GET', url: '/admin/inbox?status=new' }, expect: { status: 302, location: '/login?next=%2Fadmin%2Finbox%3Fstatus%3Dnew' } },
  { name: 'GET /admin/inbox as an account manager is in French', request: list('status=all', ACCOUNT_MANAGER), expect: { status: 200, lang: 'fr', messages: ['admin.inbox.title'] } },
  ...([
    ['an unknown status', 'status=deleted', 'new'],
    ['a <script> status', `status=${encodeURIComponent(SCRIPT_TEXT)}`, 'new'],
    ["' OR 1=1 -- as status", `status=${encodeURIComponent(SQL_TEXT)}`, 'new'],
    ['an uppercase NEW', 'status=NEW', 'new'],
    ['an unknown assignment', 'status=new&assigned=everyone', 'all'],
    ['a <script> assignment', `status=new&assigned=${encodeURIComponent(SCRIPT_TEXT)}`, 'all'],
    ['an assignment naming a staff login', 'status=new&assigned=marc.lefevre', 'all'],
  ] as const).map(([label, query, chosen]): HostileCase => ({
    name: `GET /admin/inbox with ${label} shows the default filter`,
    request: list(query), expect: { ...LIST_PAGE, contains: [`<option value="${chosen}" selected>`] },
  })),
  ...(['-1', '0', 'abc', '1e9', '99999999999999999999'] as const).map((page): HostileCase => ({
    name: `GET /admin/inbox?page=${page} is a page, not an error`, request: list(`status=all&page=${page}`), expect: LIST_PAGE,
  })),
  { name: 'GET /admin/inbox with the status given twice is a 400', request: list('status=new&status=all'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /admin/inbox with the assignment given twice is a 400', request: list('assigned=me&assigned=all'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /admin/inbox with the page given twice is a 400', request: list('page=1&page=2'), expect: { status: 400, messages: BAD_REQUEST } },
]

// ---------------------------------------------------------------- GET /admin/inbox/:id

const show = (id: string, as = SUPPORT): HostileRequest => ({ method: 'GET', url: `/admin/inbox/${id}`, as })

const showCases: HostileCase[] = [
  ...HOSTILE_IDS.map(([label, id]): HostileCase => ({ name: `GET /admin/inbox/:id with ${label} is a 404`, request: show(id), expect: notFound })),
  { name: 'GET /admin/inbox/:id with an invalid percent-encoding is a 400', request: show('1%E0%A4%A'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /admin/inbox/:id as billing staff is a 403', request: show('1', BILLING), expect: notOpen },
  { name: 'GET /admin/inbox/:id as a customer is a 404, even their own message', request: show('1', CUSTOMER), expect: notFound },
  { name: 'GET /admin/inbox/:id of an existing message is its page', request: show('1'), expect: { status: 200, messages: ['admin.inbox.reply.title'] } },
]

// ---------------------------------------------------------------- POST /admin/inbox/:id/assign

const assign = (form: Record<string, string | string[]>, as = SUPPORT): HostileRequest => ({ method: 'POST', url: `${MESSAGE}/assign`, as, form })
const NOT_ASSIGNABLE: HostileExpect = { status: 422, messages: ['admin.inbox.error.assignee'] }

const assignCases: HostileCase[] = [
  ...messageFormRows('assign', { assignee: SUPPORT }, 'assignee'),
  ...([
    ['billing staff (who do not open the inbox)', BILLING],
    ['a customer', CUSTOMER],
    ['an unknown login', 'nobody.hostile'],
    ['a <script> login', SCRIPT_TEXT],
    ["' OR 1=1 --", SQL_TEXT],
    ['a LIKE wildcard (thomas%)', 'thomas%'],
    ['a staff login followed by a NUL byte and a letter', `${SUPPORT}\u0000x`],
    ['a 10 kB login', 'a'.repeat(10_000)],
    ...UNICODE_TEXT.map(([label, value]): [string, string] => [`a login holding ${label}`, `${SUPPORT}${value}`]),
    ['a fullwidth look-alike of a staff login', 'ｔｈｏｍａｓ.girard'],
    ['a staff user id instead of a login', '14'],
  ] as Array<[string, string]>).map(([label, value]): HostileCase => ({
    name: `POST /admin/inbox/:id/assign to ${label} answers 422 and assigns nobody`, request: assign({ assignee: value }), expect: { ...NOT_ASSIGNABLE, absent: ['alert(1)'] },
  })),
  { name: 'POST /admin/inbox/:id/assign to nobody answers in French for a French staff member when the login is unknown',
    request: assign({ assignee: 'nobody.hostile' }, ACCOUNT_MANAGER), expect: { ...NOT_ASSIGNABLE, lang: 'fr' } },
  { name: 'POST /admin/inbox/:id/assign to nobody on an unassigned message writes nothing and ignores next and back',
    request: assign({ assignee: '', next: OFFSITE[0]![1], back: OFFSITE[1]![1], assigned_user_id: '1' }), expect: { status: 303, location: MESSAGE, absent: ['evil.example'] } },
]

// ---------------------------------------------------------------- POST /admin/inbox/:id/reply

const reply = (form: Record<string, string | string[]>, as = SUPPORT): HostileRequest => ({ method: 'POST', url: `${MESSAGE}/reply`, as, form })
const REPLY_TOO_LONG: MessageRef = { key: 'admin.inbox.error.body_long', params: { max: 5000 } }
const replyRefused = (message: MessageRef, echoed?: string, lang: 'en' | 'fr' = 'en'): HostileExpect =>
  ({ status: 422, lang, messages: [message], ...(echoed === undefined ? {} : { echoed }) })

const replyCases: HostileCase[] = [
  ...messageFormRows('reply', { body: 'Hostile reply' }, 'body'),
  { name: 'POST /admin/inbox/:id/reply with handled sent twice is a 400', request: reply({ body: 'Hostile reply', handled: ['yes', 'yes'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /admin/inbox/:id/reply without a body answers 422 "write your reply"', request: reply({ handled: 'yes' }), expect: replyRefused('admin.inbox.error.body_required') },
  { name: 'POST /admin/inbox/:id/reply without a body answers in French for a French staff member', request: reply({}, ACCOUNT_MANAGER), expect: replyRefused('admin.inbox.error.body_required', undefined, 'fr') },
  { name: 'POST /admin/inbox/:id/reply with a body of NUL bytes, spaces and blank lines counts as none',
    request: reply({ body: '\u0000 \r\n\t\u0007\n' }), expect: replyRefused('admin.inbox.error.body_required') },
  { name: 'POST /admin/inbox/:id/reply with a 5001-character <script> body is refused "at most 5000", shown back escaped',
    request: reply({ body: `${SCRIPT_TEXT}${'b'.repeat(4976)}` }), expect: replyRefused(REPLY_TOO_LONG, `${SCRIPT_TEXT}${'b'.repeat(4976)}`) },
  { name: 'POST /admin/inbox/:id/reply with a too long body closing the textarea is shown back escaped',
    request: reply({ body: `</textarea>${SCRIPT_TEXT}${'b'.repeat(5000)}` }), expect: replyRefused(REPLY_TOO_LONG, `</textarea>${SCRIPT_TEXT}${'b'.repeat(5000)}`) },
  { name: "POST /admin/inbox/:id/reply with a too long ' OR 1=1 -- body is refused and writes nothing",
    request: reply({ body: `${SQL_TEXT}${'b'.repeat(5000)}` }), expect: replyRefused(REPLY_TOO_LONG, `${SQL_TEXT}${'b'.repeat(5000)}`) },
  { name: 'POST /admin/inbox/:id/reply with a 500 kB body is refused "at most 5000"', request: reply({ body: 'b'.repeat(500_000) }), expect: replyRefused(REPLY_TOO_LONG) },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST /admin/inbox/:id/reply with a too long body holding ${label} is refused, value kept`,
    request: reply({ body: `${value}${'b'.repeat(5000)}` }), expect: replyRefused(REPLY_TOO_LONG, `${value}${'b'.repeat(5000)}`),
  })),
  { name: 'POST /admin/inbox/:id/reply with a <script> "handled" and no body answers 422 with the box unticked',
    request: reply({ handled: SCRIPT_TEXT }), expect: { ...replyRefused('admin.inbox.error.body_required'), absent: ['alert(1)', 'value="yes" checked'] } },
]

// ---------------------------------------------------------------- POST /admin/inbox/:id/status

const status = (form: Record<string, string | string[]>, as = SUPPORT): HostileRequest => ({ method: 'POST', url: `${MESSAGE}/status`, as, form })
const BAD_STATUS: HostileExpect = { status: 422, messages: ['admin.inbox.error.status'] }

const statusCases: HostileCase[] = [
  ...messageFormRows('status', { status: 'handled' }, 'status'),
  ...([
    ['no status', undefined],
    ['an empty status', ''],
    ['an unknown status (deleted)', 'deleted'],
    ['an uppercase HANDLED', 'HANDLED'],
    ['handled followed by a NUL byte', 'handled\u0000'],
    ['a <script> status', SCRIPT_TEXT],
    ["' OR 1=1 -- as status", SQL_TEXT],
    ['a 10 kB status', 's'.repeat(10_000)],
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /admin/inbox/:id/status with ${label} answers 422 and changes nothing`,
    request: status(value === undefined ? {} : { status: value }), expect: { ...BAD_STATUS, absent: ['alert(1)'] },
  })),
  { name: 'POST /admin/inbox/:id/status with an unknown status answers in French for a French staff member',
    request: status({ status: 'deleted' }, ACCOUNT_MANAGER), expect: { ...BAD_STATUS, lang: 'fr' } },
  { name: 'POST /admin/inbox/:id/status setting new on a new message writes nothing and ignores next, back and handled_at',
    request: status({ status: 'new', next: OFFSITE[0]![1], back: OFFSITE[3]![1], handled_at: '2000-01-01' }), expect: { status: 303, location: MESSAGE, absent: ['evil.example', 'javascript:'] } },
]

export const inboxForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /admin/inbox', listCases],
  ['GET /admin/inbox/:id', showCases],
  ['POST /admin/inbox/:id/assign', assignCases],
  ['POST /admin/inbox/:id/reply', replyCases],
  ['POST /admin/inbox/:id/status', statusCases],
]
