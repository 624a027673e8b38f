// Hostile rows for the staff request queue (see ../cases.ts for how rows
// work): the queue and its filters, a request's page and files, take, status,
// comments. Staff rows sign in as the administrator (sophie.durand, fr) or
// support (thomas.girard, en); billing staff (nadia.benali) don't open the
// area (403), customers don't see it at all (404). The rows work on the demo's
// REQ-000001 (alice.martin's incident on OCB0000101, in progress: it may be
// completed or rejected, nothing else).
import { OFFSITE, SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, bigBody, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

const ADMIN = 'sophie.durand' // locale fr: every area
const SUPPORT = 'thomas.girard' // locale en: the requests area
const BILLING = 'nadia.benali' // locale en: not the requests area
const CUSTOMER = 'alice.martin' // the author of REQ-000001
const NUMBER = 'REQ-000001'
const REQUEST = `/admin/requests/${NUMBER}`

const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const CSRF_PAGE: MessageRef[] = ['error.csrf.title', 'error.csrf.body']
const TOO_LARGE: MessageRef[] = ['error.413.title', 'error.413.body']
const FORM = 'application/x-www-form-urlencoded'

const notOpen: HostileExpect = { status: 403, messages: ['error.403.title', { key: 'error.403.staff', params: { roles: 'Administrator, Support, Account manager' } }] }
const notFound: HostileExpect = { status: 404, lang: 'fr', messages: NOT_FOUND }

/** Request numbers that name no request: each a 404. */
const HOSTILE_NUMBERS: Array<[label: string, raw: string]> = [
  ['an unknown number', 'REQ-999999'],
  ['REQ-000000', 'REQ-000000'],
  ['a bare id', '1'],
  ['a lower-case number', 'req-000001'],
  ['a five-digit number', 'REQ-00001'],
  ['a 30-digit number', `REQ-${'9'.repeat(30)}`],
  ['a number followed by a space', 'REQ-000001%20'],
  ['a number followed by a NUL byte', 'REQ-000001%00'],
  ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)],
  ['<script>', encodeURIComponent(SCRIPT_TEXT)],
  ['path traversal (..%2FREQ-000001)', '..%2FREQ-000001'],
  ['fullwidth digits', encodeURIComponent('REQ-００００01')],
]

const CSRF_REFUSALS = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']] as const

