// Closing a month into invoices (issue 10 §4): gapless numbers in contract
// order, one transaction, a no-op the second time, grouped invoices for
// multi-services contracts, totals from pricing.ts, and publication that
// tells billing managers, referents and the administrative contact.
import t, { type Test } from 'tap'
import type { DB } from '../../../src/db/database.js'
import { closeMonth, InvoicingRefused, publishInvoice } from '../../../src/features/bills/invoicing.js'
import { monthUsage, serviceLines, totalsOf } from '../../../src/features/bills/pricing.js'
import { recordUsage } from '../../../src/features/usage/usage.writes.js'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import { startSmtpServer } from '../../helpers/smtp.js'
import { deliverDueEmails } from '../../../src/jobs/mail-delivery.js'
import { smtpTransport } from '../../../src/mail/transport.js'

const NOW = new Date('2025-04-10T09:00:00Z')
const MONTH = '2025-03'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return db
}

async function contractId(db: DB, code: string): Promise<number> {
  return (await db.selectFrom('contracts').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}

/** Two services on two days of the month for each contract: 1.5 vCPU-h at 0.0312 € and 10 GB at 0.07 €, twice. */
async function someUsage(db: DB, codes: string[], month = MONTH) {
  for (const code of codes) {
    const id = await contractId(db, code)
    await recordUsage(db, ['01', '15'].flatMap((day) => [
      { contractId: id, day: `${month}-${day}`, service: 'Elastic Cloud Server', resource: 'ecs-1', metric: 'vCPU-hours', unit: 'vCPU-h', quantityMilli: 1500, unitPriceMicro: 31_200 },
      { contractId: id, day: `${month}-${day}`, service: 'Bandwidth', resource: 'eip-1', metric: 'GB out', unit: 'GB', quantityMilli: 10_000, unitPriceMicro: 70_000 },
    ]))
  }
}

const close = (db: DB, contractId: number | 'all', month = MONTH) =>
  db.transaction().execute((trx) => closeMonth(trx, { contractId, month, now: NOW, staffId: null }))

t.test('closing a month issues F2025-000001, F2025-000002… without gaps, in contract-code order', async (t) => {
  const db = await setup(t)
  await someUsage(db, ['OCB0000301', 'OCB0000103', 'OCB0000201'])
  const result = await close(db, 'all')
  t.same(result.issued.map((invoice) => invoice.number), ['F2025-000001', 'F2025-000002', 'F2025-000003'])
  const codes = await db.selectFrom('invoices').innerJoin('contracts', 'contracts.id', 'invoices.contract_id').select(['number', 'contracts.code']).orderBy('number').execute()
  t.same(codes.map((row) => row.code), ['OCB0000103', 'OCB0000201', 'OCB0000301'])
  t.equal(result.skippedNoUsage, 3, 'OCB0000100, OCB0000202 and OCB0000302: billable, without usage that month')
  const counter = await db.selectFrom('invoice_counters').selectAll().execute()
  t.same(counter, [{ series: 'invoice-2025', last_number: 3 }])
})

t.test('closing the same month again issues nothing and keeps the numbers', async (t) => {
  const db = await setup(t)
  await someUsage(db, ['OCB0000301', 'OCB0000302'])
  await close(db, 'all')
  const again = await close(db, 'all')
  t.equal(again.issued.length, 0)
  t.equal(again.alreadyInvoiced, 2)
  t.equal((await db.selectFrom('invoices').select('id').execute()).length, 2)
  t.same(await db.selectFrom('invoice_counters').select('last_number').execute(), [{ last_number: 2 }])
})

t.test('the multi-services contract gets one grouped invoice with lines per member and service; its members get none alone', async (t) => {
  const db = await setup(t)
  await someUsage(db, ['OCB0000101', 'OCB0000102'])
  const result = await close(db, 'all')
  t.equal(result.issued.length, 1)
  const invoice = result.issued[0]!
  t.equal(invoice.contract_id, await contractId(db, 'OCB0000100'))
  const lines = await db.selectFrom('invoice_lines').innerJoin('contracts', 'contracts.id', 'invoice_lines.contract_id')
    .select(['contracts.code', 'service', 'description', 'amount_excl_cents']).where('invoice_id', '=', invoice.id).orderBy('position').execute()
  t.same(lines.map((line) => [line.code, line.service]), [
    ['OCB0000101', 'Bandwidth'], ['OCB0000101', 'Elastic Cloud Server'], ['OCB0000102', 'Bandwidth'], ['OCB0000102', 'Elastic Cloud Server'],
  ])
  t.equal(lines[0]!.description, 'OCB0000101 · Bandwidth')
  t.equal(invoice.ref1, 'GRP-2026', 'the grouping contract’s references')
  await t.rejects(close(db, await contractId(db, 'OCB0000101')), InvoicingRefused, 'a member asked alone is refused')
})

t.test('an invoice’s totals are those of pricing.ts: one rounding per service, VAT on the total', async (t) => {
  const db = await setup(t)
  await someUsage(db, ['OCB0000301'])
  const id = await contractId(db, 'OCB0000301')
  const expected = totalsOf(serviceLines(await monthUsage(db, [id], MONTH)).map((line) => line.amountExclCents))
  const [invoice] = (await close(db, id)).issued
  t.same([invoice!.total_excl_cents, invoice!.vat_cents, invoice!.total_incl_cents, invoice!.vat_rate_bp], [expected.exclCents, expected.vatCents, expected.inclCents, 2000])
  // 2 × 1.5 × 0.0312 = 0.0936 € → 9 cents; 2 × 10 × 0.07 = 1.40 €
  t.equal(invoice!.total_excl_cents, 149)
  t.equal(invoice!.vat_cents, 30)
  t.same([invoice!.period_start, invoice!.period_end, invoice!.issued_on, invoice!.due_on], ['2025-03-01', '2025-03-31', '2025-04-10', '2025-05-10'])
  const customer = JSON.parse(invoice!.customer_json)
  t.equal(customer.contractCode, 'OCB0000301')
  t.ok(customer.companyName)
})

t.test('the current month or a future one is refused before anything is written', async (t) => {
  const db = await setup(t)
  await someUsage(db, ['OCB0000301'], '2025-04')
  await t.rejects(close(db, 'all', '2025-04'), InvoicingRefused)
  await t.rejects(close(db, 'all', '2025-05'), InvoicingRefused)
  t.equal((await db.selectFrom('invoices').select('id').execute()).length, 0)
})

t.test('a run that fails midway writes nothing: no invoice, no line, no number taken', async (t) => {
  const db = await setup(t)
  await someUsage(db, ['OCB0000103', 'OCB0000301'])
  // The second invoice's number is already taken (by a stray credit note
  // written by hand): the run fails on it after issuing the first invoice.
  await db.insertInto('invoices').values({
    number: 'F2025-000002', kind: 'credit_note', contract_id: await contractId(db, 'OCB0000201'), month: '2025-02', period_start: '2025-02-01', period_end: '2025-02-28',
    issued_on: '2025-03-02', due_on: '2025-03-02', total_excl_cents: 0, vat_rate_bp: 2000, vat_cents: 0, total_incl_cents: 0, customer_json: '{}',
    ref1: null, ref2: null, ref3: null, corrects_invoice_id: null, reason: 'test', published_at: null, created_by: null, created_at: NOW.toISOString(),
  }).execute()
  await t.rejects(close(db, 'all'))
  t.equal((await db.selectFrom('invoices').select('id').execute()).length, 1, 'only the stray row')
  t.equal((await db.selectFrom('invoice_lines').select('id').execute()).length, 0)
  t.same(await db.selectFrom('invoice_counters').selectAll().execute(), [])
})

t.test('publishing tells the billing managers and the referent in their language, and emails the administrative contact', async (t) => {
  const db = await setup(t)
  await db.updateTable('contracts').set({ admin_contact_name: 'Compta Hexagone', admin_contact_email: 'compta@hexagone.example' }).where('code', '=', 'OCB0000100').execute()
  await someUsage(db, ['OCB0000101'])
  const [invoice] = (await close(db, 'all')).issued
  await db.transaction().execute((trx) => publishInvoice(trx, invoice!, { now: NOW, publicUrl: 'https://portal.example', staffId: null }))
  const emails = await db.selectFrom('outbox').select(['to_address', 'locale', 'subject', 'text_body']).where('template', '=', 'invoice_published').orderBy('to_address').execute()
  t.same(emails.map((email) => [email.to_address, email.locale]), [
    ['compta@hexagone.example', 'fr'], ['david.moreau@hexagone.example', 'fr'],
  ], 'the grouping contract’s referent and the administrative contact: not the member’s referent and billing manager, who have no right on the grouping contract’s bills')
  t.match(emails[1]!.subject, 'Votre facture F2025-000001 : Hexagone Groupe (OCB0000100)')
  t.match(emails[1]!.text_body, 'https://portal.example/bills/OCB0000100/invoices/F2025-000001.pdf')
  t.match(emails[1]!.text_body, 'https://portal.example/bills?contract=OCB0000100')
  const notified = await db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select(['login', 'link'])
    .where('kind', '=', 'invoice_published').orderBy('login').execute()
  t.same(notified, [{ login: 'david.moreau', link: '/bills?contract=OCB0000100' }])
  const again = await db.transaction().execute((trx) => publishInvoice(trx, invoice!, { now: NOW, publicUrl: 'https://portal.example', staffId: null }))
  t.equal(again, false, 'a second publication tells nobody again')
  t.equal((await db.selectFrom('outbox').select('id').where('template', '=', 'invoice_published').execute()).length, 2)
})

t.test('the administrative contact’s email carries the invoice PDF and says so; the people with an account keep the link', async (t) => {
  const db = await setup(t)
  await db.updateTable('contracts').set({ admin_contact_name: 'Compta Hexagone', admin_contact_email: 'compta@hexagone.example' }).where('code', '=', 'OCB0000100').execute()
  await someUsage(db, ['OCB0000101'])
  const [invoice] = (await close(db, 'all')).issued
  await db.transaction().execute((trx) => publishInvoice(trx, invoice!, { now: NOW, publicUrl: 'https://portal.example', staffId: null }))
  const rows = await db.selectFrom('outbox').select(['to_address', 'text_body', 'html_body', 'attachments_json']).where('template', '=', 'invoice_published').orderBy('to_address').execute()
  const contact = rows.find((row) => row.to_address === 'compta@hexagone.example')!
  const [file] = JSON.parse(contact.attachments_json!) as Array<{ filename: string; contentType: string; contentBase64: string }>
  t.same([file!.filename, file!.contentType], ['invoice-F2025-000001.pdf', 'application/pdf'])
  const pdf = Buffer.from(file!.contentBase64, 'base64')
  t.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF')
  t.ok(pdf.length < 200_000, `an invoice PDF is small (${pdf.length} bytes)`)
  t.match(contact.text_body, 'La facture est jointe à cet e-mail au format PDF : invoice-F2025-000001.pdf.')
  t.notMatch(contact.text_body, 'https://portal.example/bills', 'no link behind the login')
  t.notMatch(contact.html_body, 'href="https://portal.example/bills')
  for (const row of rows.filter((row) => row !== contact)) {
    t.equal(row.attachments_json, null, `${row.to_address}: no attachment`)
    t.match(row.text_body, 'https://portal.example/bills/OCB0000100/invoices/F2025-000001.pdf', `${row.to_address}: the link`)
  }

  const smtp = await startSmtpServer(t)
  const transport = smtpTransport(smtp.url)
  t.teardown(() => transport.close())
  t.same(await deliverDueEmails(db, transport, { holder: 'test', from: 'no-reply@portal.example' }), { sent: rows.length, failed: 0, retried: 0 })
  const received = smtp.received.find((mail) => mail.recipients[0] === 'compta@hexagone.example')!
  t.same(received.attachments.map((attached) => [attached.filename, attached.contentType]), [['invoice-F2025-000001.pdf', 'application/pdf']])
  t.equal(received.attachments[0]!.content.subarray(0, 4).toString('latin1'), '%PDF', 'the PDF arrives by SMTP')
  t.ok(received.attachments[0]!.content.equals(pdf), 'byte for byte')
  t.ok(smtp.received.filter((mail) => mail !== received).every((mail) => mail.attachments.length === 0))
})

t.test('an English referent gets the email in English', async (t) => {
  const db = await setup(t)
  await someUsage(db, ['OCB0000201'])
  const [invoice] = (await close(db, 'all')).issued
  await db.transaction().execute((trx) => publishInvoice(trx, invoice!, { now: NOW, publicUrl: 'https://portal.example', staffId: null }))
  const email = await db.selectFrom('outbox').select(['to_address', 'subject', 'locale']).where('to_address', 'like', 'emma%').executeTakeFirstOrThrow()
  t.equal(email.locale, 'en')
  t.match(email.subject, 'Your invoice F2025-000001')
})

t.test('an Orange Business invoice is issued and published without telling anyone through the portal', async (t) => {
  const db = await setup(t)
  await someUsage(db, ['OCB0000202'])
  const [invoice] = (await close(db, 'all')).issued
  t.ok(invoice)
  t.equal(await db.transaction().execute((trx) => publishInvoice(trx, invoice!, { now: NOW, publicUrl: 'https://portal.example', staffId: null })), true)
  t.equal((await db.selectFrom('outbox').select('id').where('template', '=', 'invoice_published').execute()).length, 0)
  t.equal((await db.selectFrom('notifications').select('id').where('kind', '=', 'invoice_published').execute()).length, 0)
})


// Through the pages, as billing staff: the demo data has usage for the two
// months before this one (scripts/seed-demo-usage.ts).
const lastMonth = () => { const now = new Date(); return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7) }

