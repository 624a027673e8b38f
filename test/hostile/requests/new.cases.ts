// Hostile rows for creating requests: the type choice, the incident form
// (urlencoded and multipart) and the change request form (see ../cases.ts for
// how rows work).
import { bigBody, SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

/** Support visitor on OCB0000302 (Cloud Avenue Gold), in English. */
const REPORTER = 'julien.blanc'
const GOLD = 'OCB0000302'
/** On OCB0000302 without the Support section, in English. */
const NO_SUPPORT = 'laura.vidal'
/** Services manager on OCB0000301 (Flexible Engine), in English. */
const CHANGER = 'gabriel.roux'
const FE = 'OCB0000301'
/** Another company's contract (Hexagone) for the Rivage and Lumière personas. */
const FOREIGN = 'OCB0000101'
const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const TOO_LARGE: MessageRef[] = ['error.413.title', 'error.413.body']
const CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]
const WRITES_REQUEST: HostileExpect['mayWrite'] = ['requests', 'request_events']
const refused = (messages: MessageRef[], extra: Partial<HostileExpect> = {}): HostileExpect => ({ status: 422, messages, signedInAfter: true, ...extra })
const needs = (role: string, section: string): MessageRef[] => ['error.403.title', { key: 'error.403.needs', params: { role, section } }]

// ---------------------------------------------------------------- GET /requests/new

const choosePage = (query: string, as = REPORTER): HostileRequest => ({ method: 'GET', url: `/requests/new${query}`, as })

const chooseCases: HostileCase[] = [
  { name: 'GET /requests/new offers an incident on a contract with the Support section', request: choosePage(`?contract=${GOLD}`), expect: { status: 200, messages: ['requests.new.title', 'requests.new.type.incident'] } },
  { name: 'GET /requests/new without a contract picks the first one the user may create on', request: choosePage(''), expect: { status: 200, messages: ['requests.new.type_heading', 'requests.new.type.incident'] } },
  { name: 'GET /requests/new of another company’s contract is a 404', request: choosePage(`?contract=${FOREIGN}`), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /requests/new on the user’s contract where no type is open to them is a 403 naming the role', request: choosePage(`?contract=${GOLD}`, NO_SUPPORT), expect: { status: 403, messages: needs('Visitor', 'Support') } },
  { name: 'GET /requests/new with no contract open to creation says so', request: choosePage('', NO_SUPPORT), expect: { status: 200, messages: ['requests.new.no_contract'] } },
  { name: 'GET /requests/new from an anonymous visitor is sent to the login page', request: { method: 'GET', url: `/requests/new?contract=${GOLD}` }, expect: { status: 302, location: /^\/login\?next=/ } },
  { name: 'GET /requests/new with the contract twice is a 400', request: choosePage(`?contract=${GOLD}&contract=${GOLD}`), expect: { status: 400, messages: BAD_REQUEST } },
  ...([['<script>', encodeURIComponent(SCRIPT_TEXT)], ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)], ['a 10,000-character code', 'O'.repeat(10_000)], ['%_ wildcards', '%25_%25']] as const).map(([label, code]): HostileCase => ({
    name: `GET /requests/new with ${label} as the contract is a 404`, request: choosePage(`?contract=${code}`), expect: { status: 404, messages: NOT_FOUND },
  })),
]

// ---------------------------------------------------------------- GET /requests/new/incident

const incidentPage = (query: string, as = REPORTER): HostileRequest => ({ method: 'GET', url: `/requests/new/incident?contract=${GOLD}${query}`, as })