/** The rows every POST on a request shares: CSRF, roles, numbers, sizes, and (for a form with fields) a field repeated. */
function requestFormRows(action: string, form: Record<string, string>, field: string): HostileCase[] {
  const withFields = Object.keys(form).length > 0
  const url = `${REQUEST}/${action}`
  const post = (as: string, path = url): HostileRequest => ({ method: 'POST', url: path, as, form })
  return [
    ...CSRF_REFUSALS.map(([csrf, how]): HostileCase => ({
      name: `POST /admin/requests/:number/${action} ${how} is refused with 403 and writes nothing`, request: { ...post(ADMIN), csrf }, expect: { status: 403, lang: 'fr', messages: CSRF_PAGE },
    })),
    { name: `POST /admin/requests/:number/${action} as billing staff is a 403 and writes nothing`, request: post(BILLING), expect: notOpen },
    { name: `POST /admin/requests/:number/${action} as a customer, even the author, is a 404`, request: post(CUSTOMER), expect: notFound },
    { name: `POST /admin/requests/:number/${action} from an anonymous visitor is sent to the login page`, request: { method: 'POST', url, form }, expect: { status: 303, location: '/login' } },
    ...HOSTILE_NUMBERS.map(([label, number]): HostileCase => ({
      name: `POST /admin/requests/:number/${action} with ${label} is a 404 and writes nothing`, request: post(ADMIN, `/admin/requests/${number}/${action}`), expect: notFound,
    })),
    { name: `POST /admin/requests/:number/${action} with a 2 MB body is refused with 413`,
      request: { method: 'POST', url, as: ADMIN, body: { contentType: FORM, payload: bigBody(field) } }, expect: { status: 413, lang: 'fr', messages: TOO_LARGE } },
    ...(!withFields ? [] : [{ name: `POST /admin/requests/:number/${action} with ${field} sent twice is a 400`,
      request: { method: 'POST', url, as: ADMIN, form: { ...form, [field]: [form[field]!, form[field]!] } }, expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
    { name: `POST /admin/requests/:number/${action} with a JSON array as ${field} is a 400`,
      request: { method: 'POST', url, as: ADMIN, body: { contentType: 'application/json', payload: `{"_csrf":"{csrf}","${field}":["a","b"]}` } }, expect: { status: [400, 415], lang: 'fr', messages: BAD_REQUEST } }] as HostileCase[]),
  ]
}

// ---------------------------------------------------------------- GET /admin/requests

const list = (query: string, as = ADMIN): HostileRequest => ({ method: 'GET', url: `/admin/requests?${query}`, as })
const QUEUE: HostileExpect = { status: 200, lang: 'fr', messages: ['admin.requests.title'] }

const listCases: HostileCase[] = [
  { name: 'GET /admin/requests as billing staff is a 403 naming the roles that open it', request: list('', BILLING), expect: notOpen },
  { name: 'GET /admin/requests as a customer is a 404', request: list('', CUSTOMER), expect: notFound },
  { name: 'GET /admin/requests from an anonymous visitor is sent to the login page', request: { method: 'GET', url: '/admin/requests?view=new' }, expect: { status: 302, location: '/login?next=%2Fadmin%2Frequests%3Fview%3Dnew' } },
  { name: 'GET /admin/requests as support is in English', request: list('view=all', SUPPORT), expect: { status: 200, messages: ['admin.requests.title'] } },
  ...([
    ['an unknown view', 'view=deleted', 'view', 'new'],
    ['a <script> view', `view=${encodeURIComponent(SCRIPT_TEXT)}`, 'view', 'new'],
    ["' OR 1=1 -- as view", `view=${encodeURIComponent(SQL_TEXT)}`, 'view', 'new'],
    ['an uppercase ALL', 'view=ALL', 'view', 'new'],
    ['an unknown status', 'view=all&status=closed', 'status', ''],
    ['an unknown type', 'view=all&type=<b>', 'type', ''],
  ] as const).map(([label, query, name, chosen]): HostileCase => ({
    name: `GET /admin/requests with ${label} shows the default ${name}`,
    request: list(query), expect: { ...QUEUE, contains: [`<option value="${chosen}" selected>`] },
  })),
  { name: 'GET /admin/requests with a 10,000-character search shows its first 100 characters', request: list(`view=all&q=${'q'.repeat(10_000)}`),
    expect: { ...QUEUE, contains: [`name="q" type="search" value="${'q'.repeat(100)}"`] } },
  ...([['%', '%25'], ['_', '_'], ['%%__', '%25%25__'], ['a backslash', '%5C'], ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)], ['<script>', encodeURIComponent(SCRIPT_TEXT)]] as const).map(([label, q]): HostileCase => ({
    name: `GET /admin/requests searching ${label} is a page of what holds it as text`, request: list(`view=all&q=${q}`), expect: QUEUE,
  })),
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `GET /admin/requests searching ${label} is a page`, request: list(`view=all&q=${encodeURIComponent(value)}`), expect: QUEUE,
  })),
  { name: 'GET /admin/requests with a <script> contract code is a page showing it escaped', request: list(`view=all&contract=${encodeURIComponent('<b>x')}`), expect: { ...QUEUE, echoed: '<B>X' } },
  ...(['-1', '0', 'abc', '1e9', '99999999999999999999'] as const).map((page): HostileCase => ({
    name: `GET /admin/requests?page=${page} is a page, not an error`, request: list(`view=all&page=${page}`), expect: QUEUE,
  })),
  ...(['view', 'status', 'type', 'contract', 'q', 'overdue', 'page'] as const).map((name): HostileCase => ({
    name: `GET /admin/requests with ${name} given twice is a 400`, request: list(`${name}=1&${name}=2`), expect: { status: 400, lang: 'fr', messages: BAD_REQUEST },
  })),
]

