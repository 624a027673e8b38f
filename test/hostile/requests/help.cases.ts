// Hostile rows for the help pages of requests / Need help (see ../cases.ts for how rows work).
import { bigBody, SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'
import { callbackSlots } from '../../../src/features/help/business-hours.js'

/** Rivage, locale en: visitor on OCB0000302 (Cloud Avenue Gold) with support. */
const CUSTOMER = 'julien.blanc'
const CONTRACT = 'OCB0000302'
/** Rivage, locale en: on OCB0000302 without support. */
const NO_SUPPORT = 'laura.vidal'
const OTHER_COMPANY_CONTRACT = 'OCB0000101'
// Deterministic slots: refused whatever the day the suite runs (before 2029).
const SUNDAY = '2030-01-06T10:00'
const EVENING = '2030-01-07T20:00'
const TOO_FAR = '2030-01-07T10:00'
const PAST = '2020-01-06T10:00'
// A slot the form offers, a day ahead of the first: still valid while the suite runs.
const OFFERED = callbackSlots(new Date()).find((slot, _, all) => slot.day !== all[0]!.day)!.value

const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: HostileExpect = { status: 400, messages: ['error.400.title', 'error.400.body'] }
const CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]
const refused = (...keys: MessageRef[]): HostileExpect => ({ status: 422, messages: keys, signedInAfter: true })

const get = (url: string, as = CUSTOMER): HostileRequest => ({ method: 'GET', url, as })
const anonymous = (url: string): HostileRequest => ({ method: 'GET', url })
const advisor = (form: Record<string, string | string[]>, as = CUSTOMER): HostileRequest =>
  ({ method: 'POST', url: '/help/advisor', form: { contract: CONTRACT, subject: 'Question', message: 'Hello', ...form }, as })
const callback = (form: Record<string, string | string[]>, as = CUSTOMER): HostileRequest =>
  ({ method: 'POST', url: '/help/callback', form: { contract: CONTRACT, phone: '+33 1 23 45 67 89', slot: OFFERED, subject: 'Call me', ...form }, as })