async function staffApp(t: Test) {
  const db = await setup(t)
  const app = await buildTestApp(t, { db })
  const nadia = await loginAsStaff(app, 'nadia.benali')
  await nadia.get('/admin/billing/invoicing')
  return { db, app, nadia }
}

t.test('closing last month for one contract from the page issues and publishes its invoice, then shows it in the list', async (t) => {
  const { db, nadia } = await staffApp(t)
  const response = await nadia.post('/admin/billing/invoicing', { month: lastMonth(), contract: 'ocb0000301', publish: '1' })
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, `/admin/billing/invoices?month=${lastMonth()}&contract=OCB0000301`)
  const invoices = await db.selectFrom('invoices').select(['number', 'published_at']).execute()
  t.equal(invoices.length, 1)
  t.ok(invoices[0]!.published_at)
  const list = await nadia.get(response.headers.location as string)
  t.match(list.body, /1 new invoice \(F\d{4}-000001\), published\. 0 contracts without usage, 0 already invoiced\./)
  t.match(list.body, `href="/admin/billing/invoices/${invoices[0]!.number}"`)
  const emails = await db.selectFrom('outbox').select('to_address').where('template', '=', 'invoice_published').orderBy('to_address').execute()
  t.same(emails.map((row) => row.to_address), ['helene.fabre@rivage.example', 'ines.garnier@rivage.example'], 'the referent and the (locked) billing manager')
  const again = await nadia.post('/admin/billing/invoicing', { month: lastMonth(), contract: 'OCB0000301', publish: '1' })
  t.match((await nadia.get(again.headers.location as string)).body, /No new invoice: 0 contracts without usage, 1 already invoiced/)
  t.equal((await db.selectFrom('invoices').select('id').execute()).length, 1)
})

