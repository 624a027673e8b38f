// Hostile rows for the support pages (see ../cases.ts for how rows work).
import { bigBody, SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

/** Referent of OCB0000101 (Flexible Engine, Business, committed until 2027-03-31), in French. */
const REFERENT = 'alice.martin'
const FE_CONTRACT = 'OCB0000101'
/** Contracts visitor on OCB0000101. */
const VISITOR = 'chloe.bernard'
/** Referent of OCB0000103 (FCA: no ladder). */
const FCA_REFERENT = 'david.moreau'
const OTHER_COMPANY_CONTRACT = 'OCB0000201'

const page = (code = FE_CONTRACT, as = REFERENT): HostileRequest => ({ method: 'GET', url: `/contracts/${code}/support-level`, as })
const post = (form: Record<string, string | string[]>, code = FE_CONTRACT, as = REFERENT): HostileRequest =>
  ({ method: 'POST', url: `/contracts/${code}/support-level`, form, as })
const refused = (key: MessageRef, lang: 'en' | 'fr' = 'fr'): HostileExpect => ({ status: 422, lang, messages: [key], signedInAfter: true })
const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]

const supportLevelPageCases: HostileCase[] = [
  { name: 'GET /contracts/:code/support-level shows the ladder to a contracts visitor', request: page(FE_CONTRACT, VISITOR), expect: { status: 200, messages: ['support.title', 'support.level.premium', 'support.managers_only'] } },
  { name: "GET /contracts/:code/support-level of another company's contract is a 404", request: page(OTHER_COMPANY_CONTRACT), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'GET /contracts/:code/support-level with a script in the code is a 404', request: page(encodeURIComponent(SCRIPT_TEXT)), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'GET /contracts/:code/support-level of an offer without a ladder says so', request: page('OCB0000103', FCA_REFERENT), expect: { status: 200, lang: 'fr', messages: ['support.no_ladder'] } },
]

const supportLevelPostCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /contracts/:code/support-level ${how} is refused with 403 and writes nothing`,
    request: { ...post({ level: 'premium' }), csrf }, expect: { status: 403, lang: 'fr', messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST /contracts/:code/support-level from an anonymous visitor is sent to the login page', request: { ...post({ level: 'premium' }), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /contracts/:code/support-level as a contracts visitor is a 403 naming the role', request: post({ level: 'premium' }, FE_CONTRACT, VISITOR),
    expect: { status: 403, messages: ['error.403.title', { key: 'error.403.needs', params: { role: 'Manager', section: 'Contracts' } }], signedInAfter: true } },
  { name: "POST /contracts/:code/support-level on another company's contract is a 404", request: post({ level: 'gold' }, OTHER_COMPANY_CONTRACT), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'POST /contracts/:code/support-level without a level is refused (422)', request: post({}), expect: refused('support.error.not_in_ladder') },
  { name: 'POST /contracts/:code/support-level with a level of another ladder (gold) is refused (422)', request: post({ level: 'gold' }), expect: refused('support.error.not_in_ladder') },
  { name: 'POST /contracts/:code/support-level with the upper-case name of a level is refused (422)', request: post({ level: 'PREMIUM' }), expect: refused('support.error.not_in_ladder') },
  { name: 'POST /contracts/:code/support-level with the current level is refused (422)', request: post({ level: 'business' }), expect: refused('support.error.same_level') },
  { name: 'POST /contracts/:code/support-level with a lower level during the commitment is refused (422)', request: post({ level: 'basic' }), expect: refused('support.error.downgrade_in_commitment') },
  { name: 'POST /contracts/:code/support-level with a lower Cloud Avenue level becomes a change request and goes to its page',
    request: post({ level: 'silver' }, 'OCB0000302', 'helene.fabre'),
    expect: { status: 303, location: /^\/requests\/REQ-\d{6}$/, mayWrite: ['requests', 'request_events', 'audit_log'] } },
  { name: 'POST /contracts/:code/support-level on an offer without a ladder is refused (422)', request: post({ level: 'standard' }, 'OCB0000103', FCA_REFERENT), expect: refused('support.error.not_in_ladder') },
  ...([['<script>', SCRIPT_TEXT], ["' OR 1=1 --", SQL_TEXT], ['a NUL byte', 'premium\u0000'], ['a 10,000-character level', 'p'.repeat(10_000)]] as const).map(([label, value]): HostileCase => ({
    name: `POST /contracts/:code/support-level with ${label} as the level is refused (422), nothing shown raw`,
    request: post({ level: value }), expect: { ...refused('support.error.not_in_ladder'), absent: ['alert(1)'] },
  })),
  { name: 'POST /contracts/:code/support-level with the level sent twice is a 400', request: post({ level: ['premium', 'premium'] }), expect: { status: 400, lang: 'fr', messages: ['error.400.title', 'error.400.body'] } },
  { name: 'POST /contracts/:code/support-level with a 2 MB body is refused with 413',
    request: { method: 'POST', url: `/contracts/${FE_CONTRACT}/support-level`, as: REFERENT, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody('level') } },
    expect: { status: 413, lang: 'fr', messages: ['error.413.title', 'error.413.body'], signedInAfter: true } },
]

export const supportForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /contracts/:code/support-level', supportLevelPageCases],
  ['POST /contracts/:code/support-level', supportLevelPostCases],
]
