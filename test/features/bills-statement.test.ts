// The account statement (GET /bills/:code/statement and .csv): published
// invoices are debits, credit notes and payments credits, in date order with
// a running balance; billing managers only.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import type { DB } from '../../src/db/database.js'
import { seedDemoBills } from '../../scripts/seed-demo-bills.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

async function idOf(db: DB, table: 'contracts' | 'users', column: 'code' | 'login', value: string): Promise<number> {
  return (await db.selectFrom(table).select('id').where(column as never, '=', value as never).executeTakeFirstOrThrow() as { id: number }).id
}

/** The demo's invoices and payments of a contract removed, so the test's documents are the only ones. */
async function clearBills(db: DB, contractId: number) {
  await db.deleteFrom('payments').where('contract_id', '=', contractId).execute()
  const ids = (await db.selectFrom('invoices').select('id').where('contract_id', '=', contractId).execute()).map((row) => row.id)
  if (ids.length === 0) return
  await db.deleteFrom('invoice_lines').where('invoice_id', 'in', ids).execute()
  await db.deleteFrom('invoices').where('id', 'in', ids).where('kind', '=', 'credit_note').execute()
  await db.deleteFrom('invoices').where('id', 'in', ids).execute()
}

/** OCB0000301's documents: two invoices (1,200.00 € and 600.00 €), a credit note of 120.00 €, a payment of 1,000.00 €, and an unpublished invoice. */
async function seedStatement(db: DB) {
  const contractId = await idOf(db, 'contracts', 'code', 'OCB0000301')
  const staffId = await idOf(db, 'users', 'login', 'nadia.benali')
  await clearBills(db, contractId)
  const base = { contract_id: contractId, vat_rate_bp: 2000, customer_json: '{}', ref1: null, ref2: null, ref3: null, reason: null, created_by: null, created_at: new Date().toISOString() }
  const doc = (number: string, kind: 'invoice' | 'credit_note', month: string, issued: string, incl: number, published = true, corrects: number | null = null) => ({
    ...base, number, kind, month, period_start: `${month}-01`, period_end: `${month}-28`, issued_on: issued, due_on: issued.replace(/-\d\d$/, '-28'),
    total_excl_cents: Math.round(incl / 1.2), vat_cents: incl - Math.round(incl / 1.2), total_incl_cents: incl, corrects_invoice_id: corrects,
    published_at: published ? new Date().toISOString() : null,
  })
  const first = await db.insertInto('invoices').values(doc('F2026-000101', 'invoice', '2026-01', '2026-02-02', 120_000)).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('invoices').values(doc('F2026-000102', 'invoice', '2026-02', '2026-03-02', 60_000)).execute()
  await db.insertInto('invoices').values(doc('A2026-000101', 'credit_note', '2026-01', '2026-02-15', -12_000, true, first.id)).execute()
  await db.insertInto('invoices').values(doc('F2026-000103', 'invoice', '2026-03', '2026-04-02', 99_999, false)).execute()
  await db.insertInto('payments').values({ contract_id: contractId, invoice_id: first.id, received_on: '2026-02-20', amount_cents: 100_000, reference: '=VIR 2026-0042', recorded_by: staffId, recorded_at: new Date().toISOString() }).execute()
}

t.test('the balance due is invoices − credit notes − payments, and the entries run in date order', async (t) => {
  const app = await setup(t)
  await seedStatement(app.db)
  const helene = await loginAs(app, 'helene.fabre')
  const page = await helene.get('/bills/OCB0000301/statement')
  t.equal(page.statusCode, 200)
  // 1,200 + 600 − 120 − 1,000 = 680 €
  t.match(page.body, /id="balance-due"><strong>680,00\s€<\/strong>/)
  const order = ['F2026-000101', 'A2026-000101', 'VIR 2026-0042', 'F2026-000102'].map((text) => page.body.indexOf(text))
  t.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)), 'invoice, credit note, payment, invoice')
  t.notMatch(page.body, 'F2026-000103', 'an unpublished invoice is not on the statement')
})

t.test('the statement CSV parses back: header in the user language, ISO dates, euros with a dot, running balance, formula defused', async (t) => {
  const app = await setup(t)
  await seedStatement(app.db)
  const helene = await loginAs(app, 'helene.fabre')
  const csv = await helene.get('/bills/OCB0000301/statement.csv')
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], 'text/csv')
  t.match(csv.headers['content-disposition'], /attachment; filename="statement-OCB0000301-\d{4}-\d{2}-\d{2}\.csv"/)
  const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''))
  t.same(rows[0], ['Date', 'Type', 'Référence', 'Facture réglée', 'Échéance', 'Débit', 'Crédit', 'Solde'])
  t.same(rows.slice(1), [
    ['2026-02-02', 'Facture', 'F2026-000101', '', '2026-02-28', '1200.00', '', '1200.00'],
    ['2026-02-15', 'Avoir', 'A2026-000101', '', '2026-02-28', '', '120.00', '1080.00'],
    ['2026-02-20', 'Paiement', "'=VIR 2026-0042", 'F2026-000101', '', '', '1000.00', '80.00'],
    ['2026-03-02', 'Facture', 'F2026-000102', '', '2026-03-28', '600.00', '', '680.00'],
  ])
})

