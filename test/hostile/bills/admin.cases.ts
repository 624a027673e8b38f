// Hostile rows for staff billing: usage imports, invoicing, credit notes, payments (see ../cases.ts).
// The personas' data has usage but no invoice: the first run row closes and
// publishes last month (F<this year>-000001 onwards), the next one proves a
// second run issues nothing, and the rows after them act on F…000001. The
// import form is multipart: its rows send raw bodies (`{csrf}` is the
// client's token).
import type { MessageKey } from '../../../src/i18n/index.js'
import { bigBody, SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

/** Billing staff, in English. */
const BILLING = 'nadia.benali'
const SUPPORT = 'thomas.girard'
const CUSTOMER = 'alice.martin'
const INVOICE = `F${new Date().getUTCFullYear()}-000001`
const month = (back: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - back, 1)).toISOString().slice(0, 7)
const LAST_MONTH = month(1)

const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const CSRF_PAGE: MessageRef[] = ['error.csrf.title', 'error.csrf.body']
const BAD_REQUEST: MessageRef[] = ['error.400.title', 'error.400.body']
const STAFF_ONLY: HostileExpect = { status: 403, messages: ['error.403.title', { key: 'error.403.staff', params: { roles: 'Administrator, Billing' } }] }
const CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]
const refused = (messages: MessageRef[], echoed?: string): HostileExpect => ({ status: 422, messages, ...(echoed === undefined ? {} : { echoed }) })

function csrfCases(what: string, request: HostileRequest): HostileCase[] {
  return CSRF.map(([csrf, how]) => ({ name: `${what} ${how} is refused with 403 and writes nothing`, request: { ...request, csrf }, expect: { status: 403, messages: CSRF_PAGE } }))
}

/** Support staff (403), a customer (404), an anonymous visitor (to the login page). */
function outsiderCases(what: string, request: HostileRequest): HostileCase[] {
  return [
    { name: `${what} by a support agent is a 403 naming the roles that open the area, and writes nothing`, request: { ...request, as: SUPPORT }, expect: STAFF_ONLY },
    { name: `${what} by a customer is a 404, and writes nothing`, request: { ...request, as: CUSTOMER }, expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
    { name: `${what} by an anonymous visitor is sent to the login page`, request: { ...request, as: undefined }, expect: { status: [302, 303], location: /^\/login/ } },
  ]
}

const post = (url: string, form: Record<string, string | string[]>): HostileRequest => ({ method: 'POST', url, as: BILLING, form })
const bigForm = (url: string, field: string): HostileRequest => ({ method: 'POST', url, as: BILLING, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody(field) } })

