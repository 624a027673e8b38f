// The bills page (GET /bills?contract=): billing managers see the simulation
// to date (computed by pricing.ts only), the consumption with amounts, the
// last invoice and the published history; billing visitors see quantities
// only; Orange Business contracts show no billing data; a multi-services
// grouping shows its grouped invoices and its members' simulation.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import type { DB } from '../../src/db/database.js'
import { recordUsage, type UsageLine } from '../../src/features/usage/usage.writes.js'
import { utcMonth, utcDay } from '../../src/features/usage/usage.queries.js'
import { monthUsage, serviceLines, totalsOf } from '../../src/features/bills/pricing.js'
import { budgetSummaries } from '../../src/features/usage/budget-summary.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
  return app
}

async function contractId(db: DB, code: string): Promise<number> {
  return (await db.selectFrom('contracts').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}

/** Usage of a fresh contract-month: the demo usage of `code` this month is cleared first, so the figures are the test's alone. */
async function replaceUsage(db: DB, code: string, lines: Array<Omit<UsageLine, 'contractId' | 'day' | 'resource'>>) {
  const id = await contractId(db, code)
  const month = utcMonth(new Date())
  await db.deleteFrom('usage_records').where('contract_id', '=', id).where('day', '>=', `${month}-01`).execute()
  await db.deleteFrom('usage_daily').where('contract_id', '=', id).where('day', '>=', `${month}-01`).execute()
  await db.deleteFrom('usage_monthly').where('contract_id', '=', id).where('month', '=', month).execute()
  const day = utcDay(new Date())
  await db.transaction().execute((trx) => recordUsage(trx, lines.map((line) => ({ ...line, contractId: id, day, resource: 'res-1' }))))
  return id
}

// Half-cent cases: 1.5 h × 0.031 € = 0.0465 € and 3 × 0.0155 € = 0.0465 € on two
// metrics of one service (0.093 € → 0.09 € once), 1 GB × 0.125 € on another.
const HALF_CENTS = [
  { service: 'Compute', metric: 'vCPU-hours', unit: 'vCPU-h', quantityMilli: 1500, unitPriceMicro: 31_000 },
  { service: 'Compute', metric: 'GB RAM-hours', unit: 'GB-h', quantityMilli: 3000, unitPriceMicro: 15_500 },
  { service: 'Storage', metric: 'GB-months', unit: 'GB-month', quantityMilli: 1000, unitPriceMicro: 125_000 },
]

/** The demo's invoices and payments of a contract removed, so the test's documents are the only ones. */
async function clearBills(db: DB, contractId: number) {
  await db.deleteFrom('payments').where('contract_id', '=', contractId).execute()
  const ids = (await db.selectFrom('invoices').select('id').where('contract_id', '=', contractId).execute()).map((row) => row.id)
  if (ids.length === 0) return
  await db.deleteFrom('invoice_lines').where('invoice_id', 'in', ids).execute()
  await db.deleteFrom('invoices').where('id', 'in', ids).where('kind', '=', 'credit_note').execute()
  await db.deleteFrom('invoices').where('id', 'in', ids).execute()
}

let invoiceSeq = 0
/** A published (or not) invoice or credit note, inserted directly: the invoicing run is tested elsewhere. */
async function insertInvoice(db: DB, fields: { contractId: number; month: string; kind?: 'invoice' | 'credit_note'; inclCents?: number; published?: boolean; issuedOn?: string }) {
  invoiceSeq += 1
  const kind = fields.kind ?? 'invoice'
  const incl = fields.inclCents ?? 12_000
  const excl = Math.round(incl / 1.2)
  const number = `${kind === 'invoice' ? 'F' : 'A'}2099-${String(invoiceSeq).padStart(6, '0')}`
  const issued = fields.issuedOn ?? `${fields.month}-28`
  const row = await db.insertInto('invoices').values({
    number, kind, contract_id: fields.contractId, month: fields.month, period_start: `${fields.month}-01`, period_end: `${fields.month}-28`,
    issued_on: issued, due_on: issued, total_excl_cents: excl, vat_rate_bp: 2000, vat_cents: incl - excl, total_incl_cents: incl,
    customer_json: '{}', ref1: null, ref2: null, ref3: null, corrects_invoice_id: null, reason: kind === 'credit_note' ? 'test' : null,
    published_at: fields.published === false ? null : new Date().toISOString(), created_by: null, created_at: new Date().toISOString(),
  }).returning(['id', 'number']).executeTakeFirstOrThrow()
  return row
}

const money = (cents: number, locale: 'fr' | 'en' = 'fr') => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100)

