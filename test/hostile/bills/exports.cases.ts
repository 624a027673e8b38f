// Hostile rows for the bills exports (see ../cases.ts for how rows work):
// the month of a usage report, invoice numbers in the PDF's URL, and the
// multi-file download form. Only refusals here: a file answer is no page.
import { bigBody, SCRIPT_TEXT, SQL_TEXT, type CsrfMode, type HostileCase, type HostileExpect, type HostileRequest, type MessageRef } from '../cases.js'

/** Referent of OCB0000101 (billing manager), in French. OCB0000101 is billed through its grouping contract: it has no invoice of its own. */
const MANAGER = 'alice.martin'
const CONTRACT = 'OCB0000101'
/** Billing visitor on OCB0000101, in English. */
const VISITOR = 'chloe.bernard'
const OTHER_COMPANY_CONTRACT = 'OCB0000201'
/** An invoice number OCB0000101 can't have (billed through its grouping contract): another contract's in the demo run's series, or none. */
const OTHER_CONTRACTS_INVOICE = `F${new Date().getUTCFullYear()}-000001`
const NOT_FOUND: MessageRef[] = ['error.404.title', 'error.404.body']
const FORBIDDEN: HostileExpect = { status: 403, lang: 'en', messages: ['error.403.title', { key: 'error.403.needs', params: { role: 'Manager', section: 'Bills' } }], signedInAfter: true }
const CSRF: Array<[CsrfMode, string]> = [['missing', 'without a CSRF token'], ['forged', 'with a forged CSRF token'], ['other-session', "with another session's CSRF token"], ['repeated', 'with its CSRF token sent twice']]

const nextMonth = () => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)).toISOString().slice(0, 7)
const report = (query: string, format = 'xlsx', code = CONTRACT, as = MANAGER): HostileRequest => ({ method: 'GET', url: `/bills/${code}/usage.${format}${query}`, as })
const refused = (key: MessageRef, lang: 'en' | 'fr' = 'fr'): HostileExpect => ({ status: 422, lang, messages: [key], signedInAfter: true })

const usageReportCases: HostileCase[] = (['xlsx', 'csv'] as const).flatMap((format): HostileCase[] => [
  { name: `GET /bills/:code/usage.${format} for a month not started yet is refused (422)`, request: report(`?month=${nextMonth()}`, format), expect: refused('bills.files.error.month_future') },
  { name: `GET /bills/:code/usage.${format} for month 13 is refused (422)`, request: report('?month=2026-13', format), expect: refused('bills.files.error.month_format') },
  { name: `GET /bills/:code/usage.${format} for a month that is no month (abc) is refused (422)`, request: report('?month=abc', format), expect: refused('bills.files.error.month_format') },
  { name: `GET /bills/:code/usage.${format} without a month is refused (422)`, request: report('', format), expect: refused('bills.files.error.month_missing') },
  { name: `GET /bills/:code/usage.${format} before the contract started is refused (422)`, request: report('?month=2001-01', format), expect: refused('bills.files.error.month_too_old') },
  { name: `GET /bills/:code/usage.${format} with a NUL byte in the month is refused (422)`, request: report('?month=2026-10%00', format), expect: refused('bills.files.error.month_format') },
  { name: `GET /bills/:code/usage.${format} with a script as the month shows it escaped (422)`, request: report(`?month=${encodeURIComponent(SCRIPT_TEXT)}`, format),
    expect: { ...refused('bills.files.error.month_format'), echoed: SCRIPT_TEXT } },
  { name: `GET /bills/:code/usage.${format} with SQL as the month is refused (422)`, request: report(`?month=${encodeURIComponent(SQL_TEXT)}`, format), expect: refused('bills.files.error.month_format') },
  { name: `GET /bills/:code/usage.${format} with a 10,000-character month is refused (422)`, request: report(`?month=${'9'.repeat(10_000)}`, format), expect: refused('bills.files.error.month_format') },
  { name: `GET /bills/:code/usage.${format} with the month sent twice is a 400`, request: report('?month=2026-10&month=2026-09', format), expect: { status: 400, lang: 'fr', messages: ['error.400.title', 'error.400.body'] } },
  { name: `GET /bills/:code/usage.${format} of another company's contract is a 404`, request: report('?month=2026-10', format, OTHER_COMPANY_CONTRACT), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: `GET /bills/:code/usage.${format} from an anonymous visitor is sent to the login page`, request: { ...report('?month=2026-10', format), as: undefined }, expect: { status: 302, location: /^\/login/ } },
])

