// The catalog's reservation hostile rows (see ../cases.ts for how rows work):
// step 1 (GET /catalog/:service/order, POST …/order/choose), steps 2 and 3
// without the steps' state (back to step 1), and the final Order POST with
// tampered hidden fields. Nothing here writes a row: step 1 keeps its choice
// in the session only, and no row holds a valid one-time token.
import { SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

/** Services manager on OCB0000301 (Flexible Engine, Rivage), in English. */
const MANAGER = 'gabriel.roux'
const FE = 'OCB0000301'
const VISITOR = 'julien.blanc'
const FOREIGN = 'OCB0000101'
const ECS = '/catalog/reserved-ecs-instances/order'
/** The demo's first subscription offer: standard ECS, eu-west-0, s6.large.2, 12 months, 200 instances left. */
const STANDARD_OFFER = '1'
/** A workspace offer: not a kind the ECS service sells. */
const WORKSPACE_OFFER = '10'
const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]
const NEEDS_MANAGER: MessageRef[] = ['error.403.title', { key: 'error.403.needs', params: { role: 'Manager', section: 'Catalog / Services' } }]
const refused = (messages: MessageRef[], extra: Partial<HostileExpect> = {}): HostileExpect => ({ status: 422, messages, signedInAfter: true, ...extra })
const FORGED_TOKEN = `${Date.now().toString(36)}.${'A'.repeat(22)}.${'B'.repeat(43)}`

// ---------------------------------------------------------------- step 1

const CHOICE = { contract: FE, kind: 'reserved_ecs_standard', region: 'eu-west-0', flavour: 's6.large.2', quantity: '4' }
const choose = (change: Record<string, string | string[]>, as = MANAGER): HostileRequest => ({ method: 'POST', url: `${ECS}/choose`, form: { ...CHOICE, ...change }, as })

const stepOneCases: HostileCase[] = [
  { name: 'GET /catalog/:service/order of a reservation service shows step 1', request: { method: 'GET', url: `${ECS}?contract=${FE}`, as: MANAGER },
    expect: { status: 200, messages: [{ key: 'catalog.reservation.step', params: { step: 1 } }, 'catalog.reservation.field.region', 'catalog.reservation.next'] } },
  { name: 'POST …/order/choose with a good choice goes on to step 2 and writes nothing', request: choose({}), expect: { status: 303, location: `${ECS}/subscriptions?contract=${FE}` } },
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST …/order/choose ${how} is refused with 403`, request: { ...choose({}), csrf }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST …/order/choose for a services visitor is a 403 naming the role', request: choose({}, VISITOR), expect: { status: 403, messages: NEEDS_MANAGER, signedInAfter: true } },
  { name: 'POST …/order/choose on another company’s contract is a 404', request: choose({ contract: FOREIGN }), expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST …/order/choose of a service without steps is a 404', request: { ...choose({}), url: '/catalog/cloud-alliance-regions/order/choose' }, expect: { status: 404, messages: NOT_FOUND } },
  { name: 'POST …/order/choose with 0 instances is refused next to the number', request: choose({ quantity: '0' }), expect: refused(['catalog.reservation.error.quantity_min']) },
  { name: 'POST …/order/choose with a negative number of instances is refused', request: choose({ quantity: '-1' }), expect: refused(['catalog.reservation.error.quantity_min']) },
  { name: 'POST …/order/choose with 10,000 digits as the number is refused, never a 500', request: choose({ quantity: '9'.repeat(10_000) }), expect: refused(['catalog.reservation.error.quantity_number']) },
  { name: 'POST …/order/choose with more than 10,000 instances is refused', request: choose({ quantity: '10001' }), expect: refused([{ key: 'catalog.reservation.error.quantity_max', params: { max: 10_000 } }]) },
  { name: 'POST …/order/choose with a script as the number shows it escaped', request: choose({ quantity: SCRIPT_TEXT }), expect: refused(['catalog.reservation.error.quantity_number'], { echoed: SCRIPT_TEXT }) },
  { name: 'POST …/order/choose with SQL as the region refuses it', request: choose({ region: SQL_TEXT }), expect: refused(['catalog.reservation.error.region']) },
  { name: 'POST …/order/choose with an unknown kind refuses it', request: choose({ kind: 'workspace' }), expect: refused(['catalog.reservation.error.kind']) },
  { name: 'POST …/order/choose with a template the region doesn’t sell refuses it', request: choose({ region: 'na-east-0', flavour: 'c6.2xlarge.2' }), expect: refused(['catalog.reservation.error.no_offer']) },
  { name: 'POST …/order/choose with a 10,000-character template refuses it', request: choose({ flavour: 'f'.repeat(10_000) }), expect: refused(['catalog.reservation.error.flavour']) },
  { name: 'POST …/order/choose with the number twice is a 400', request: choose({ quantity: ['1', '2'] }), expect: { status: 400, messages: BAD_REQUEST } },
]

// ---------------------------------------------------------------- steps 2 and 3 without state

const stepsCases: HostileCase[] = [
  { name: 'GET …/order/subscriptions without step 1 in this session goes back to step 1', request: { method: 'GET', url: `${ECS}/subscriptions?contract=${FE}`, as: MANAGER }, expect: { status: 303, location: `${ECS}?contract=${FE}` } },
  { name: 'GET …/order/summary without the earlier steps goes back to step 1', request: { method: 'GET', url: `${ECS}/summary?contract=${FE}`, as: MANAGER }, expect: { status: 303, location: `${ECS}?contract=${FE}` } },
  { name: 'POST …/order/subscriptions without step 1 goes back to step 1', request: { method: 'POST', url: `${ECS}/subscriptions`, form: { contract: FE, offer: STANDARD_OFFER }, as: MANAGER }, expect: { status: 303, location: `${ECS}?contract=${FE}` } },
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST …/order/subscriptions ${how} is refused with 403`, request: { method: 'POST', url: `${ECS}/subscriptions`, form: { contract: FE, offer: STANDARD_OFFER }, as: MANAGER, csrf },
    expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'GET …/order/summary of another company’s contract is a 404', request: { method: 'GET', url: `${ECS}/summary?contract=${FOREIGN}`, as: MANAGER }, expect: { status: 404, messages: NOT_FOUND } },
]

