// The catalog's order hostile rows (see ../cases.ts for how rows work):
// GET/POST /catalog/:service/order for a service with an order form. No row
// holds a valid one-time token (the suite can't sign one), so no POST here
// places an order: every row proves a refusal that writes nothing — the
// token missing, forged or expired, the fields' own checks (reported with the
// token's message, values kept), rights, unknown services and contracts.
import { bigBody, SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

/** Services manager on OCB0000301 (Flexible Engine, Rivage), not its referent, in English. */
const MANAGER = 'gabriel.roux'
const FE = 'OCB0000301'
/** Services visitor on OCB0000301, in English. */
const VISITOR = 'julien.blanc'
/** Another company's contract (Hexagone) for the Rivage personas. */
const FOREIGN = 'OCB0000101'
/** On OCB0000101 without the Services section, in French. */
const NO_SERVICES = 'karine.lopez'
/** Referent of the multi-services grouping contract OCB0000100, in French. */
const GROUPING_REFERENT = 'david.moreau'
const GROUPING = 'OCB0000100'
const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]
const needs = (role: string, section: string): MessageRef[] => ['error.403.title', { key: 'error.403.needs', params: { role, section } }]
const NEEDS_MANAGER = needs('Manager', 'Catalog / Services')
/** A support level through the catalog asks what the contract's support-level page asks (effects.ts). */
const NEEDS_CONTRACTS_MANAGER = needs('Manager', 'Contracts')
const refused = (messages: MessageRef[], extra: Partial<HostileExpect> = {}): HostileExpect => ({ status: 422, messages, signedInAfter: true, ...extra })
const BAD_CODES = [['<script>', encodeURIComponent(SCRIPT_TEXT)], ["' OR 1=1 --", encodeURIComponent(SQL_TEXT)], ['a 10,000-character code', 'O'.repeat(10_000)], ['%_ wildcards', '%25_%25']] as const

/** A token of the right shape signed with nobody's secret. */
const FORGED_TOKEN = `${Date.now().toString(36)}.${'A'.repeat(22)}.${'B'.repeat(43)}`
/** Issued 25 hours ago: refused as forged too (its signature can't match), never accepted. */
const OLD_TOKEN = `${(Date.now() - 25 * 3_600_000).toString(36)}.${'C'.repeat(22)}.${'D'.repeat(43)}`
const TOKEN_MISSING: MessageRef = 'catalog.order.error.token_missing'
const TOKEN_FORGED: MessageRef = 'catalog.order.error.token_forged'

// ---------------------------------------------------------------- GET /catalog/:service/order

const form = (service: string, query = `?contract=${FE}`, as = MANAGER): HostileRequest => ({ method: 'GET', url: `/catalog/${service}/order${query}`, as })

