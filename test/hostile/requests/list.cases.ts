// Hostile rows for the list pages of requests / Need help (see ../cases.ts for how rows work).
import { bigBody, SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

// ---- A request's page, its comments and its files (scripts/seed-demo-requests.ts numbers the demo requests 1 to 12).
/** Emma's open P1 incident on OCB0000201 (English). */
const OPEN_REQUEST = 'REQ-000005'
/** Emma's rejected incident: takes no comment. */
const REJECTED_REQUEST = 'REQ-000006'
/** Julien's incident on OCB0000302 (another company for Emma); its file is attachment 3. */
const FOREIGN_REQUEST = 'REQ-000007'
/** Alice's incident on OCB0000101, private to her (Chloé is a support visitor there); attachment 1 is on its internal note. */
const PRIVATE_REQUEST = 'REQ-000001'
const REQUEST_AUTHOR = 'emma.leroy'
const REQUEST_NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const REQUEST_CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]
const RB = 'hostileRequestBoundary'
const rPart = (name: string, value: string) => `--${RB}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
const rFile = (fileName: string, content: string, type = 'application/pdf') =>
  `--${RB}\r\nContent-Disposition: form-data; name="attachment"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`
const commentPost = (form: Record<string, string | string[]>, number = OPEN_REQUEST, as = REQUEST_AUTHOR): HostileRequest =>
  ({ method: 'POST', url: `/requests/${number}/comments`, form, as })
const commentMultipart = (parts: string[], number = OPEN_REQUEST): HostileRequest =>
  ({ method: 'POST', url: `/requests/${number}/comments`, as: REQUEST_AUTHOR, body: { contentType: `multipart/form-data; boundary=${RB}`, payload: `${rPart('_csrf', '{csrf}')}${parts.join('')}--${RB}--\r\n` } })
const commentRefused = (messages: MessageRef[], extra: Partial<HostileExpect> = {}): HostileExpect => ({ status: 422, messages, signedInAfter: true, ...extra })

const requestPageCases: HostileCase[] = [
  { name: 'GET /requests/:number shows its author the details, the history and the conversation', request: { method: 'GET', url: `/requests/${OPEN_REQUEST}`, as: REQUEST_AUTHOR },
    expect: { status: 200, messages: ['requests.show.details', 'requests.show.history', 'requests.show.conversation', 'requests.comment.heading'] } },
  { name: 'GET /requests/:number of another company’s request is a 404', request: { method: 'GET', url: `/requests/${FOREIGN_REQUEST}`, as: REQUEST_AUTHOR }, expect: { status: 404, messages: REQUEST_NOT_FOUND } },
  { name: 'GET /requests/:number of an incident private to another user of the contract is a 404', request: { method: 'GET', url: `/requests/${PRIVATE_REQUEST}`, as: 'chloe.bernard' }, expect: { status: 404, messages: REQUEST_NOT_FOUND } },
  { name: 'GET /requests/:number from an anonymous visitor is sent to the login page', request: { method: 'GET', url: `/requests/${OPEN_REQUEST}` }, expect: { status: 302, location: /^\/login\?next=/ } },
  ...(['5', '000005', 'req-000005', 'REQ-5', 'REQ-00000a', 'REQ-000000', 'REQ-999999', `REQ-${'9'.repeat(13)}`, `REQ-${'9'.repeat(500)}`, 'REQ-000005%00', 'REQ-%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%95',
    encodeURIComponent(SCRIPT_TEXT), encodeURIComponent(SQL_TEXT)]).map((number): HostileCase => ({
    name: `GET /requests/:number with ${number.slice(0, 24)} as the number is a 404`,
    request: { method: 'GET', url: `/requests/${number}`, as: REQUEST_AUTHOR }, expect: { status: 404, messages: REQUEST_NOT_FOUND },
  })),
  ...(['0', '-1', 'abc', '1.5', '99999999', '9'.repeat(40), encodeURIComponent(SCRIPT_TEXT)]).map((id): HostileCase => ({
    name: `GET /requests/:number/attachments/:id with the id ${id.slice(0, 20)} is a 404`,
    request: { method: 'GET', url: `/requests/${OPEN_REQUEST}/attachments/${id}`, as: REQUEST_AUTHOR }, expect: { status: 404, messages: REQUEST_NOT_FOUND },
  })),
  { name: 'GET /requests/:number/attachments/:id of another request’s file (through a request the user sees) is a 404', request: { method: 'GET', url: `/requests/${OPEN_REQUEST}/attachments/3`, as: REQUEST_AUTHOR },
    expect: { status: 404, messages: REQUEST_NOT_FOUND } },
  { name: 'GET /requests/:number/attachments/:id of an internal note’s file is a 404 even to the request’s author', request: { method: 'GET', url: `/requests/${PRIVATE_REQUEST}/attachments/1`, as: 'alice.martin' },
    expect: { status: 404, lang: 'fr', messages: REQUEST_NOT_FOUND } },
]

const commentCases: HostileCase[] = [
  ...REQUEST_CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /requests/:number/comments ${how} is refused with 403 and writes nothing`,
    request: { ...commentPost({ body: 'Hello' }), csrf }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST /requests/:number/comments (multipart) without a CSRF token is refused with 403',
    request: { method: 'POST', url: `/requests/${OPEN_REQUEST}/comments`, as: REQUEST_AUTHOR, body: { contentType: `multipart/form-data; boundary=${RB}`, payload: `${rPart('body', 'Hello')}--${RB}--\r\n` } },
    expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true } },
  { name: 'POST /requests/:number/comments from an anonymous visitor is sent to the login page', request: { ...commentPost({ body: 'Hello' }), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /requests/:number/comments on another company’s request is a 404', request: commentPost({ body: 'Hello' }, FOREIGN_REQUEST), expect: { status: 404, messages: REQUEST_NOT_FOUND } },
  { name: 'POST /requests/:number/comments on another user’s private incident is a 404', request: commentPost({ body: 'Hello' }, PRIVATE_REQUEST, 'chloe.bernard'), expect: { status: 404, messages: REQUEST_NOT_FOUND } },
  ...(['REQ-5', 'REQ-999999', encodeURIComponent(SCRIPT_TEXT)]).map((number): HostileCase => ({
    name: `POST /requests/:number/comments with ${number.slice(0, 20)} as the number is a 404`, request: commentPost({ body: 'Hello' }, number), expect: { status: 404, messages: REQUEST_NOT_FOUND },
  })),
  { name: 'POST /requests/:number/comments on a rejected request is refused (422) with the create-a-new-request message', request: commentPost({ body: 'Please look again' }, REJECTED_REQUEST),
    expect: commentRefused(['requests.comment.closed', 'requests.comment.create_new']) },
  { name: 'POST /requests/:number/comments without a message is refused (422)', request: commentPost({}), expect: commentRefused(['requests.comment.error.body_required']) },
  { name: 'POST /requests/:number/comments with only spaces and control characters is refused (422)', request: commentPost({ body: ' \u0000\u0007 \n ' }), expect: commentRefused(['requests.comment.error.body_required']) },
  { name: 'POST /requests/:number/comments with a 5,001-character message is refused (422), the script in it shown escaped',
    request: commentPost({ body: SCRIPT_TEXT + 'x'.repeat(5001) }), expect: commentRefused([{ key: 'requests.comment.error.body_long', params: { max: 5000 } }], { echoed: SCRIPT_TEXT }) },
  { name: 'POST /requests/:number/comments with a 10,000-character message is refused (422)', request: commentPost({ body: 'y'.repeat(10_000) }), expect: commentRefused([{ key: 'requests.comment.error.body_long', params: { max: 5000 } }]) },
  { name: 'POST /requests/:number/comments with the message sent twice is a 400', request: commentPost({ body: ['a', 'b'] }), expect: { status: 400, messages: ['error.400.title', 'error.400.body'] } },
  { name: 'POST /requests/:number/comments with the attachment field sent as text twice is a 400', request: commentPost({ body: 'Hello', attachment: ['a', 'b'] }), expect: { status: 400, messages: ['error.400.title', 'error.400.body'] } },
  { name: 'POST /requests/:number/comments with a 2 MB urlencoded body is refused with 413',
    request: { method: 'POST', url: `/requests/${OPEN_REQUEST}/comments`, as: REQUEST_AUTHOR, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody('body') } },
    expect: { status: 413, messages: ['error.413.title', 'error.413.body'], signedInAfter: true } },
  { name: 'POST /requests/:number/comments (multipart) with an .exe is refused (422)', request: commentMultipart([rPart('body', 'See tool'), rFile('setup.exe', 'MZ\u0090\u0000\u0003')]),
    expect: commentRefused(['requests.attachment.error.type_refused']) },
  { name: 'POST /requests/:number/comments (multipart) with an empty file is refused (422)', request: commentMultipart([rPart('body', 'See file'), rFile('a.pdf', '')]),
    expect: commentRefused(['requests.attachment.error.empty']) },
  { name: 'POST /requests/:number/comments (multipart) with an HTML page named .pdf is refused (422), nothing shown raw', request: commentMultipart([rPart('body', 'See file'), rFile(`${SCRIPT_TEXT}.pdf`, SCRIPT_TEXT)]),
    expect: commentRefused(['requests.attachment.error.type_mismatch'], { absent: ['alert(1)'] }) },
  { name: 'POST /requests/:number/comments (multipart) with the message sent twice is a 400', request: commentMultipart([rPart('body', 'a'), rPart('body', 'b')]),
    expect: { status: 400, messages: ['error.400.title', 'error.400.body'] } },
  { name: 'POST /requests/:number/comments (multipart) with two files is refused with 413', request: commentMultipart([rPart('body', 'a'), rFile('a.pdf', '%PDF-1.7 a'), rFile('b.pdf', '%PDF-1.7 b')]),
    expect: { status: 413, messages: ['error.413.title', 'error.413.body'], signedInAfter: true } },
  { name: 'POST /requests/:number/comments (multipart) with a body cut in the middle of the file is a 400',
    request: { method: 'POST', url: `/requests/${OPEN_REQUEST}/comments`, as: REQUEST_AUTHOR, body: { contentType: `multipart/form-data; boundary=${RB}`, payload: `${rPart('_csrf', '{csrf}')}${rPart('body', 'x')}--${RB}\r\nContent-Disposition: form-data; name="attachment"; filename="a.pdf"\r\n\r\n%PDF-1.7` } },
    expect: { status: 400, messages: ['error.400.title', 'error.400.body'] } },
  { name: 'POST /requests/:number/comments with SQL in the message is accepted as text (303)', request: commentPost({ body: SQL_TEXT }),
    expect: { status: 303, location: `/requests/${OPEN_REQUEST}#comments`, mayWrite: ['requests', 'request_comments', 'notifications'] } },
]