const simulationCases: HostileCase[] = [
  { name: 'GET /bills/:code/simulation.xlsx as a billing visitor is a 403 naming the role', request: { method: 'GET', url: `/bills/${CONTRACT}/simulation.xlsx`, as: VISITOR }, expect: FORBIDDEN },
  { name: "GET /bills/:code/simulation.xlsx of another company's contract is a 404", request: { method: 'GET', url: `/bills/${OTHER_COMPANY_CONTRACT}/simulation.xlsx`, as: MANAGER }, expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
]

const invoice = (number: string, code = CONTRACT, as = MANAGER): HostileRequest => ({ method: 'GET', url: `/bills/${code}/invoices/${number}.pdf`, as })
const invoicePdfCases: HostileCase[] = [
  ...([['a path traversal (../)', '..%2F..%2Fetc%2Fpasswd'], ['a NUL byte', 'F2026-000001%00'], ["an invoice number the contract doesn't have", OTHER_CONTRACTS_INVOICE],
    ['a made-up number', 'F2026-999999'], ['a lower-case number', OTHER_CONTRACTS_INVOICE.toLowerCase()], ['SQL', encodeURIComponent(SQL_TEXT)], ['a script', encodeURIComponent(SCRIPT_TEXT)]] as const)
    .map(([label, number]): HostileCase => ({ name: `GET /bills/:code/invoices/:number.pdf with ${label} is a 404`, request: invoice(number), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } })),
  // Fastify refuses a parameter over 100 characters before any hook: the page is in the browser's language (none sent: English).
  { name: 'GET /bills/:code/invoices/:number.pdf with a 10,000-character number is a 404', request: invoice('F'.repeat(10_000)), expect: { status: 404, lang: 'en', messages: NOT_FOUND } },
  { name: 'GET /bills/:code/invoices/:number.pdf as a billing visitor is a 403 naming the role', request: invoice(OTHER_CONTRACTS_INVOICE, CONTRACT, VISITOR), expect: FORBIDDEN },
  { name: "GET /bills/:code/invoices/:number.pdf of another company's contract is a 404", request: invoice(OTHER_CONTRACTS_INVOICE, OTHER_COMPANY_CONTRACT), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: "GET /bills/:code/invoices/:number.pdf on an Orange Business contract says invoices aren't shown in the customer space (403)",
    request: invoice(OTHER_CONTRACTS_INVOICE, 'OCB0000202', 'emma.leroy'), expect: { status: 403, lang: 'en', messages: ['bills.files.error.orange_business'], signedInAfter: true } },
]