const incidentPageCases: HostileCase[] = [
  { name: 'GET /requests/new/incident asks for the problem in a few words and shows the time to repair', request: incidentPage(''),
    expect: { status: 200, messages: ['requests.incident.step1_heading', { key: 'requests.repair.hours', params: { priority: 'P1 – critical', hours: '4' } }] } },
  { name: 'GET /requests/new/incident with words shows the FAQ answers and the form', request: incidentPage('&title=password'), expect: { status: 200, messages: ['requests.incident.faq_heading', 'requests.incident.faq_helped', 'requests.incident.submit'] } },
  { name: 'GET /requests/new/incident with empty words is refused (422)', request: incidentPage('&title='), expect: refused(['requests.incident.error.summary_required']) },
  { name: 'GET /requests/new/incident with the words twice is a 400', request: incidentPage('&title=a&title=b'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'GET /requests/new/incident with a script as the words shows them escaped, never raw', request: incidentPage(`&title=${encodeURIComponent(SCRIPT_TEXT)}`), expect: { status: 200, messages: ['requests.incident.submit'], echoed: SCRIPT_TEXT } },
  { name: 'GET /requests/new/incident with 10,000 characters of words searches with the first 150', request: incidentPage(`&title=${'w'.repeat(10_000)}`), expect: { status: 200, messages: ['requests.incident.faq_none'], contains: [`id="title" name="title" type="text" value="${'w'.repeat(150)}"`] } },
  { name: 'GET /requests/new/incident with SQL wildcards as the words treats them as text', request: incidentPage(`&title=${encodeURIComponent("%_%' OR 1=1 --")}`), expect: { status: 200, messages: ['requests.incident.submit'], echoed: "%_%' OR 1=1 --" } },
  { name: 'GET /requests/new/incident without the Support section is a 403 naming the role', request: incidentPage('', NO_SUPPORT), expect: { status: 403, messages: needs('Visitor', 'Support') } },
  { name: 'GET /requests/new/incident of another company’s contract is a 404', request: { method: 'GET', url: `/requests/new/incident?contract=${FOREIGN}`, as: REPORTER }, expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /requests/new/incident without a contract is a 404', request: { method: 'GET', url: '/requests/new/incident', as: REPORTER }, expect: { status: 404, messages: NOT_FOUND } },
]

// ---------------------------------------------------------------- POST /requests/new/incident

const INCIDENT = { contract: GOLD, service: 'vm', priority: 'P2', title: 'Desktops slow', description: 'Since this morning.' }
const incidentPost = (change: Record<string, string | string[]>, as = REPORTER): HostileRequest => ({ method: 'POST', url: '/requests/new/incident', form: { ...INCIDENT, ...change }, as })
const B = 'hostileNewIncidentBoundary'
const part = (name: string, value: string) => `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
const filePart = (fileName: string, content: string, type = 'application/octet-stream') =>
  `--${B}\r\nContent-Disposition: form-data; name="attachment"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`
const incidentMultipart = (parts: string[]): HostileRequest => ({
  method: 'POST', url: '/requests/new/incident', as: REPORTER,
  body: { contentType: `multipart/form-data; boundary=${B}`, payload: `${part('_csrf', '{csrf}')}${Object.entries(INCIDENT).map(([name, value]) => part(name, value)).join('')}${parts.join('')}--${B}--\r\n` },
})

const incidentPostCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /requests/new/incident ${how} is refused with 403 and writes nothing`, request: { ...incidentPost({}), csrf }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST /requests/new/incident from an anonymous visitor is sent to the login page', request: { ...incidentPost({}), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /requests/new/incident without the Support section is a 403 naming the role', request: incidentPost({}, NO_SUPPORT), expect: { status: 403, messages: needs('Visitor', 'Support'), signedInAfter: true } },
  { name: 'POST /requests/new/incident on another company’s contract is a 404', request: incidentPost({ contract: FOREIGN }), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /requests/new/incident without a contract is a 404', request: incidentPost({ contract: '' }), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /requests/new/incident with the contract twice is a 400', request: incidentPost({ contract: [GOLD, GOLD] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /requests/new/incident with the title twice is a 400', request: incidentPost({ title: ['a', 'b'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /requests/new/incident with nothing filled in names every field (422)', request: incidentPost({ service: '', priority: '', title: '', description: '' }),
    expect: refused(['requests.incident.error.service', 'requests.incident.error.priority', 'requests.incident.error.title_required', 'requests.incident.error.description_required']) },
  { name: 'POST /requests/new/incident with a service of another offer is refused (422)', request: incidentPost({ service: 'ecs' }), expect: refused(['requests.incident.error.service']) },
  { name: 'POST /requests/new/incident with a script as the service is refused (422), never shown raw', request: incidentPost({ service: SCRIPT_TEXT }), expect: refused(['requests.incident.error.service'], { absent: ['alert(1)'] }) },
  { name: 'POST /requests/new/incident with the priority p1 is refused (422)', request: incidentPost({ priority: 'p1' }), expect: refused(['requests.incident.error.priority']) },
  { name: 'POST /requests/new/incident with a 151-character title is refused (422), the title kept', request: incidentPost({ title: 't'.repeat(151) }),
    expect: refused([{ key: 'requests.incident.error.title_too_long', params: { max: '150' } }], { contains: [`value="${'t'.repeat(151)}"`] }) },
  { name: 'POST /requests/new/incident with a 10,000-character description is refused (422)', request: incidentPost({ description: 'd'.repeat(10_000) }),
    expect: refused([{ key: 'requests.incident.error.description_too_long', params: { max: '5,000' } }]) },
  { name: 'POST /requests/new/incident with a script in the title and a valid form is accepted, shown escaped later',
    request: incidentPost({ title: SCRIPT_TEXT, description: `${SQL_TEXT} %_` }), expect: { status: 303, location: /^\/requests\/REQ-\d{6}$/, mayWrite: WRITES_REQUEST } },
  { name: 'POST /requests/new/incident with a 2 MB body is refused with 413',
    request: { method: 'POST', url: '/requests/new/incident', as: REPORTER, body: { contentType: 'application/x-www-form-urlencoded', payload: `contract=${GOLD}&${bigBody('description')}` } },
    expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /requests/new/incident with an executable attached is refused (422)', request: incidentMultipart([filePart('tool.exe', 'MZ\u0090\u0090')]), expect: refused(['requests.attachment.error.type_refused']) },
  { name: 'POST /requests/new/incident with an empty file is refused (422)', request: incidentMultipart([filePart('empty.pdf', '', 'application/pdf')]), expect: refused(['requests.attachment.error.empty']) },
  { name: 'POST /requests/new/incident with a PDF name on other bytes is refused (422)', request: incidentMultipart([filePart('capture.pdf', 'not a pdf at all')]), expect: refused(['requests.attachment.error.type_mismatch']) },
  { name: 'POST /requests/new/incident with two files is refused with 413', request: incidentMultipart([filePart('a.txt', 'one', 'text/plain'), filePart('b.txt', 'two', 'text/plain')]), expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  // Busboy ends a body without its closing boundary quietly: the parts read so far are the form.
  { name: 'POST /requests/new/incident with a multipart body cut short is refused (422) for the fields it lacks',
    request: { method: 'POST', url: '/requests/new/incident', as: REPORTER, body: { contentType: `multipart/form-data; boundary=${B}`, payload: `${part('_csrf', '{csrf}')}${part('contract', GOLD)}--${B}\r\nContent-Disposition: form-data; name="title"\r\n\r\ncut` } },
    expect: refused(['requests.incident.error.service', 'requests.incident.error.priority', 'requests.incident.error.description_required']) },
]

// ---------------------------------------------------------------- GET /requests/new/change

const changePage = (query: string, as = CHANGER): HostileRequest => ({ method: 'GET', url: `/requests/new/change?contract=${FE}${query}`, as })

const changePageCases: HostileCase[] = [
  { name: 'GET /requests/new/change lists the change catalog of the contract’s offer', request: changePage(''), expect: { status: 200, messages: ['requests.change.title', 'requests.change.intro'] } },
  { name: 'GET /requests/new/change with an item shows its form', request: changePage('&item=quota_ecs'), expect: { status: 200, messages: ['requests.change.form_heading', 'requests.change.submit', 'form.required_hint'] } },
  { name: 'GET /requests/new/change as a Services visitor is a 403 naming the role', request: changePage('', REPORTER), expect: { status: 403, messages: needs('Manager', 'Catalog / Services') } },
  { name: 'GET /requests/new/change of another company’s contract is a 404', request: { method: 'GET', url: `/requests/new/change?contract=${FOREIGN}`, as: CHANGER }, expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /requests/new/change with the item twice is a 400', request: changePage('&item=quota_ecs&item=quota_evs'), expect: { status: 400, messages: BAD_REQUEST } },
  ...([['an unknown item', 'quota_gpu'], ['an item of no offer of this contract', 'QUOTA_ECS'], ['<script>', encodeURIComponent(SCRIPT_TEXT)], ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)], ['%_ wildcards', 'quota%25'], ['a 10,000-character item', 'q'.repeat(10_000)]] as const).map(([label, item]): HostileCase => ({
    name: `GET /requests/new/change with ${label} as the item is a 404`, request: changePage(`&item=${item}`), expect: { status: 404, messages: NOT_FOUND },
  })),
]

// ---------------------------------------------------------------- POST /requests/new/change

const QUOTA = {
  contract: FE, item: 'quota_ecs', region: 'eu-west-0', instances: '10', vcpus: '40', memory_gb: '160', justification: 'Growth',
  wanted_by: '', contact_name: 'Gabriel Roux', contact_email: 'gabriel@lumiere.example', contact_phone: '',
}
const changePost = (change: Record<string, string | string[]>, as = CHANGER): HostileRequest => ({ method: 'POST', url: '/requests/new/change', form: { ...QUOTA, ...change }, as })
const fieldError = (message: MessageRef) => refused([message])

const changePostCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /requests/new/change ${how} is refused with 403 and writes nothing`, request: { ...changePost({}), csrf }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST /requests/new/change from an anonymous visitor is sent to the login page', request: { ...changePost({}), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /requests/new/change as a Services visitor is a 403 naming the role', request: changePost({}, REPORTER), expect: { status: 403, messages: needs('Manager', 'Catalog / Services'), signedInAfter: true } },
  { name: 'POST /requests/new/change on another company’s contract is a 404', request: changePost({ contract: FOREIGN }), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /requests/new/change with an item of another offer is a 404', request: changePost({ contract: 'OCB0000201' }, 'farid.haddad'), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /requests/new/change without an item is a 404', request: changePost({ item: '' }), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /requests/new/change with the item twice is a 400', request: changePost({ item: ['quota_ecs', 'quota_ecs'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /requests/new/change with a required field missing names it (422)', request: changePost({ contact_name: '' }),
    expect: fieldError({ key: 'fields.error.required', params: { label: 'Contact person for the implementation' } }) },
  { name: 'POST /requests/new/change with a number out of range is refused (422)', request: changePost({ instances: '10001' }),
    expect: fieldError({ key: 'fields.error.number_between', params: { label: 'Instances wanted in total', min: '1', max: '10,000' } }) },
  { name: 'POST /requests/new/change with a number in exponent form is refused (422)', request: changePost({ vcpus: '1e3' }), expect: fieldError({ key: 'fields.error.number', params: { label: 'vCPUs wanted in total' } }) },
  { name: 'POST /requests/new/change with 2026-02-30 as a date is refused (422)', request: changePost({ wanted_by: '2026-02-30' }), expect: fieldError({ key: 'fields.error.date', params: { label: 'Wanted by' } }) },
  { name: 'POST /requests/new/change with an option no select offers is refused (422)', request: changePost({ region: SCRIPT_TEXT }), expect: { ...fieldError({ key: 'fields.error.select', params: { label: 'Region' } }), absent: ['alert(1)'] } },
  { name: 'POST /requests/new/change with a bad email is refused (422), kept escaped', request: changePost({ contact_email: `"${SCRIPT_TEXT}"@x` }),
    expect: { ...fieldError({ key: 'fields.error.email', params: { label: 'Contact email' } }), echoed: `"${SCRIPT_TEXT}"@x` } },
  { name: 'POST /requests/new/change with a phone without digits is refused (422)', request: changePost({ contact_phone: '+()-. ' }), expect: fieldError({ key: 'fields.error.tel', params: { label: 'Contact phone' } }) },
  { name: 'POST /requests/new/change with an item field sent twice is refused (422) next to it', request: changePost({ instances: ['10', '20'] }),
    expect: fieldError({ key: 'fields.error.repeated', params: { label: 'Instances wanted in total' } }) },
  { name: 'POST /requests/new/change with a 10,000-character justification is refused (422)', request: changePost({ justification: 'j'.repeat(10_000) }),
    expect: fieldError({ key: 'fields.error.too_long', params: { label: 'Why do you need it?', max: '2,000' } }) },
  { name: 'POST /requests/new/change with a 2 MB body is refused with 413',
    request: { method: 'POST', url: '/requests/new/change', as: CHANGER, body: { contentType: 'application/x-www-form-urlencoded', payload: `contract=${FE}&item=quota_ecs&${bigBody('justification')}` } },
    expect: { status: 413, messages: TOO_LARGE, signedInAfter: true } },
  { name: 'POST /requests/new/change with extra unknown fields ignores them', request: changePost({ admin: 'hostile-admin', status: 'hostile-status', author_user_id: '1' }),
    expect: { status: 303, location: /^\/requests\/REQ-\d{6}$/, mayWrite: WRITES_REQUEST, notStored: ['hostile-admin', 'hostile-status'] } },
]

export const newForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /requests/new', chooseCases],
  ['GET /requests/new/incident', incidentPageCases],
  ['POST /requests/new/incident', incidentPostCases],
  ['GET /requests/new/change', changePageCases],
  ['POST /requests/new/change', changePostCases],
]