// ---- The Requests list and its CSV (GET /requests, GET /requests/export.csv): a bookmarkable GET form.
/** Referent of OCB0000101 and OCB0000102, in French; OCB0000201 is another company's. */
const LIST_USER = 'alice.martin'
const listGet = (query: string, path = '/requests'): HostileRequest => ({ method: 'GET', url: `${path}${query}`, as: LIST_USER })
const anonymousGet = (path: string): HostileRequest => ({ method: 'GET', url: path })
const LIST_400: HostileExpect = { status: 400, lang: 'fr', messages: ['error.400.title', 'error.400.body'], signedInAfter: true }
const listRefused = (messages: MessageRef[], extra: Partial<HostileExpect> = {}): HostileExpect => ({ status: 422, lang: 'fr', messages, signedInAfter: true, ...extra })

export const requestsListCases: HostileCase[] = [
  { name: 'GET /requests shows the signed-in user their requests with the filters and the CSV link', request: listGet(''),
    expect: { status: 200, lang: 'fr', messages: ['requests.list.title', 'requests.list.filter.q', 'requests.list.csv'] } },
  { name: 'GET /requests from an anonymous visitor is redirected to the login page', request: anonymousGet('/requests'), expect: { status: 302, location: /^\/login\?next=/ } },
  { name: 'GET /requests/export.csv from an anonymous visitor is redirected to the login page', request: anonymousGet('/requests/export.csv'), expect: { status: 302, location: /^\/login\?next=/ } },
  { name: "GET /requests filtered by another company's contract is a 404", request: listGet('?contract=OCB0000201'), expect: { status: 404, lang: 'fr', messages: REQUEST_NOT_FOUND } },
  { name: "GET /requests/export.csv of another company's contract is a 404", request: listGet('?contract=OCB0000201', '/requests/export.csv'), expect: { status: 404, lang: 'fr', messages: REQUEST_NOT_FOUND } },
  { name: 'GET /requests with a script as the contract is a 404, nothing shown raw', request: listGet(`?contract=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { status: 404, lang: 'fr', messages: REQUEST_NOT_FOUND } },
  { name: 'GET /requests with an unknown status is refused (422)', request: listGet('?status=closed'), expect: listRefused(['requests.list.error.status']) },
  { name: 'GET /requests with a script as the type is refused (422), nothing shown raw', request: listGet(`?type=${encodeURIComponent(SCRIPT_TEXT)}`), expect: listRefused(['requests.list.error.type']) },
  { name: 'GET /requests with an unknown sort is refused (422)', request: listGet('?sort=title%3Bdrop+table+requests'), expect: listRefused(['requests.list.error.sort']) },
  { name: 'GET /requests/export.csv with an unknown status is the list page with its message (422), not a file', request: listGet('?status=closed', '/requests/export.csv'), expect: listRefused(['requests.list.error.status']) },
  { name: 'GET /requests with a 10,000-character search is refused (422)', request: listGet(`?q=${'x'.repeat(10_000)}`), expect: listRefused([{ key: 'requests.list.error.q_long', params: { max: 100 } }]) },
  { name: 'GET /requests/export.csv with a 10,000-character search is refused (422)', request: listGet(`?q=${'x'.repeat(10_000)}`, '/requests/export.csv'), expect: listRefused([{ key: 'requests.list.error.q_long', params: { max: 100 } }]) },
  { name: 'GET /requests with SQL as the search is text: the list, the value shown back escaped', request: listGet(`?q=${encodeURIComponent(SQL_TEXT)}`),
    expect: { status: 200, lang: 'fr', messages: ['requests.list.none_matching'], echoed: SQL_TEXT } },
  { name: 'GET /requests with a script as the search shows it back escaped', request: listGet(`?q=${encodeURIComponent(SCRIPT_TEXT)}`),
    expect: { status: 200, lang: 'fr', messages: ['requests.list.none_matching'], echoed: SCRIPT_TEXT } },
  { name: 'GET /requests with % and _ as the search takes them as text', request: listGet('?q=%25_%25'), expect: { status: 200, lang: 'fr', messages: ['requests.list.none_matching'] } },
  { name: 'GET /requests with a NUL byte and control characters in the search is answered, without them', request: listGet('?q=%00%07REQ'), expect: { status: 200, lang: 'fr', messages: ['requests.list.title'] } },
  { name: 'GET /requests with the status sent twice is a 400', request: listGet('?status=transmitted&status=completed'), expect: LIST_400 },
  { name: 'GET /requests with the search sent twice is a 400', request: listGet('?q=a&q=b'), expect: LIST_400 },
  { name: 'GET /requests/export.csv with the type sent twice is a 400', request: listGet('?type=order&type=change', '/requests/export.csv'), expect: LIST_400 },
  { name: 'GET /requests with a page that is not a number is a 400', request: listGet('?page=1%20OR%201%3D1'), expect: LIST_400 },
  { name: 'GET /requests with a negative page is a 400', request: listGet('?page=-1'), expect: LIST_400 },
  { name: 'GET /requests with a page past the end shows the last page', request: listGet('?page=999999'), expect: { status: 200, lang: 'fr', messages: ['requests.list.title'] } },
]

export const listForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /requests and /requests/export.csv', requestsListCases],
  ['GET /requests/:number(/attachments/:id)', requestPageCases],
  ['POST /requests/:number/comments', commentCases],
]