t.test('a billing manager sees the simulation to date whose totals are pricing.ts totals (each service rounded once)', async (t) => {
  const app = await setup(t)
  const id = await replaceUsage(app.db, 'OCB0000101', HALF_CENTS)
  const lines = serviceLines(await monthUsage(app.db, [id], utcMonth(new Date())))
  const totals = totalsOf(lines.map((line) => line.amountExclCents))
  t.same(lines.map((line) => line.amountExclCents), [9, 13], 'Compute 0.093 € → 0.09 €, Storage 0.125 € → 0.13 €')
  t.same(totals, { exclCents: 22, vatRateBp: 2000, vatCents: 4, inclCents: 26 })
  const bruno = await loginAs(app, 'bruno.petit')
  const page = await bruno.get('/bills?contract=OCB0000101')
  t.equal(page.statusCode, 200)
  t.match(page.body, new RegExp(`id="simulation-total-excl">${money(22)}<`))
  t.match(page.body, new RegExp(`id="simulation-vat">${money(4)}<`))
  t.match(page.body, new RegExp(`id="simulation-total-incl">${money(26)}<`))
  t.match(page.body, 'Compute')
  t.match(page.body, '1,5 vCPU-h', 'quantities in thousandths shown with their decimals')
})

t.test("the dashboard budget's month-to-date consumption and the simulation's total excluding VAT agree within a cent per service", async (t) => {
  const app = await setup(t)
  const id = await replaceUsage(app.db, 'OCB0000101', HALF_CENTS)
  const contract = await app.db.selectFrom('contracts').select(['id', 'budget_cents', 'budget_threshold_percent']).where('id', '=', id).executeTakeFirstOrThrow()
  const [budget] = await budgetSummaries(app.db, [contract], new Date())
  const lines = serviceLines(await monthUsage(app.db, [id], utcMonth(new Date())))
  const simulation = totalsOf(lines.map((line) => line.amountExclCents))
  // Same micro-euros underneath (usage_daily and usage_monthly are kept by recordUsage):
  t.equal(budget!.consumedMicro, lines.flatMap((line) => line.metrics).reduce((sum, row) => sum + row.amountMicro, 0))
  // The budget rounds the month once (0.218 € → 0.22 €), the simulation each service (0.09 + 0.13): equal here, and never more than half a cent per service apart.
  t.ok(Math.abs(budget!.consumedCents - simulation.exclCents) <= lines.length / 2)
  t.equal(budget!.consumedCents, 22)
})

t.test('a billing visitor sees quantities since the 1st and no amount, no euro sign, no invoice, no simulation', async (t) => {
  const app = await setup(t)
  const id = await replaceUsage(app.db, 'OCB0000101', HALF_CENTS)
  await insertInvoice(app.db, { contractId: id, month: '2026-01' })
  const chloe = await loginAs(app, 'chloe.bernard')
  const page = await chloe.get('/bills?contract=OCB0000101')
  t.equal(page.statusCode, 200)
  t.match(page.body, '1.5 vCPU-h')
  t.match(page.body, 'Quantities only')
  t.notMatch(page.body, '€')
  t.notMatch(page.body, 'F2099-')
  t.notMatch(page.body, 'simulation-total')
  t.notMatch(page.body, '/download"', 'no multi-file download form')
  t.notMatch(page.body, 'simulation.xlsx')
  t.match(page.body, `/bills/OCB0000101/usage.xlsx?month=${utcMonth(new Date())}`, 'the unvalued report links are there')
})

