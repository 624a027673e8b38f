// Hostile rows for the budget pages (see ../cases.ts for how rows work).
// Every row is refused: nothing may be written, the typed value comes back
// escaped, never raw.
import { ATTRIBUTE_BREAKOUT, SCRIPT_TEXT, SQL_TEXT, UNICODE_TEXT, bigBody, type HostileCase, type HostileExpect, type HostileRequest } from '../cases.js'

const MANAGER = 'farid.haddad' // en, contracts manager (billing visitor) of OCB0000201
const FR_MANAGER = 'bruno.petit' // fr, contracts manager of OCB0000102
const VISITOR = 'chloe.bernard' // en, contracts visitor of OCB0000101..103
const URL = '/contracts/OCB0000201/budget'

const post = (form: Record<string, string | string[]>, as = MANAGER, url = URL): HostileRequest =>
  ({ method: 'POST', url, as, form: { budget: '1500', threshold: '80', ...form } })
const refusedBudget = (key: 'budget.error.not_a_number' | 'budget.error.negative' | 'budget.error.decimals' | 'budget.error.too_large' | 'budget.error.zero', echoed?: string): HostileExpect =>
  ({ status: 422, messages: ['budget.title', key], ...(echoed === undefined ? {} : { echoed }) })
const refusedThreshold = (echoed?: string): HostileExpect =>
  ({ status: 422, messages: ['budget.title', 'budget.error.threshold_range'], ...(echoed === undefined ? {} : { echoed }) })
const NOT_FOUND: HostileExpect = { status: 404, messages: ['error.404.title', 'error.404.body'] }
const FORBIDDEN: HostileExpect = { status: 403, messages: ['error.403.title'] }
const BAD_REQUEST: HostileExpect = { status: 400, messages: ['error.400.title', 'error.400.body'] }

const budgetAmountCases: HostileCase[] = [
  { name: 'POST budget <script> is refused as not an amount and shown back escaped',
    request: post({ budget: SCRIPT_TEXT }), expect: refusedBudget('budget.error.not_a_number', SCRIPT_TEXT) },
  { name: 'POST budget breaking out of the field’s attribute is shown back escaped',
    request: post({ budget: ATTRIBUTE_BREAKOUT }), expect: refusedBudget('budget.error.not_a_number', ATTRIBUTE_BREAKOUT) },
  { name: "POST budget ' OR 1=1 -- is not an amount",
    request: post({ budget: SQL_TEXT }), expect: refusedBudget('budget.error.not_a_number', SQL_TEXT) },
  ...UNICODE_TEXT.map(([label, value]): HostileCase => ({
    name: `POST budget with ${label} is not an amount`, request: post({ budget: value }), expect: refusedBudget('budget.error.not_a_number', value),
  })),
  ...['1e3', '0x10', 'Infinity', 'NaN', '1.2.3', '1,5,0', '+5', '١٢٣', '１２３'].map((value): HostileCase => ({
    name: `POST budget ${value} is not an amount`, request: post({ budget: value }), expect: refusedBudget('budget.error.not_a_number', value),
  })),
  { name: 'POST budget -1 is refused as negative', request: post({ budget: '-1' }), expect: refusedBudget('budget.error.negative', '-1') },
  { name: 'POST budget -0,01 is refused as negative', request: post({ budget: '-0,01' }), expect: refusedBudget('budget.error.negative', '-0,01') },
  { name: 'POST budget 0 is refused: empty means no budget', request: post({ budget: '0,00' }), expect: refusedBudget('budget.error.zero', '0,00') },
  { name: 'POST budget 1.005 has too many decimals', request: post({ budget: '1.005' }), expect: refusedBudget('budget.error.decimals', '1.005') },
  { name: 'POST budget 100 000 000,01 € is too large', request: post({ budget: '100 000 000,01' }), expect: refusedBudget('budget.error.too_large') },
  { name: 'POST budget of 29 nines is too large, not a float overflow', request: post({ budget: '9'.repeat(29) }), expect: refusedBudget('budget.error.too_large') },
  { name: 'POST budget of 10 kB is refused as not an amount, not a crash', request: post({ budget: '1'.repeat(10_000) }), expect: refusedBudget('budget.error.not_a_number') },
  { name: 'POST budget with a NUL byte inside is cleaned, then read: three decimals are refused',
    request: post({ budget: '1\u00005.555' }), expect: refusedBudget('budget.error.decimals', '15.555') },
  { name: 'POST budget repeated is a 400, not a guess', request: post({ budget: ['1500', '1'] }), expect: BAD_REQUEST },
  { name: 'POST budget in French answers the French messages',
    request: post({ budget: SCRIPT_TEXT }, FR_MANAGER, '/contracts/OCB0000102/budget'), expect: { ...refusedBudget('budget.error.not_a_number', SCRIPT_TEXT), lang: 'fr' } },
]