t.test('a billing visitor is refused the statement and its CSV with 403', async (t) => {
  const app = await setup(t)
  await seedStatement(app.db)
  const chloe = await loginAs(app, 'chloe.bernard')
  t.equal((await chloe.get('/bills/OCB0000101/statement')).statusCode, 403)
  t.equal((await chloe.get('/bills/OCB0000101/statement.csv')).statusCode, 403)
  const laura = await loginAs(app, 'laura.vidal')
  t.equal((await laura.get('/bills/OCB0000302/statement.csv')).statusCode, 403)
  t.equal((await laura.get('/bills/OCB0000301/statement')).statusCode, 404, 'a contract the user holds no role on')
})

t.test('a contract without documents has an empty statement with a zero balance', async (t) => {
  const app = await setup(t)
  await clearBills(app.db, await idOf(app.db, 'contracts', 'code', 'OCB0000101'))
  const bruno = await loginAs(app, 'bruno.petit')
  const page = await bruno.get('/bills/OCB0000101/statement')
  t.equal(page.statusCode, 200)
  t.match(page.body, /id="balance-due"><strong>0,00\s€<\/strong>/)
})

t.test('the demo bills: two closed months published through the invoicing run, a grouped invoice, a credit note and the older month paid', async (t) => {
  const app = await setup(t)
  await app.db.transaction().execute((trx) => seedDemoBills(trx, new Date()))
  const docs = await app.db.selectFrom('invoices').innerJoin('contracts', 'contracts.id', 'invoices.contract_id')
    .select(['invoices.id', 'number', 'kind', 'code', 'month', 'total_incl_cents', 'published_at']).orderBy('number').execute()
  t.ok(docs.every((doc) => doc.published_at !== null), 'all published')
  t.same([...new Set(docs.filter((doc) => doc.kind === 'invoice').map((doc) => doc.code))], ['OCB0000100', 'OCB0000103', 'OCB0000201', 'OCB0000301', 'OCB0000302'], 'members are billed through OCB0000100, Orange Business has no usage')
  t.equal(docs.filter((doc) => doc.kind === 'invoice').length, 10, 'two months × five billed contracts')
  const grouped = docs.find((doc) => doc.code === 'OCB0000100')!
  const memberLines = await app.db.selectFrom('invoice_lines').innerJoin('contracts', 'contracts.id', 'invoice_lines.contract_id').select('code').distinct().where('invoice_id', '=', grouped.id).orderBy('code').execute()
  t.same(memberLines.map((row) => row.code), ['OCB0000101', 'OCB0000102'])
  t.same(docs.filter((doc) => doc.kind === 'credit_note').map((doc) => doc.code), ['OCB0000301'])
  const company = await app.db.selectFrom('companies').select('vat_number').where('name', '=', 'Banque du Rivage').executeTakeFirstOrThrow()
  t.equal(company.vat_number, 'FR92401778230')
  const helene = await loginAs(app, 'helene.fabre')
  const page = await helene.get('/bills/OCB0000301/statement')
  const last = docs.filter((doc) => doc.code === 'OCB0000301' && doc.kind === 'invoice').at(-1)!
  const balance = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(last.total_incl_cents / 100)
  t.match(page.body, `id="balance-due"><strong>${balance}</strong>`, 'the older month is settled (credit note + payment): last month is due')
  const bills = await helene.get('/bills?contract=OCB0000301')
  t.match(bills.body, last.number)
  t.match(bills.body, 'fournisseurs@rivage.example', 'the demo administrative contact')
})

/** RFC 4180: quoted fields, doubled quotes, CRLF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  for (const line of text.split('\r\n').filter(Boolean)) {
    rows.push([...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((match) => match[1]!.replace(/""/g, '"')))
  }
  return rows
}

t.test('a payment recorded on an unpublished invoice is not on the statement nor in the balance', async (t) => {
  const app = await setup(t)
  await seedStatement(app.db)
  const contractId = await idOf(app.db, 'contracts', 'code', 'OCB0000301')
  const hidden = await app.db.selectFrom('invoices').select('id').where('number', '=', 'F2026-000103').executeTakeFirstOrThrow()
  await app.db.insertInto('payments').values({ contract_id: contractId, invoice_id: hidden.id, received_on: '2026-04-10', amount_cents: 5_000, reference: 'VIR-HIDDEN-1',
    recorded_by: await idOf(app.db, 'users', 'login', 'nadia.benali'), recorded_at: new Date().toISOString() }).execute()
  const page = await (await loginAs(app, 'helene.fabre')).get('/bills/OCB0000301/statement')
  t.notMatch(page.body, 'VIR-HIDDEN-1')
  t.match(page.body, /id="balance-due"><strong>680,00\s€<\/strong>/)
})