// ---------------------------------------------------------------- the final Order

const final = (change: Record<string, string | string[]>): HostileRequest => ({ method: 'POST', url: ECS, form: { contract: FE, order_token: FORGED_TOKEN, offer: STANDARD_OFFER, quantity: '4', ...change }, as: MANAGER })

const finalCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST the reservation’s Order ${how} is refused with 403`, request: { ...final({}), csrf }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST the reservation’s Order with a forged token shows the summary again (422) with a fresh token', request: final({}), expect: refused(['catalog.order.error.token_forged', 'catalog.reservation.summary_heading']) },
  { name: 'POST the reservation’s Order without a token is refused (422)', request: final({ order_token: '' }), expect: refused(['catalog.order.error.token_missing']) },
  { name: 'POST the reservation’s Order with 0 instances is refused (422) on step 1', request: final({ quantity: '0' }), expect: refused(['catalog.reservation.error.quantity_min']) },
  { name: 'POST the reservation’s Order with a negative number of instances is refused (422)', request: final({ quantity: '-1' }), expect: refused(['catalog.reservation.error.quantity_min']) },
  { name: 'POST the reservation’s Order with more instances than available is refused (422)', request: final({ quantity: '201' }), expect: refused([{ key: 'catalog.reservation.error.quantity_max', params: { max: 200 } }]) },
  { name: 'POST the reservation’s Order with a workspace subscription id is refused (422)', request: final({ offer: WORKSPACE_OFFER }), expect: refused(['catalog.reservation.error.offer_gone']) },
  { name: 'POST the reservation’s Order with an unknown subscription id is refused (422)', request: final({ offer: '999999' }), expect: refused(['catalog.reservation.error.offer_gone']) },
  { name: 'POST the reservation’s Order with SQL as the subscription id is refused (422)', request: final({ offer: SQL_TEXT }), expect: refused(['catalog.reservation.error.offer_gone']) },
  { name: 'POST the reservation’s Order with 10,000 characters as the subscription is refused (422)', request: final({ offer: '1'.repeat(10_000) }), expect: refused(['catalog.reservation.error.offer_gone']) },
  { name: 'POST the reservation’s Order with the subscription twice is refused (422)', request: final({ offer: [STANDARD_OFFER, STANDARD_OFFER] }), expect: refused(['catalog.reservation.error.offer_gone']) },
  { name: 'POST the reservation’s Order with a script as the number shows it escaped', request: final({ quantity: SCRIPT_TEXT }), expect: refused(['catalog.reservation.error.quantity_number'], { echoed: SCRIPT_TEXT }) },
  { name: 'POST the reservation’s Order with a posted price still writes nothing', request: final({ monthly_price_cents: '1', total_cents: '0' }), expect: refused(['catalog.order.error.token_forged']) },
  { name: 'POST the reservation’s Order for a services visitor is a 403', request: { ...final({}), as: VISITOR }, expect: { status: 403, messages: NEEDS_MANAGER, signedInAfter: true } },
]

export const reservationForms: Array<[form: string, cases: HostileCase[]]> = [
  ['POST /catalog/:service/order/choose (reservation step 1)', stepOneCases],
  ['reservation steps 2 and 3 without state', stepsCases],
  ['POST /catalog/:service/order (reservation Order)', finalCases],
]