const budgetThresholdCases: HostileCase[] = [
  ...['0', '101', '-5', '1e2', '7.5', '80,0', '0x50', '99999999999999999999'].map((value): HostileCase => ({
    name: `POST threshold ${value} is not a whole percentage from 1 to 100`, request: post({ threshold: value }), expect: refusedThreshold(value),
  })),
  { name: 'POST threshold <script> is refused and shown back escaped', request: post({ threshold: SCRIPT_TEXT }), expect: refusedThreshold(SCRIPT_TEXT) },
  { name: 'POST threshold empty with a budget is asked for',
    request: post({ threshold: '' }), expect: { status: 422, messages: ['budget.error.threshold_required'] } },
  { name: 'POST threshold repeated is a 400', request: post({ threshold: ['80', '90'] }), expect: BAD_REQUEST },
]

const budgetAccessCases: HostileCase[] = [
  ...(['missing', 'forged', 'other-session', 'repeated'] as const).map((csrf): HostileCase => ({
    name: `POST budget with a ${csrf} CSRF token is refused with 403 and writes nothing`,
    request: { ...post({}), csrf }, expect: { status: 403, messages: ['error.csrf.title', 'error.csrf.body'] },
  })),
  { name: 'GET budget of a contracts visitor is a 403', request: { method: 'GET', url: '/contracts/OCB0000101/budget', as: VISITOR }, expect: FORBIDDEN },
  { name: 'POST budget of a contracts visitor is a 403', request: post({}, VISITOR, '/contracts/OCB0000101/budget'), expect: FORBIDDEN },
  { name: 'GET budget of another company’s contract is a 404', request: { method: 'GET', url: '/contracts/OCB0000301/budget', as: MANAGER }, expect: NOT_FOUND },
  { name: 'POST budget of another company’s contract is a 404', request: post({}, MANAGER, '/contracts/OCB0000301/budget'), expect: NOT_FOUND },
  { name: 'GET budget of a contract that doesn’t exist is a 404', request: { method: 'GET', url: '/contracts/OCB9999999/budget', as: MANAGER }, expect: NOT_FOUND },
  { name: 'GET budget with <script> as the contract code is a 404, never shown raw',
    request: { method: 'GET', url: `/contracts/${encodeURIComponent(SCRIPT_TEXT)}/budget`, as: MANAGER }, expect: NOT_FOUND },
  { name: "GET budget with ' OR 1=1 -- as the contract code is a 404",
    request: { method: 'GET', url: `/contracts/${encodeURIComponent(SQL_TEXT)}/budget`, as: MANAGER }, expect: NOT_FOUND },
  { name: 'GET budget signed out goes to the login page',
    request: { method: 'GET', url: URL }, expect: { status: 302, location: /^\/login/ } },
  { name: 'POST budget of 2 MB is refused with 413',
    request: { method: 'POST', url: URL, as: MANAGER, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody('budget') } },
    expect: { status: 413, messages: ['error.413.title', 'error.413.body'] } },
  { name: 'POST budget as JSON with an object for the amount is a 400',
    request: { method: 'POST', url: URL, as: MANAGER, body: { contentType: 'application/json', payload: '{"_csrf":"{csrf}","budget":{"$gt":0},"threshold":"80"}' } },
    expect: BAD_REQUEST },
]

export const budgetForms: Array<[form: string, cases: HostileCase[]]> = [
  ['POST /contracts/:code/budget (amount)', budgetAmountCases],
  ['POST /contracts/:code/budget (threshold)', budgetThresholdCases],
  ['GET/POST /contracts/:code/budget (access)', budgetAccessCases],
]