// ------------------------------------------------------------ the invoicing run
const RUN = '/admin/billing/invoicing'
const run = (form: Record<string, string | string[]>) => post(RUN, form)
const monthFormat: MessageRef = 'admin.invoicing.run.error.month_format'
const runCases: HostileCase[] = [
  ...csrfCases(`POST ${RUN}`, run({ month: LAST_MONTH })),
  ...outsiderCases(`POST ${RUN}`, run({ month: LAST_MONTH })),
  { name: `POST ${RUN} closes last month for every contract and publishes the invoices`, request: run({ month: LAST_MONTH, publish: '1' }),
    expect: { status: 303, location: `/admin/billing/invoices?month=${LAST_MONTH}`, mayWrite: ['invoices', 'invoice_lines', 'invoice_counters', 'audit_log', 'outbox', 'notifications'] } },
  { name: `POST ${RUN} for a month already closed issues no duplicate invoice and writes nothing`, request: run({ month: LAST_MONTH, publish: '1' }),
    expect: { status: 303, location: `/admin/billing/invoices?month=${LAST_MONTH}` } },
  { name: `POST ${RUN} for the current month is refused (422)`, request: run({ month: month(0) }), expect: refused(['admin.invoicing.run.error.month_not_over']) },
  { name: `POST ${RUN} for a future month is refused (422)`, request: run({ month: month(-3) }), expect: refused(['admin.invoicing.run.error.month_not_over']) },
  { name: `POST ${RUN} with a NUL byte after the month drops it: that month is already closed, nothing written`, request: run({ month: `${LAST_MONTH}\u0000` }),
    expect: { status: 303, location: `/admin/billing/invoices?month=${LAST_MONTH}` } },
  ...([['month 13', '2026-13'], ['no month', ''], ['SQL', SQL_TEXT], ['a 10,000-character month', '9'.repeat(10_000)], ['a day', `${LAST_MONTH}-01`]] as const)
    .map(([label, value]): HostileCase => ({ name: `POST ${RUN} with ${label} as the month is refused (422)`, request: run({ month: value }), expect: refused([monthFormat]) })),
  { name: `POST ${RUN} with a script as the month shows it escaped (422)`, request: run({ month: SCRIPT_TEXT }), expect: refused([monthFormat], SCRIPT_TEXT) },
  { name: `POST ${RUN} with an unknown contract is refused (422)`, request: run({ month: LAST_MONTH, contract: 'OCB9999999' }), expect: refused(['admin.invoicing.run.error.contract_unknown']) },
  { name: `POST ${RUN} with a member of a multi-services contract is refused (422)`, request: run({ month: LAST_MONTH, contract: 'OCB0000101' }), expect: refused(['admin.invoicing.run.error.contract_grouped']) },
  { name: `POST ${RUN} with a script as the contract shows it escaped (422)`, request: run({ month: LAST_MONTH, contract: SCRIPT_TEXT }),
    expect: refused(['admin.invoicing.run.error.contract_format'], SCRIPT_TEXT.toUpperCase()) },
  ...([['SQL', SQL_TEXT], ['a 10,000-character code', 'O'.repeat(10_000)], ['a wildcard', 'OCB%']] as const)
    .map(([label, value]): HostileCase => ({ name: `POST ${RUN} with ${label} as the contract is refused (422)`, request: run({ month: LAST_MONTH, contract: value }),
      expect: refused(['admin.invoicing.run.error.contract_format']) })),
  { name: `POST ${RUN} with the month sent twice is a 400`, request: run({ month: [LAST_MONTH, month(2)] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: `POST ${RUN} with the contract sent twice is a 400`, request: run({ month: LAST_MONTH, contract: ['OCB0000301', 'OCB0000302'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: `POST ${RUN} with a 2 MB body is refused with 413`, request: bigForm(RUN, 'month'), expect: { status: 413, messages: ['error.413.title', 'error.413.body'] } },
]

// ------------------------------------------------------------ usage imports
const IMPORTS = '/admin/billing/usage-imports'
const B = 'hostileBoundary'
const part = (name: string, value: string) => `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
const filePart = (content: string, fileName = 'usage.csv') => `--${B}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`
const multipart = (parts: string[], as = BILLING): HostileRequest =>
  ({ method: 'POST', url: IMPORTS, as, body: { contentType: `multipart/form-data; boundary=${B}`, payload: `${parts.join('')}--${B}--\r\n` } })
const HEADER = 'contract,day,service,resource,metric,unit,quantity,unit_price'
const csv = (...rows: string[]) => [part('_csrf', '{csrf}'), filePart([HEADER, ...rows].join('\n'))]
const problem = (name: string, params: Record<string, string | number>): MessageRef => ({ key: `admin.invoicing.import.problem.${name}` as MessageKey, params })
const fileRefused = (count: number, ...problems: MessageRef[]): HostileExpect =>
  refused([{ key: 'admin.invoicing.import.error.refused', params: { count } }, ...problems])

const importCases: HostileCase[] = [
  { name: `GET ${IMPORTS} shows the form and past imports to billing staff`, request: { method: 'GET', url: IMPORTS, as: BILLING }, expect: { status: 200, messages: ['admin.invoicing.import.title', 'admin.invoicing.import.form_heading'] } },
  { name: `GET ${IMPORTS} by a support agent is a 403 naming the roles that open the area`, request: { method: 'GET', url: IMPORTS, as: SUPPORT }, expect: STAFF_ONLY },
  { name: `GET ${IMPORTS} by a customer is a 404`, request: { method: 'GET', url: IMPORTS, as: CUSTOMER }, expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: `POST ${IMPORTS} (multipart) without a CSRF token is refused with 403`, request: multipart([filePart(`${HEADER}\nOCB0000301,2024-05-03,ECS,r,m,u,1,1`)]), expect: { status: 403, messages: CSRF_PAGE } },
  { name: `POST ${IMPORTS} (multipart) with a forged CSRF token is refused with 403`, request: multipart([part('_csrf', 'forged-token-0000'), filePart(`${HEADER}\nOCB0000301,2024-05-03,ECS,r,m,u,1,1`)]), expect: { status: 403, messages: CSRF_PAGE } },
  ...csrfCases(`POST ${IMPORTS} (urlencoded)`, post(IMPORTS, { file: 'x' })),
  { name: `POST ${IMPORTS} (multipart) by a support agent is a 403`, request: multipart(csv('OCB0000301,2024-05-03,ECS,r,m,u,1,1'), SUPPORT), expect: STAFF_ONLY },
  { name: `POST ${IMPORTS} (multipart) by a customer is a 404`, request: multipart(csv('OCB0000301,2024-05-03,ECS,r,m,u,1,1'), CUSTOMER), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: `POST ${IMPORTS} (urlencoded) without a file is refused (422)`, request: post(IMPORTS, { file: 'contract,day' }), expect: refused(['admin.invoicing.import.error.file_required']) },
  { name: `POST ${IMPORTS} (multipart) without a file is refused (422)`, request: multipart([part('_csrf', '{csrf}')]), expect: refused(['admin.invoicing.import.error.file_required']) },
  { name: `POST ${IMPORTS} with the file sent twice is a 400`, request: multipart([part('_csrf', '{csrf}'), filePart('a'), filePart('b')]), expect: { status: 413, messages: ['error.413.title', 'error.413.body'] } },
  { name: `POST ${IMPORTS} with an empty file is refused (422), nothing written`, request: multipart([part('_csrf', '{csrf}'), filePart('')]), expect: fileRefused(1, 'admin.invoicing.import.problem.empty') },
  { name: `POST ${IMPORTS} with an unknown contract is refused whole with the row (422)`, request: multipart(csv('OCB0000301,2024-05-03,ECS,r,m,u,1,1', 'OCB9999999,2024-05-03,ECS,r,m,u,1,1')),
    expect: fileRefused(1) },
  { name: `POST ${IMPORTS} with a row of 7 fields is refused whole with the row (422)`, request: multipart(csv('OCB0000301,2024-05-03,ECS,r,m,u,1')),
    expect: fileRefused(1, problem('field_count', { row: 2, found: 7, expected: 8 })) },
  { name: `POST ${IMPORTS} with a future day is refused whole (422)`, request: multipart(csv('OCB0000301,2999-12-31,ECS,r,m,u,1,1')), expect: fileRefused(1) },
  { name: `POST ${IMPORTS} with a script in a text field and a bad number shows both escaped (422)`, request: multipart(csv(`OCB0000301,2024-05-03,${SCRIPT_TEXT},r,m,u,abc,1`)),
    expect: { ...fileRefused(1), absent: ['<script>alert(1)'] } },
  { name: `POST ${IMPORTS} with SQL as the contract is refused (422)`, request: multipart(csv(`"${SQL_TEXT}",2024-05-03,ECS,r,m,u,1,1`)), expect: { ...fileRefused(1) } },
  { name: `POST ${IMPORTS} with a quote never closed is refused (422)`, request: multipart(csv('OCB0000301,2024-05-03,"ECS,r,m,u,1,1')), expect: fileRefused(1, problem('open_quote', { row: 2 })) },
  { name: `POST ${IMPORTS} with a 10,000-character service is refused (422)`, request: multipart(csv(`OCB0000301,2024-05-03,${'s'.repeat(10_000)},r,m,u,1,1`)),
    expect: fileRefused(1, problem('text', { row: 2, column: 'service', max: 100 })) },
  { name: `POST ${IMPORTS} with a binary file is refused (422)`, request: multipart([part('_csrf', '{csrf}'), filePart('\u0000\u0001\u0002PNG')]), expect: fileRefused(1, 'admin.invoicing.import.problem.not_text') },
]

// ------------------------------------------------------------ invoices
const INVOICES = '/admin/billing/invoices'
const list = (query: string): HostileRequest => ({ method: 'GET', url: `${INVOICES}${query}`, as: BILLING })
const listCases: HostileCase[] = [
  { name: `GET ${INVOICES} with a 10,000-character search is refused (422)`, request: list(`?q=${'x'.repeat(10_000)}`), expect: refused([{ key: 'admin.invoicing.list.error.q_long', params: { max: 100 } }]) },
  { name: `GET ${INVOICES} with % and _ searches them as text`, request: list('?q=%25_'), expect: { status: 200, messages: ['admin.invoicing.list.none'] } },
  { name: `GET ${INVOICES} with a script as the contract shows it escaped (422)`, request: list(`?contract=${encodeURIComponent(SCRIPT_TEXT)}`), expect: refused(['admin.invoicing.run.error.contract_format']) },
  { name: `GET ${INVOICES} with a month that is no month is refused (422)`, request: list('?month=2026-13'), expect: refused([monthFormat]) },
  { name: `GET ${INVOICES} with the search sent twice is a 400`, request: list('?q=a&q=b'), expect: { status: 400, messages: BAD_REQUEST } },
  { name: `GET ${INVOICES} with a page far past the end shows the last page`, request: list('?page=99999999'), expect: { status: 200, messages: ['admin.invoicing.list.title'] } },
  { name: `GET ${INVOICES} by a support agent is a 403`, request: { ...list(''), as: SUPPORT }, expect: STAFF_ONLY },
  ...([['a path traversal', '..%2F..%2Fetc%2Fpasswd'], ['a NUL byte', `${INVOICE}%00`], ['a made-up number', 'F2026-999999'], ['a lower-case number', INVOICE.toLowerCase()],
    ['SQL', encodeURIComponent(SQL_TEXT)], ['a script', encodeURIComponent(SCRIPT_TEXT)], ['a 10,000-character number', 'F'.repeat(10_000)]] as const)
    .map(([label, number]): HostileCase => ({ name: `GET ${INVOICES}/:number with ${label} is a 404`, request: list(`/${number}`), expect: { status: 404, messages: NOT_FOUND, absent: ['<script>alert(1)'] } })),
]

const CREDIT = `${INVOICES}/${INVOICE}/credit-note`
const credit = (form: Record<string, string | string[]>) => post(CREDIT, form)
const amountError: MessageRef = 'admin.invoicing.credit.error.amount'
const creditCases: HostileCase[] = [
  ...csrfCases(`POST ${INVOICES}/:number/credit-note`, credit({ amount: '1', reason: 'x' })),
  ...outsiderCases(`POST ${INVOICES}/:number/credit-note`, credit({ amount: '1', reason: 'x' })),
  ...([['zero', '0'], ['a negative amount', '-5'], ['letters', 'abc'], ['three decimals', '1.005'], ['an exponent', '1e3'], ['Infinity', 'Infinity'], ['a 10,000-digit amount', '9'.repeat(10_000)], ['nothing', '']] as const)
    .map(([label, amount]): HostileCase => ({ name: `POST ${INVOICES}/:number/credit-note with ${label} as the amount is refused (422)`, request: credit({ amount, reason: 'Hostile' }), expect: refused([amountError]) })),
  { name: `POST ${INVOICES}/:number/credit-note for more than the invoice is refused (422)`, request: credit({ amount: '999999999', reason: 'Hostile' }), expect: refused(['admin.invoicing.credit.heading']) },
  { name: `POST ${INVOICES}/:number/credit-note without a reason is refused (422)`, request: credit({ amount: '1', reason: '' }), expect: refused(['admin.invoicing.credit.error.reason_required']) },
  { name: `POST ${INVOICES}/:number/credit-note with a 10,000-character reason is refused (422)`, request: credit({ amount: '1', reason: 'r'.repeat(10_000) }), expect: refused([{ key: 'admin.invoicing.credit.error.reason_long', params: { max: 500 } }]) },
  { name: `POST ${INVOICES}/:number/credit-note with a script as the reason and no amount shows it escaped (422)`, request: credit({ amount: '', reason: SCRIPT_TEXT }), expect: refused([amountError], SCRIPT_TEXT) },
  { name: `POST ${INVOICES}/:number/credit-note with the amount sent twice is a 400`, request: credit({ amount: ['1', '2'], reason: 'x' }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: `POST ${INVOICES}/:number/credit-note on an unknown invoice is a 404`, request: post(`${INVOICES}/F2026-999999/credit-note`, { amount: '1', reason: 'x' }), expect: { status: 404, messages: NOT_FOUND } },
  { name: `POST ${INVOICES}/:number/credit-note with a 2 MB body is refused with 413`, request: bigForm(CREDIT, 'reason'), expect: { status: 413, messages: ['error.413.title', 'error.413.body'] } },
]

const PAYMENTS = `${INVOICES}/${INVOICE}/payments`
const pay = (form: Record<string, string | string[]>) => post(PAYMENTS, { amount: '10', received_on: '2026-01-15', reference: 'VIR-1', ...form })
const paymentCases: HostileCase[] = [
  ...csrfCases(`POST ${INVOICES}/:number/payments`, pay({})),
  ...outsiderCases(`POST ${INVOICES}/:number/payments`, pay({})),
  ...([['zero', '0'], ['a negative amount', '-10'], ['letters', 'ten'], ['a 10,000-digit amount', '9'.repeat(10_000)]] as const)
    .map(([label, amount]): HostileCase => ({ name: `POST ${INVOICES}/:number/payments with ${label} as the amount is refused (422)`, request: pay({ amount }), expect: refused(['admin.invoicing.payment.error.amount']) })),
  ...([['30 February', '2026-02-30'], ['a French date', '15/01/2026'], ['SQL', SQL_TEXT], ['nothing', '']] as const)
    .map(([label, received_on]): HostileCase => ({ name: `POST ${INVOICES}/:number/payments with ${label} as the date is refused (422)`, request: pay({ received_on }), expect: refused(['admin.invoicing.payment.error.date']) })),
  { name: `POST ${INVOICES}/:number/payments received in the future is refused (422)`, request: pay({ received_on: '2999-01-01' }), expect: refused(['admin.invoicing.payment.error.future']) },
  { name: `POST ${INVOICES}/:number/payments without a reference is refused (422)`, request: pay({ reference: '' }), expect: refused(['admin.invoicing.payment.error.reference_required']) },
  { name: `POST ${INVOICES}/:number/payments with a 10,000-character reference is refused (422)`, request: pay({ reference: 'R'.repeat(10_000) }), expect: refused([{ key: 'admin.invoicing.payment.error.reference_long', params: { max: 100 } }]) },
  { name: `POST ${INVOICES}/:number/payments with a script as the reference and a bad amount shows it escaped (422)`, request: pay({ amount: 'x', reference: SCRIPT_TEXT }), expect: refused(['admin.invoicing.payment.error.amount'], SCRIPT_TEXT) },
  { name: `POST ${INVOICES}/:number/payments with the reference sent twice is a 400`, request: pay({ reference: ['a', 'b'] }), expect: { status: 400, messages: BAD_REQUEST } },
  { name: `POST ${INVOICES}/:number/payments with a 2 MB body is refused with 413`, request: bigForm(PAYMENTS, 'reference'), expect: { status: 413, messages: ['error.413.title', 'error.413.body'] } },
]

const PUBLISH = `${INVOICES}/${INVOICE}/publish`
const publishCases: HostileCase[] = [
  ...csrfCases(`POST ${INVOICES}/:number/publish`, post(PUBLISH, {})),
  ...outsiderCases(`POST ${INVOICES}/:number/publish`, post(PUBLISH, {})),
  { name: `POST ${INVOICES}/:number/publish on an invoice already published tells nobody again and writes nothing`, request: post(PUBLISH, {}),
    expect: { status: 303, location: `${INVOICES}/${INVOICE}` } },
  { name: `POST ${INVOICES}/:number/publish on an unknown invoice is a 404`, request: post(`${INVOICES}/A2026-999999/publish`, {}), expect: { status: 404, messages: NOT_FOUND } },
]

export const invoicingForms: Array<[form: string, cases: HostileCase[]]> = [
  [`POST ${RUN}`, runCases],
  [`GET/POST ${IMPORTS}`, importCases],
  [`GET ${INVOICES}`, listCases],
  [`POST ${INVOICES}/:number/credit-note`, creditCases],
  [`POST ${INVOICES}/:number/payments`, paymentCases],
  [`POST ${INVOICES}/:number/publish`, publishCases],
]