t.test('a user without a billing role gets a 403 naming the role; a contract of another company is a 404', async (t) => {
  const app = await setup(t)
  const karine = await loginAs(app, 'karine.lopez')
  const refused = await karine.get('/bills?contract=OCB0000101')
  t.equal(refused.statusCode, 403)
  t.equal((await karine.get('/bills')).statusCode, 403, 'the default contract too')
  const bruno = await loginAs(app, 'bruno.petit')
  t.equal((await bruno.get('/bills?contract=OCB0000201')).statusCode, 404)
  t.equal((await bruno.get('/bills?contract=OCB9999999')).statusCode, 404)
})

t.test('without ?contract= the page opens on the first contract where the user holds a billing role', async (t) => {
  const app = await setup(t)
  const laura = await loginAs(app, 'laura.vidal')
  const page = await laura.get('/bills')
  t.equal(page.statusCode, 200)
  t.match(page.body, 'OCB0000302')
})

t.test('an Orange Business contract says its invoices cannot be shown, and shows no billing data', async (t) => {
  const app = await setup(t)
  const id = await contractId(app.db, 'OCB0000202')
  await insertInvoice(app.db, { contractId: id, month: '2026-01' })
  const emma = await loginAs(app, 'emma.leroy')
  const page = await emma.get('/bills?contract=OCB0000202')
  t.equal(page.statusCode, 200)
  t.match(page.body, 'its invoices cannot be displayed in your Cloud Customer Space')
  t.notMatch(page.body, 'F2099-')
  t.notMatch(page.body, 'simulation-total')
  t.notMatch(page.body, 'usage.xlsx')
  t.match(page.body, 'Invoice reception service')
  const statement = await emma.get('/bills/OCB0000202/statement')
  t.match(statement.body, 'its invoices cannot be displayed')
  t.notMatch(statement.body, 'F2099-')
  t.equal((await emma.get('/bills/OCB0000202/statement.csv')).statusCode, 404)
})

t.test('a grouping contract lists its grouped invoice and its members’ simulation per member; the members show no invoice of their own', async (t) => {
  const app = await setup(t)
  const grouping = await contractId(app.db, 'OCB0000100')
  await replaceUsage(app.db, 'OCB0000101', HALF_CENTS)
  await replaceUsage(app.db, 'OCB0000102', [HALF_CENTS[2]!])
  const grouped = await insertInvoice(app.db, { contractId: grouping, month: '2026-01' })
  const david = await loginAs(app, 'david.moreau')
  const page = await david.get('/bills?contract=OCB0000100')
  t.equal(page.statusCode, 200)
  t.match(page.body, grouped.number)
  t.match(page.body, /<h3>Hexagone Production \(OCB0000101\)<\/h3>/)
  t.match(page.body, /<h3>Hexagone Santé \(OCB0000102\)<\/h3>/)
  t.match(page.body, new RegExp(`id="simulation-total-excl">${money(22 + 13)}<`), 'the members summed: 0.22 € + 0.13 €')
  t.match(page.body, 'ne peut pas être modifié')
  t.notMatch(page.body, 'action="/bills/OCB0000100/admin-contact"', 'read-only: no contact form')
  const bruno = await loginAs(app, 'bruno.petit')
  const member = await bruno.get('/bills?contract=OCB0000101')
  t.notMatch(member.body, grouped.number, 'the grouped invoice is not listed on the member')
  t.match(member.body, 'regroupées')
  t.match(member.body, 'Hexagone Groupe (OCB0000100)')
  t.notMatch(member.body, 'href="/bills?contract=OCB0000100"', 'bruno holds no role on the grouping: no link')
})