t.test('without "publish at once" the invoices stay unpublished until published from their page', async (t) => {
  const { db, nadia } = await staffApp(t)
  await nadia.post('/admin/billing/invoicing', { month: lastMonth(), contract: 'OCB0000301' })
  const invoice = await db.selectFrom('invoices').selectAll().executeTakeFirstOrThrow()
  t.equal(invoice.published_at, null)
  t.equal((await db.selectFrom('outbox').select('id').where('template', '=', 'invoice_published').execute()).length, 0)
  const page = await nadia.get(`/admin/billing/invoices/${invoice.number}`)
  t.match(page.body, 'Publish to the customer')
  t.equal((await nadia.post(`/admin/billing/invoices/${invoice.number}/publish`)).statusCode, 303)
  t.ok((await db.selectFrom('invoices').select('published_at').executeTakeFirstOrThrow()).published_at)
  t.equal((await db.selectFrom('outbox').select('id').where('template', '=', 'invoice_published').execute()).length, 2)
})

t.test('the current month, a future one, a malformed month or a member contract are refused with a message on the field (422)', async (t) => {
  const { db, nadia } = await staffApp(t)
  const now = new Date().toISOString().slice(0, 7)
  for (const [fields, message] of [
    [{ month: now }, 'This month is not over: only a past month can be closed.'],
    [{ month: '2999-01' }, 'This month is not over'],
    [{ month: '2026-13' }, 'Enter a month as YYYY-MM'],
    [{ month: '' }, 'Enter a month as YYYY-MM'],
    [{ month: lastMonth(), contract: 'nope' }, 'Enter a contract code: OCB and 7 digits.'],
    [{ month: lastMonth(), contract: 'OCB9999999' }, 'No contract has this code.'],
    [{ month: lastMonth(), contract: 'OCB0000101' }, 'This contract is invoiced through its multi-services contract'],
  ] as const) {
    const response = await nadia.post('/admin/billing/invoicing', fields)
    t.equal(response.statusCode, 422, JSON.stringify(fields))
    t.match(response.body, message)
    t.match(response.body, 'class="error-summary"')
  }
  t.equal((await db.selectFrom('invoices').select('id').execute()).length, 0)
})