// ---------------------------------------------------------------- GET /admin/requests/:number and its files

const show = (number: string, as = ADMIN): HostileRequest => ({ method: 'GET', url: `/admin/requests/${number}`, as })

const showCases: HostileCase[] = [
  ...HOSTILE_NUMBERS.map(([label, number]): HostileCase => ({ name: `GET /admin/requests/:number with ${label} is a 404`, request: show(number), expect: notFound })),
  // Refused by the router before the session is read: in the default language.
  { name: 'GET /admin/requests/:number with an invalid percent-encoding is a 400', request: show('REQ-0%E0%A4%A'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /admin/requests/:number as billing staff is a 403', request: show(NUMBER, BILLING), expect: notOpen },
  { name: 'GET /admin/requests/:number as a customer is a 404, even their own request', request: show(NUMBER, CUSTOMER), expect: notFound },
  { name: 'GET /admin/requests/:number of an existing request is its page with the internal notes', request: show(NUMBER), expect: { status: 200, lang: 'fr', messages: ['admin.requests.show.internal_flag', 'admin.requests.comment.title'] } },
  ...(['0', '-1', '1.5', '1e3', '0x1', '99999999', '9'.repeat(30), encodeURIComponent(SQL_TEXT)]).map((id): HostileCase => ({
    name: `GET /admin/requests/:number/attachments/${id.slice(0, 20)} is a 404`, request: show(`${NUMBER}/attachments/${id}`), expect: notFound,
  })),
  { name: 'GET /admin/requests/:number/attachments/:id of another request\'s file is a 404', request: show(`REQ-000002/attachments/1`), expect: notFound },
  { name: 'GET /admin/requests/:number/attachments/:id as a customer is a 404', request: show(`${NUMBER}/attachments/1`, CUSTOMER), expect: notFound },
]

// ---------------------------------------------------------------- POST /admin/requests/:number/take

/** thomas.girard's user id in the demo: REQ-000001's assignee, what its page shows in the take form's `assigned`. */
const SHOWN_ASSIGNEE = '14'
const take = (form: Record<string, string>): HostileRequest => ({ method: 'POST', url: `${REQUEST}/take`, as: ADMIN, form })
const TAKE_UNREAD: HostileExpect = { status: 422, lang: 'fr', messages: ['admin.requests.error.take_unread'] }
const TAKEN_MEANWHILE: HostileExpect = { status: 409, lang: 'fr', messages: ['admin.requests.error.taken_meanwhile'] }

const takeCases: HostileCase[] = [
  ...requestFormRows('take', { assigned: SHOWN_ASSIGNEE }, 'assigned'),
  { name: 'POST /admin/requests/:number/take without the assignee the page showed is a 422 and writes nothing', request: take({}), expect: TAKE_UNREAD },
  ...([['-1', '-1'], ['0', '0'], ['1e3', '1e3'], ['a 30-digit number', '9'.repeat(30)], ['a padded id', ` ${SHOWN_ASSIGNEE} `], ["' OR 1=1 --", SQL_TEXT], ['<script>', SCRIPT_TEXT]] as const)
    .map(([label, assigned]): HostileCase => ({ name: `POST /admin/requests/:number/take with ${label} as the assignee shown is a 422 and writes nothing`, request: take({ assigned }), expect: TAKE_UNREAD })),
  { name: 'POST /admin/requests/:number/take from a page that showed it taken by nobody (it is taken now) is a 409 and writes nothing', request: take({ assigned: '' }), expect: TAKEN_MEANWHILE },
  { name: 'POST /admin/requests/:number/take from a page that showed another assignee than the one it has is a 409 and writes nothing', request: take({ assigned: '13' }), expect: TAKEN_MEANWHILE },
  { name: 'POST /admin/requests/:number/take as the administrator assigns it and ignores next, back and a user id',
    request: take({ assigned: SHOWN_ASSIGNEE, next: OFFSITE[0]![1], back: OFFSITE[1]![1], assigned_user_id: '1' }),
    expect: { status: 303, location: REQUEST, absent: ['evil.example'], mayWrite: ['requests', 'audit_log'] } },
]

// ---------------------------------------------------------------- POST /admin/requests/:number/status

const status = (form: Record<string, string | string[]>, as = ADMIN): HostileRequest => ({ method: 'POST', url: `${REQUEST}/status`, as, form })
const BAD_MOVE: HostileExpect = { status: 422, lang: 'fr', messages: ['admin.requests.error.transition'] }

const statusCases: HostileCase[] = [
  ...requestFormRows('status', { status: 'completed' }, 'status'),
  ...([
    ['no status', undefined],
    ['an empty status', ''],
    ['the status it already has (in_progress)', 'in_progress'],
    ['a move back to transmitted', 'transmitted'],
    ['an unknown status (closed)', 'closed'],
    ['an uppercase COMPLETED', 'COMPLETED'],
    ['completed followed by a NUL byte', 'completed\u0000'],
    ['a <script> status', SCRIPT_TEXT],
    ["' OR 1=1 -- as status", SQL_TEXT],
    ['a 10 kB status', 's'.repeat(10_000)],
  ] as const).map(([label, value]): HostileCase => ({
    name: `POST /admin/requests/:number/status with ${label} answers 422 and changes nothing`,
    request: status(value === undefined ? {} : { status: value }), expect: { ...BAD_MOVE, absent: ['alert(1)'] },
  })),
  { name: 'POST /admin/requests/:number/status to rejected without a reason answers 422 and changes nothing',
    request: status({ status: 'rejected' }), expect: { status: 422, lang: 'fr', messages: ['admin.requests.error.reason_required'] } },
  { name: 'POST /admin/requests/:number/status to rejected with a reason of spaces and NUL bytes answers 422',
    request: status({ status: 'rejected', reason: ' \u0000 \r\n ' }), expect: { status: 422, lang: 'fr', messages: ['admin.requests.error.reason_required'] } },
  { name: 'POST /admin/requests/:number/status to rejected with a 1,001-character <script> reason is refused, shown back escaped',
    request: status({ status: 'rejected', reason: `${SCRIPT_TEXT}${'r'.repeat(1001)}` }),
    expect: { status: 422, lang: 'fr', messages: [{ key: 'admin.requests.error.reason_long', params: { max: 1000 } }], echoed: `${SCRIPT_TEXT}${'r'.repeat(1001)}` } },
  { name: 'POST /admin/requests/:number/status in English for support staff', request: status({ status: 'closed' }, SUPPORT), expect: { status: 422, messages: ['admin.requests.error.transition'] } },
]

// ---------------------------------------------------------------- POST /admin/requests/:number/comments

const comment = (form: Record<string, string | string[]>, as = ADMIN): HostileRequest => ({ method: 'POST', url: `${REQUEST}/comments`, as, form })
const BODY_LONG: MessageRef = { key: 'admin.requests.error.body_long', params: { max: 5000 } }
const refusedComment = (message: MessageRef, echoed?: string): HostileExpect => ({ status: 422, lang: 'fr', messages: [message], ...(echoed === undefined ? {} : { echoed }) })

/** A multipart body with the client's token, a message and one file. */
function multipart(fileName: string, content: string, fields: Record<string, string> = { body: 'Hostile file', visibility: 'internal' }): { contentType: string; payload: string } {
  const boundary = '----hostileadminrequests'
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  const payload = part('_csrf', '{csrf}') + Object.entries(fields).map(([name, value]) => part(name, value)).join('')
    + `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload }
}

const commentCases: HostileCase[] = [
  ...requestFormRows('comments', { body: 'Hostile note', visibility: 'internal' }, 'body'),
  { name: 'POST /admin/requests/:number/comments without a message answers 422', request: comment({ visibility: 'internal' }), expect: refusedComment('admin.requests.error.body_required') },
  { name: 'POST /admin/requests/:number/comments with a message of NUL bytes and blank lines counts as none',
    request: comment({ body: '\u0000 \r\n\t\u0007\n', visibility: 'internal' }), expect: refusedComment('admin.requests.error.body_required') },
  { name: 'POST /admin/requests/:number/comments without a visibility answers 422, the message shown back escaped',
    request: comment({ body: SCRIPT_TEXT }), expect: refusedComment('admin.requests.error.visibility', SCRIPT_TEXT) },
  ...(['everyone', 'INTERNAL', SCRIPT_TEXT, SQL_TEXT, 'internal\u0000'] as const).map((value): HostileCase => ({
    name: `POST /admin/requests/:number/comments with the visibility ${JSON.stringify(value.slice(0, 20))} answers 422`,
    request: comment({ body: 'Hostile note', visibility: value }), expect: { ...refusedComment('admin.requests.error.visibility'), absent: ['alert(1)'] },
  })),
  { name: 'POST /admin/requests/:number/comments with a 5,001-character <script> message is refused, shown back escaped',
    request: comment({ body: `${SCRIPT_TEXT}${'b'.repeat(4976)}`, visibility: 'customer' }), expect: refusedComment(BODY_LONG, `${SCRIPT_TEXT}${'b'.repeat(4976)}`) },
  { name: 'POST /admin/requests/:number/comments with a too long message closing the textarea is shown back escaped',
    request: comment({ body: `</textarea>${SCRIPT_TEXT}${'b'.repeat(5000)}`, visibility: 'customer' }), expect: refusedComment(BODY_LONG, `</textarea>${SCRIPT_TEXT}${'b'.repeat(5000)}`) },
  { name: 'POST /admin/requests/:number/comments with a 500 kB message is refused', request: comment({ body: 'b'.repeat(500_000), visibility: 'customer' }), expect: refusedComment(BODY_LONG) },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST /admin/requests/:number/comments with a too long message holding ${label} is refused, value kept`,
    request: comment({ body: `${value}${'b'.repeat(5000)}`, visibility: 'internal' }), expect: refusedComment(BODY_LONG, `${value}${'b'.repeat(5000)}`),
  })),
  { name: 'POST /admin/requests/:number/comments with an .exe attachment answers 422 and stores no file',
    request: { method: 'POST', url: `${REQUEST}/comments`, as: ADMIN, body: multipart('tool.exe', 'MZ\u0090\u0090\u0090\u0090') }, expect: refusedComment('requests.attachment.error.type_refused') },
  { name: 'POST /admin/requests/:number/comments with an empty attachment answers 422',
    request: { method: 'POST', url: `${REQUEST}/comments`, as: ADMIN, body: multipart('empty.pdf', '') }, expect: refusedComment('requests.attachment.error.empty') },
  { name: 'POST /admin/requests/:number/comments with a multipart body without its boundary is a 400',
    request: { method: 'POST', url: `${REQUEST}/comments`, as: ADMIN, body: { contentType: 'multipart/form-data', payload: '_csrf={csrf}&body=x' } }, expect: { status: 400, lang: 'fr', messages: BAD_REQUEST } },
  { name: 'POST /admin/requests/:number/comments as the administrator adds an internal note and tells nobody',
    request: comment({ body: `Hostile internal note ${SCRIPT_TEXT}`, visibility: 'internal', internal: '0', author_user_id: '1' }),
    expect: { status: 303, location: REQUEST, mayWrite: ['request_comments', 'requests', 'audit_log'] } },
]

export const adminForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /admin/requests', listCases],
  ['GET /admin/requests/:number', showCases],
  ['POST /admin/requests/:number/take', takeCases],
  ['POST /admin/requests/:number/status', statusCases],
  ['POST /admin/requests/:number/comments', commentCases],
]