const formCases: HostileCase[] = [
  { name: 'GET /catalog/:service/order shows the form, the price and the final Order button to a services manager', request: form('cloud-alliance-regions'),
    expect: { status: 200, messages: ['catalog.order.final_note', 'catalog.order.submit', 'catalog.order.price.free', 'form.required_hint'] } },
  { name: 'GET /catalog/:service/order of a fixed-price service shows the estimate', request: form('file-applicative-backup'),
    expect: { status: 200, messages: [{ key: 'catalog.order.estimate', params: { total: '€90.00', period: 'per month' } }] } },
  { name: 'GET /catalog/:service/order of a service sold on another offer is a 404', request: form('expertise-pack'), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /catalog/:service/order of another company’s contract is a 404', request: form('cloud-alliance-regions', `?contract=${FOREIGN}`), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /catalog/:service/order without a contract is a 404', request: form('cloud-alliance-regions', ''), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /catalog/:service/order for a services visitor is a 403 naming the role', request: form('cloud-alliance-regions', `?contract=${FE}`, VISITOR), expect: { status: 403, messages: NEEDS_MANAGER } },
  { name: 'GET /catalog/:service/order without the Services section is a 403 naming the role', request: form('cloud-alliance-regions', `?contract=${FOREIGN}`, NO_SERVICES),
    expect: { status: 403, lang: 'fr', messages: needs('Gestionnaire', 'Catalogue / Services') } },
  { name: 'GET /catalog/:service/order of a referent-only service by a manager who isn’t the referent is a 403', request: form('modify-contract-name'),
    expect: { status: 403, messages: ['catalog.refused.heading'] } },
  { name: 'GET /catalog/:service/order of a referent-only service on a grouping contract is a 403, even for its referent', request: form('modify-invoice-references', `?contract=${GROUPING}`, GROUPING_REFERENT),
    expect: { status: 403, lang: 'fr', messages: ['catalog.refused.heading'] } },
  // gabriel.roux is of another company (Lumière): the tenant would be Rivage's with an outsider as its referent.
  { name: 'GET /catalog/:service/order of “create a tenant” by a manager of another company is a 404', request: form('create-tenant'), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'GET /catalog/:service/order of a support level by a services manager who is only contracts visitor is a 403 naming contracts manager', request: form('fe-support-level'),
    expect: { status: 403, messages: NEEDS_CONTRACTS_MANAGER } },
  { name: 'GET /catalog/:service/order from an anonymous visitor is sent to the login page', request: { method: 'GET', url: `/catalog/cloud-alliance-regions/order?contract=${FE}` }, expect: { status: 302, location: /^\/login\?next=/ } },
  // A query field twice names no contract: the guard's 404 (as on GET /catalog/:service).
  { name: 'GET /catalog/:service/order with the contract twice is a 404', request: form('cloud-alliance-regions', `?contract=${FE}&contract=${FE}`), expect: { status: 404, messages: NOT_FOUND } },
  ...BAD_CODES.map(([label, code]): HostileCase => ({ name: `GET /catalog/:service/order with ${label} as the service is a 404`, request: form(code), expect: { status: 404, messages: NOT_FOUND } })),
  ...BAD_CODES.map(([label, code]): HostileCase => ({ name: `GET /catalog/:service/order with ${label} as the contract is a 404`, request: form('cloud-alliance-regions', `?contract=${code}`), expect: { status: 404, messages: NOT_FOUND } })),
]

// ---------------------------------------------------------------- POST /catalog/:service/order

const ALLIANCE = { contract: FE, regions: 'asia_pacific', contact_name: 'Gabriel Roux', contact_email: 'gabriel@rivage.example', contact_phone: '+33 6 11 22 33 44' }
const post = (change: Record<string, string | string[]>, service = 'cloud-alliance-regions', as = MANAGER): HostileRequest =>
  ({ method: 'POST', url: `/catalog/${service}/order`, form: { ...ALLIANCE, order_token: FORGED_TOKEN, ...change }, as })
const required = (label: string): MessageRef => ({ key: 'fields.error.required', params: { label } })

const postCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /catalog/:service/order ${how} is refused with 403 and writes nothing`, request: { ...post({}), csrf }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST /catalog/:service/order from an anonymous visitor is sent to the login page', request: { ...post({}), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /catalog/:service/order without a token is refused (422) with a fresh one', request: post({ order_token: '' }), expect: refused([TOKEN_MISSING], { contains: ['name="order_token" value="'] }) },
  { name: 'POST /catalog/:service/order with a forged token is refused (422) and writes nothing', request: post({}), expect: refused([TOKEN_FORGED]) },
  { name: 'POST /catalog/:service/order with a day-old unsigned token is refused (422)', request: post({ order_token: OLD_TOKEN }), expect: refused([TOKEN_FORGED]) },
  { name: 'POST /catalog/:service/order with the token twice is refused (422) as missing', request: post({ order_token: [FORGED_TOKEN, FORGED_TOKEN] }), expect: refused([TOKEN_MISSING]) },
  { name: 'POST /catalog/:service/order with a 10,000-character token is refused (422)', request: post({ order_token: 't'.repeat(10_000) }), expect: refused([TOKEN_MISSING]) },
  { name: 'POST /catalog/:service/order with a script as the token shows nothing of it', request: post({ order_token: SCRIPT_TEXT }), expect: refused([TOKEN_FORGED], { absent: [SCRIPT_TEXT] }) },
  { name: 'POST /catalog/:service/order with a required field missing says so next to it, the others kept', request: post({ contact_email: '' }),
    expect: refused([TOKEN_FORGED, required('Contact email')], { contains: ['value="Gabriel Roux"'] }) },
  { name: 'POST /catalog/:service/order with an unknown choice says so', request: post({ regions: 'mars' }), expect: refused([{ key: 'fields.error.select', params: { label: 'Regions wanted' } }]) },
  { name: 'POST /catalog/:service/order with a field twice says so next to it', request: post({ contact_name: ['a', 'b'] }),
    expect: refused([{ key: 'fields.error.repeated', params: { label: 'Contact person for the implementation' } }]) },
  { name: 'POST /catalog/:service/order with a 10,000-character name refuses it (422) and keeps it', request: post({ contact_name: 'n'.repeat(10_000) }),
    expect: refused([{ key: 'fields.error.too_long', params: { label: 'Contact person for the implementation', max: '100' } }]) },
  { name: 'POST /catalog/:service/order with a script as the name shows it escaped, never raw', request: post({ contact_name: SCRIPT_TEXT }), expect: refused([TOKEN_FORGED], { echoed: SCRIPT_TEXT }) },
  { name: 'POST /catalog/:service/order with SQL as the name keeps it as text', request: post({ contact_name: SQL_TEXT }), expect: refused([TOKEN_FORGED], { echoed: SQL_TEXT }) },
  { name: 'POST /catalog/:service/order with a 0 quantity refuses it next to the field', request: post({ protected_servers: '0', retention: '30d' }, 'file-applicative-backup'),
    expect: refused([{ key: 'fields.error.number_between', params: { label: 'Servers to protect', min: '1', max: '500' } }]) },
  { name: 'POST /catalog/:service/order with a posted price still refuses the forged token and writes nothing', request: post({ price: '0', total_cents: '1', unit_price_cents: '1' }), expect: refused([TOKEN_FORGED]) },
  { name: 'POST /catalog/:service/order of a referent-only service by a non-referent is a 403 and writes nothing', request: post({ new_name: 'Hacked' }, 'modify-contract-name'),
    expect: { status: 403, messages: ['catalog.refused.heading'], signedInAfter: true } },
  { name: 'POST /catalog/:service/order of a referent-only service on a grouping contract is a 403', request: post({ contract: GROUPING, ref1: 'PO-1' }, 'modify-invoice-references', GROUPING_REFERENT),
    expect: { status: 403, lang: 'fr', messages: ['catalog.refused.heading'], signedInAfter: true } },
  { name: 'POST /catalog/:service/order of “create a tenant” by a manager of another company is a 404 and writes nothing', request: post({ tenant_name: 'Outsider', level: 'basic' }, 'create-tenant'),
    expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /catalog/:service/order of a support level by a contracts visitor is a 403 naming contracts manager and writes nothing', request: post({ level: 'business' }, 'fe-support-level'),
    expect: { status: 403, messages: NEEDS_CONTRACTS_MANAGER, signedInAfter: true } },
  { name: 'POST /catalog/:service/order for a services visitor is a 403 naming the role', request: post({}, 'cloud-alliance-regions', VISITOR), expect: { status: 403, messages: NEEDS_MANAGER, signedInAfter: true } },
  { name: 'POST /catalog/:service/order on another company’s contract is a 404', request: post({ contract: FOREIGN }), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /catalog/:service/order without a contract is a 404', request: post({ contract: '' }), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST /catalog/:service/order with the contract twice is a 400', request: post({ contract: [FE, FE] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: 'POST /catalog/:service/order of a service of another offer is a 404', request: post({}, 'expertise-pack'), expect: { status: 404, messages: NOT_FOUND } },
  ...BAD_CODES.map(([label, code]): HostileCase => ({ name: `POST /catalog/:service/order with ${label} as the service is a 404`, request: post({}, code), expect: { status: 404, messages: NOT_FOUND } })),
  { name: 'POST /catalog/:service/order with a huge body is refused (413)', request: { method: 'POST', url: '/catalog/cloud-alliance-regions/order', as: MANAGER, body: { contentType: 'application/x-www-form-urlencoded', payload: `contract=${FE}&${bigBody('contact_name')}` } },
    expect: { status: 413, messages: ['error.413.title', 'error.413.body'] } },
]

export const orderForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /catalog/:service/order', formCases],
  ['POST /catalog/:service/order', postCases],
]