t.test('support staff get 403 on the invoicing pages, a customer 404', async (t) => {
  const { app } = await staffApp(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  for (const url of ['/admin/billing/invoicing', '/admin/billing/invoices']) t.equal((await thomas.get(url)).statusCode, 403, url)
  const alice = await loginAs(app, 'alice.martin')
  for (const url of ['/admin/billing/invoicing', '/admin/billing/invoices']) t.equal((await alice.get(url)).statusCode, 404, url)
})

t.test('the invoices list filters by contract, month and search, a wildcard being text, and refuses a search over 100 characters', async (t) => {
  const { nadia } = await staffApp(t)
  await nadia.post('/admin/billing/invoicing', { month: lastMonth(), contract: '', publish: '1' })
  const all = await nadia.get('/admin/billing/invoices')
  t.match(all.body, /\d+ documents/)
  const one = await nadia.get('/admin/billing/invoices?contract=OCB0000302')
  t.match(one.body, '1 document')
  t.match((await nadia.get('/admin/billing/invoices?q=Rivage')).body, 'OCB0000301')
  t.match((await nadia.get('/admin/billing/invoices?q=%25')).body, 'No invoice matches these filters.')
  const long = await nadia.get(`/admin/billing/invoices?q=${'x'.repeat(10_000)}`)
  t.equal(long.statusCode, 422)
  t.match(long.body, 'The search is limited to 100 characters.')
})

t.test('an unknown or malformed invoice number is a 404', async (t) => {
  const { nadia } = await staffApp(t)
  t.equal((await nadia.get('/admin/billing/invoices/F2026-999999')).statusCode, 404)
  t.equal((await nadia.get('/admin/billing/invoices/%3Cscript%3E')).statusCode, 404)
})