t.test('unpublished invoices are never shown', async (t) => {
  const app = await setup(t)
  const id = await contractId(app.db, 'OCB0000301')
  const published = await insertInvoice(app.db, { contractId: id, month: '2026-01' })
  const hidden = await insertInvoice(app.db, { contractId: id, month: '2026-02', published: false })
  const helene = await loginAs(app, 'helene.fabre')
  const page = await helene.get('/bills?contract=OCB0000301')
  t.match(page.body, published.number)
  t.notMatch(page.body, hidden.number)
  const statement = await helene.get('/bills/OCB0000301/statement')
  t.notMatch(statement.body, hidden.number)
})

t.test('the history shows 12 documents a page, newest first, with the last invoice apart', async (t) => {
  const app = await setup(t)
  const id = await contractId(app.db, 'OCB0000301')
  await clearBills(app.db, id)
  const numbers: string[] = []
  for (let month = 1; month <= 14; month += 1) {
    const m = `2025-${String(((month - 1) % 12) + 1).padStart(2, '0')}`
    const row = await insertInvoice(app.db, { contractId: id, month: month > 12 ? `2026-${String(month - 12).padStart(2, '0')}` : m, issuedOn: new Date(Date.UTC(2025, month, 2)).toISOString().slice(0, 10) })
    numbers.push(row.number)
  }
  const helene = await loginAs(app, 'helene.fabre')
  const first = await helene.get('/bills?contract=OCB0000301')
  const newest = numbers[13]!
  const oldest = numbers[0]!
  t.match(first.body, `value="invoice:${newest}"`)
  t.notMatch(first.body, `value="invoice:${oldest}"`)
  t.equal([...first.body.matchAll(/name="files" value="invoice:/g)].length, 12)
  t.ok(first.body.indexOf(`invoice:${numbers[13]}`) < first.body.indexOf(`invoice:${numbers[12]}`), 'newest first')
  t.match(first.body, 'href="/bills?contract=OCB0000301&amp;page=2"')
  const second = await helene.get('/bills?contract=OCB0000301&page=2')
  t.equal([...second.body.matchAll(/name="files" value="invoice:/g)].length, 2)
  t.match(second.body, `value="invoice:${oldest}"`)
  for (const junk of ['0', '-1', 'abc', '99999999', '1e3', '2&page=3']) {
    t.equal((await helene.get(`/bills?contract=OCB0000301&page=${encodeURIComponent(junk)}`)).statusCode, 200, junk)
  }
})

t.test('the download form offers exactly the file values the zip route reads', async (t) => {
  const app = await setup(t)
  const id = await contractId(app.db, 'OCB0000301')
  const invoice = await insertInvoice(app.db, { contractId: id, month: '2026-01' })
  const helene = await loginAs(app, 'helene.fabre')
  const page = await helene.get('/bills?contract=OCB0000301')
  const month = utcMonth(new Date())
  t.match(page.body, 'action="/bills/OCB0000301/download"')
  for (const value of [`invoice:${invoice.number}`, `usage:${month}`, `usage-csv:${month}`, 'simulation']) t.match(page.body, `name="files" value="${value}"`)
  t.equal([...page.body.matchAll(/name="files" value="usage:/g)].length, 13, 'the current month and the 12 before')
  t.match(page.body, `/bills/OCB0000301/invoices/${invoice.number}.pdf`)
  t.match(page.body, 'facturation.cloud@provider.example')
})

t.test('the page offers no report month before the contract’s start: only months the download accepts', async (t) => {
  const app = await setup(t)
  const now = new Date()
  const thisMonth = utcMonth(now)
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
  await app.db.updateTable('contracts').set({ start_date: `${thisMonth}-01` }).where('code', '=', 'OCB0000101').execute()
  const page = await (await loginAs(app, 'alice.martin')).get('/bills?contract=OCB0000101')
  t.equal(page.statusCode, 200)
  t.match(page.body, `usage.xlsx?month=${thisMonth}`)
  t.notMatch(page.body, `usage.xlsx?month=${lastMonth}`)
  t.notMatch(page.body, `value="usage-csv:${lastMonth}"`)
})