const helpPageCases: HostileCase[] = [
  { name: 'GET /help shows the contract’s support and the advisor forms', request: get('/help'), expect: { status: 200, messages: ['help.title', 'help.support.title', 'help.advisor.title'] } },
  { name: 'GET /help without the Support section shows the advisor forms, not the support', request: get('/help', NO_SUPPORT), expect: { status: 200, messages: ['help.support.not_allowed', 'help.advisor.title'] } },
  { name: 'GET /help from an anonymous visitor is sent to the login page', request: anonymous('/help'), expect: { status: 302, location: /^\/login\?next=%2Fhelp$/ } },
  { name: "GET /help of another company's contract is a 404", request: get(`/help?contract=${OTHER_COMPANY_CONTRACT}`), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /help with a script as the contract is a 404', request: get(`/help?contract=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /help with a 10,000-character contract is a 404', request: get(`/help?contract=${'O'.repeat(10_000)}`), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /help with the contract sent twice is a 400', request: get(`/help?contract=${CONTRACT}&contract=${CONTRACT}`), expect: BAD_REQUEST },
]

const linkCases: HostileCase[] = [
  // The accepted case (a 303 off the site, which rows may not expect) is in test/features/help.test.ts.
  { name: 'GET /help/links/:name with an unknown name is a 404', request: get('/help/links/evil.example'), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /help/links/:name with a script as the name is a 404', request: get(`/help/links/${encodeURIComponent(SCRIPT_TEXT)}`), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /help/links/:name with a protocol-relative name is a 404', request: get('/help/links/%2F%2Fevil.example'), expect: { status: 404, messages: NOT_FOUND } },
]

const faqPageCases: HostileCase[] = [
  { name: 'GET /help/faq with a script in the search shows it escaped', request: get(`/help/faq?q=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { status: 200, messages: ['help.faq.title'], echoed: SCRIPT_TEXT } },
  { name: 'GET /help/faq with SQL wildcards searches them as text and finds nothing', request: get('/help/faq?q=%25_%25'), expect: { status: 200, messages: ['help.faq.none'] } },
  { name: 'GET /help/faq with SQL in the search finds nothing, no error', request: get(`/help/faq?q=${encodeURIComponent(SQL_TEXT)}`), expect: { status: 200, messages: ['help.faq.title'] } },
  { name: 'GET /help/faq with a 10,000-character search is answered, the search cut', request: get(`/help/faq?q=${'a'.repeat(10_000)}`), expect: { status: 200, messages: ['help.faq.none'] } },
  { name: 'GET /help/faq with the search sent twice is a 400', request: get('/help/faq?q=a&q=b'), expect: BAD_REQUEST },
  { name: 'GET /help/faq?q=<script> from an anonymous visitor is sent to the login page', request: anonymous(`/help/faq?q=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { status: 302, location: /^\/login\?next=%2Fhelp%2Ffaq%3Fq%3D[A-Za-z0-9%._~!*'()-]*$/ } },
]

const advisorCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /help/advisor ${how} is refused with 403 and writes nothing`,
    request: { ...advisor({}), csrf }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST /help/advisor from an anonymous visitor is sent to the login page', request: { ...advisor({}), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: "POST /help/advisor on another company's contract is a 404", request: advisor({ contract: OTHER_COMPANY_CONTRACT }), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /help/advisor with a script as the contract is a 404', request: advisor({ contract: SCRIPT_TEXT }), expect: { status: 404, messages: NOT_FOUND, absent: ['alert(1)'] } },
  { name: 'POST /help/advisor without a contract is refused (422)', request: advisor({ contract: '' }), expect: refused('help.error.contract_required') },
  { name: 'POST /help/advisor without a subject is refused (422)', request: advisor({ subject: '  ' }), expect: refused('help.error.subject_required') },
  { name: 'POST /help/advisor without a message is refused (422)', request: advisor({ message: '' }), expect: refused('help.error.message_required') },
  { name: 'POST /help/advisor with a 151-character subject is refused (422), the text kept escaped',
    request: advisor({ subject: `${SCRIPT_TEXT}${'s'.repeat(130)}` }), expect: { ...refused({ key: 'help.error.too_long', params: { max: 150 } }), echoed: `${SCRIPT_TEXT}${'s'.repeat(130)}` } },
  { name: 'POST /help/advisor with a 10,000-character message is refused (422)', request: advisor({ message: 'm'.repeat(10_000) }), expect: refused({ key: 'help.error.too_long', params: { max: 5000 } }) },
  { name: 'POST /help/advisor with the subject sent twice is a 400', request: advisor({ subject: ['a', 'b'] }), expect: BAD_REQUEST },
  { name: 'POST /help/advisor with a 2 MB body is refused with 413',
    request: { method: 'POST', url: '/help/advisor', as: CUSTOMER, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody('message') } },
    expect: { status: 413, messages: ['error.413.title', 'error.413.body'], signedInAfter: true } },
  { name: 'POST /help/advisor with a script in the subject is accepted as text: one message and its email',
    request: advisor({ subject: SCRIPT_TEXT, message: SQL_TEXT }), expect: { status: 303, location: `/help?contract=${CONTRACT}`, mayWrite: ['contact_messages', 'outbox'] } },
]

const callbackCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /help/callback ${how} is refused with 403 and writes nothing`,
    request: { ...callback({}), csrf }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST /help/callback from an anonymous visitor is sent to the login page', request: { ...callback({}), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: "POST /help/callback on another company's contract is a 404", request: callback({ contract: OTHER_COMPANY_CONTRACT }), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /help/callback with "abc" as the phone is refused (422)', request: callback({ phone: 'abc' }), expect: refused('help.callback.error.phone') },
  { name: 'POST /help/callback with "12" as the phone is refused (422)', request: callback({ phone: '12' }), expect: refused('help.callback.error.phone') },
  { name: 'POST /help/callback with a script as the phone is refused (422), shown escaped', request: callback({ phone: SCRIPT_TEXT }), expect: { ...refused('help.callback.error.phone'), echoed: SCRIPT_TEXT } },
  { name: 'POST /help/callback with a 10,000-character phone is refused (422)', request: callback({ phone: '1'.repeat(10_000) }), expect: refused('help.callback.error.phone') },
  { name: 'POST /help/callback without a phone is refused (422)', request: callback({ phone: '' }), expect: refused('help.callback.error.phone_required') },
  { name: 'POST /help/callback with a slot in the past is refused (422)', request: callback({ slot: PAST }), expect: refused('help.callback.error.slot_soon') },
  { name: 'POST /help/callback with a slot at 20:00 is refused (422)', request: callback({ slot: EVENING }), expect: refused('help.callback.error.slot') },
  { name: 'POST /help/callback with a slot on a Sunday is refused (422)', request: callback({ slot: SUNDAY }), expect: refused('help.callback.error.slot') },
  { name: 'POST /help/callback with 30 February is refused (422)', request: callback({ slot: '2026-02-30T10:00' }), expect: refused('help.callback.error.slot') },
  { name: 'POST /help/callback with a slot more than 30 days ahead is refused (422)', request: callback({ slot: TOO_FAR }), expect: refused('help.callback.error.slot_far') },
  { name: 'POST /help/callback with a script as the slot is refused (422)', request: callback({ slot: SCRIPT_TEXT }), expect: { ...refused('help.callback.error.slot'), absent: ['<script>alert(1)'] } },
  { name: 'POST /help/callback without a slot is refused (422)', request: callback({ slot: '' }), expect: refused('help.callback.error.slot_required') },
  { name: 'POST /help/callback without a subject is refused (422)', request: callback({ subject: '' }), expect: refused('help.error.subject_required') },
  { name: 'POST /help/callback with the slot sent twice is a 400', request: callback({ slot: [OFFERED, OFFERED] }), expect: BAD_REQUEST },
  { name: 'POST /help/callback with a 2 MB body is refused with 413',
    request: { method: 'POST', url: '/help/callback', as: CUSTOMER, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody('subject') } },
    expect: { status: 413, messages: ['error.413.title', 'error.413.body'], signedInAfter: true } },
  { name: 'POST /help/callback with an offered slot is accepted: one call back, no email',
    request: callback({ subject: SCRIPT_TEXT }), expect: { status: 303, location: `/help?contract=${CONTRACT}`, mayWrite: ['contact_messages'] } },
]

export const helpForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /help', helpPageCases],
  ['GET /help/faq', faqPageCases],
  ['GET /help/links/:name', linkCases],
  ['POST /help/advisor', advisorCases],
  ['POST /help/callback', callbackCases],
]