const download = (form: Record<string, string | string[]>, code = CONTRACT, as = MANAGER): HostileRequest => ({ method: 'POST', url: `/bills/${code}/download`, form, as })
const downloadCases: HostileCase[] = [
  ...CSRF.map(([csrf, how]): HostileCase => ({
    name: `POST /bills/:code/download ${how} is refused with 403`, request: { ...download({ files: 'usage:2026-10' }), csrf },
    expect: { status: 403, lang: 'fr', messages: ['error.csrf.title', 'error.csrf.body'], signedInAfter: true },
  })),
  { name: 'POST /bills/:code/download with no file chosen is refused (422)', request: download({}), expect: refused('bills.files.error.none_chosen') },
  { name: 'POST /bills/:code/download with an empty file value is refused (422)', request: download({ files: '' }), expect: refused('bills.files.error.unknown_file') },
  { name: 'POST /bills/:code/download with 41 files is refused (422)', request: download({ files: Array.from({ length: 41 }, (_, n) => `usage:20${String(n + 1).padStart(2, '0')}-01`) }), expect: refused('bills.files.error.too_many') },
  { name: 'POST /bills/:code/download with 500 files is refused (422)', request: download({ files: Array.from({ length: 500 }, (_, n) => `invoice:F2026-${String(n).padStart(6, '0')}`) }), expect: refused('bills.files.error.too_many') },
  { name: 'POST /bills/:code/download with a value naming no kind of file is refused, the value shown (422)', request: download({ files: 'report:all' }), expect: { ...refused('bills.files.error.unknown_file'), echoed: 'report:all' } },
  { name: 'POST /bills/:code/download with a script as a file shows it escaped (422)', request: download({ files: SCRIPT_TEXT }), expect: { ...refused('bills.files.error.unknown_file'), echoed: SCRIPT_TEXT } },
  { name: 'POST /bills/:code/download with SQL as a file is refused (422)', request: download({ files: `invoice:${SQL_TEXT}` }), expect: refused('bills.files.error.unknown_file') },
  { name: 'POST /bills/:code/download with a 10,000-character file value is refused (422)', request: download({ files: `usage:${'9'.repeat(10_000)}` }), expect: refused('bills.files.error.unknown_file') },
  { name: "POST /bills/:code/download with an invoice number the contract doesn't have is refused naming it (422)", request: download({ files: [`invoice:${OTHER_CONTRACTS_INVOICE}`, 'usage:2026-10'] }),
    expect: { ...refused('bills.files.error.invoice_unknown'), echoed: `invoice:${OTHER_CONTRACTS_INVOICE}` } },
  { name: 'POST /bills/:code/download with a path traversal as invoice number is refused (422)', request: download({ files: 'invoice:../../etc/passwd' }), expect: refused('bills.files.error.unknown_file') },
  { name: 'POST /bills/:code/download with month 13 is refused naming the file (422)', request: download({ files: ['usage-csv:2026-13'] }), expect: { ...refused('bills.files.error.month_format'), echoed: 'usage-csv:2026-13' } },
  { name: 'POST /bills/:code/download with a month not started yet is refused (422)', request: download({ files: `usage:${nextMonth()}` }), expect: refused('bills.files.error.month_future') },
  { name: 'POST /bills/:code/download as a billing visitor is a 403 naming the role', request: download({ files: 'usage:2026-10' }, CONTRACT, VISITOR), expect: FORBIDDEN },
  { name: "POST /bills/:code/download on another company's contract is a 404", request: download({ files: 'simulation' }, OTHER_COMPANY_CONTRACT), expect: { status: 404, lang: 'fr', messages: NOT_FOUND } },
  { name: 'POST /bills/:code/download on an Orange Business contract is refused with the 403 notice', request: download({ files: `invoice:${OTHER_CONTRACTS_INVOICE}` }, 'OCB0000202', 'emma.leroy'),
    expect: { ...refused('bills.files.error.orange_business', 'en'), status: 403 } },
  { name: 'POST /bills/:code/download from an anonymous visitor is sent to the login page', request: { ...download({ files: 'simulation' }), as: undefined }, expect: { status: 303, location: '/login' } },
  { name: 'POST /bills/:code/download with a 2 MB body is refused with 413',
    request: { method: 'POST', url: `/bills/${CONTRACT}/download`, as: MANAGER, body: { contentType: 'application/x-www-form-urlencoded', payload: bigBody('files') } },
    expect: { status: 413, lang: 'fr', messages: ['error.413.title', 'error.413.body'], signedInAfter: true } },
]

export const exportsForms: Array<[form: string, cases: HostileCase[]]> = [
  ['GET /bills/:code/usage.xlsx and usage.csv', usageReportCases],
  ['GET /bills/:code/simulation.xlsx', simulationCases],
  ['GET /bills/:code/invoices/:number.pdf', invoicePdfCases],
  ['POST /bills/:code/download', downloadCases],
]
