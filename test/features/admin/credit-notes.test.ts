// Credit notes and payments on an invoice's staff page (issue 10 §4 and §5):
// a credit note has its own series, negative totals, refers to the invoice
// and never credits more than what remains; payments are recorded with audit.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { loginAsStaff, seedPersonas } from '../../helpers/personas.js'

const lastMonth = () => { const now = new Date(); return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7) }

/** Billing staff with last month's published invoice of OCB0000301. */
async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db })
  const nadia = await loginAsStaff(app, 'nadia.benali')
  await nadia.get('/admin/billing/invoicing')
  await nadia.post('/admin/billing/invoicing', { month: lastMonth(), contract: 'OCB0000301', publish: '1' })
  const invoice = await db.selectFrom('invoices').selectAll().executeTakeFirstOrThrow()
  const page = `/admin/billing/invoices/${invoice.number}`
  await nadia.get(page)
  return { db, app, nadia, invoice, page }
}

t.test('a credit note gets A…000001, negative totals with VAT, refers to the invoice and is published with its email', async (t) => {
  const { db, nadia, invoice, page } = await setup(t)
  const response = await nadia.post(`${page}/credit-note`, { amount: '10,50', reason: 'Duplicate storage line' })
  t.equal(response.statusCode, 303)
  const note = await db.selectFrom('invoices').selectAll().where('kind', '=', 'credit_note').executeTakeFirstOrThrow()
  t.match(note.number, /^A\d{4}-000001$/)
  t.equal(response.headers.location, `/admin/billing/invoices/${note.number}`)
  t.same([note.total_excl_cents, note.vat_cents, note.total_incl_cents], [-1050, -210, -1260])
  t.equal(note.corrects_invoice_id, invoice.id)
  t.equal(note.reason, 'Duplicate storage line')
  t.equal(note.ref1, invoice.ref1)
  t.ok(note.published_at, 'published like the invoice it corrects')
  const line = await db.selectFrom('invoice_lines').select(['description', 'amount_excl_cents']).where('invoice_id', '=', note.id).executeTakeFirstOrThrow()
  t.same(line, { description: `Credit on ${invoice.number}`, amount_excl_cents: -1050 })
  const emails = await db.selectFrom('outbox').select('subject').where('template', '=', 'invoice_published').where('subject', 'like', '%avoir%').execute()
  t.equal(emails.length, 2, 'Hélène, the referent, and Inès, the billing manager, in French')
  const shown = await nadia.get(`/admin/billing/invoices/${note.number}`)
  t.match(shown.body, `href="/admin/billing/invoices/${invoice.number}"`)
  t.match(shown.body, 'Duplicate storage line')
  t.equal((await db.selectFrom('audit_log').select('id').where('action', '=', 'invoicing.credit_note_issued').execute()).length, 1)
})

t.test('a credit note can’t exceed what remains creditable on the invoice (422), nothing written', async (t) => {
  const { db, nadia, invoice, page } = await setup(t)
  const total = (invoice.total_excl_cents / 100).toFixed(2)
  const over = await nadia.post(`${page}/credit-note`, { amount: (invoice.total_excl_cents / 100 + 0.01).toFixed(2), reason: 'Too much' })
  t.equal(over.statusCode, 422)
  t.match(over.body, `At most ${total} euros remain creditable on this invoice.`)
  t.match(over.body, '>Too much</textarea>', 'what was typed is kept')
  t.equal((await nadia.post(`${page}/credit-note`, { amount: total, reason: 'All of it' })).statusCode, 303)
  await nadia.get(page)
  const nothingLeft = await nadia.post(`${page}/credit-note`, { amount: '0.01', reason: 'One more cent' })
  t.equal(nothingLeft.statusCode, 422)
  t.equal((await db.selectFrom('invoices').select('id').where('kind', '=', 'credit_note').execute()).length, 1)
})

t.test('a credit note needs a reason and an amount greater than zero', async (t) => {
  const { db, nadia, page } = await setup(t)
  const response = await nadia.post(`${page}/credit-note`, { amount: '0', reason: '' })
  t.equal(response.statusCode, 422)
  t.match(response.body, 'Enter an amount in euros greater than zero')
  t.match(response.body, 'Say why the invoice is credited.')
  t.match(response.body, 'href="#credit_amount"')
  const long = await nadia.post(`${page}/credit-note`, { amount: '1', reason: 'x'.repeat(501) })
  t.match(long.body, 'The reason is limited to 500 characters.')
  t.equal((await db.selectFrom('invoices').select('id').where('kind', '=', 'credit_note').execute()).length, 0)
  t.same(await db.selectFrom('invoice_counters').select('series').where('series', 'like', 'credit_note-%').execute(), [], 'no number taken')
})

t.test('a payment is recorded on the invoice with its audit row, and the balance goes down', async (t) => {
  const { db, nadia, invoice, page } = await setup(t)
  const response = await nadia.post(`${page}/payments`, { amount: '5.00', received_on: '2026-01-15', reference: 'VIR-2026-0042' })
  t.equal(response.statusCode, 303)
  const payment = await db.selectFrom('payments').selectAll().executeTakeFirstOrThrow()
  t.same([payment.contract_id, payment.invoice_id, payment.amount_cents, payment.received_on, payment.reference], [invoice.contract_id, invoice.id, 500, '2026-01-15', 'VIR-2026-0042'])
  const shown = await nadia.get(page)
  t.match(shown.body, 'Payment of €5.00 recorded')
  t.match(shown.body, 'VIR-2026-0042')
  const list = await nadia.get('/admin/billing/invoices')
  t.match(list.body, new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format((invoice.total_incl_cents - 500) / 100))
  t.equal((await db.selectFrom('audit_log').select('id').where('action', '=', 'invoicing.payment_recorded').execute()).length, 1)
})

t.test('a payment with a bad amount, a bad or future date or no reference is refused (422), nothing written', async (t) => {
  const { db, nadia, page } = await setup(t)
  for (const [fields, message] of [
    [{ amount: 'abc', received_on: '2026-01-15', reference: 'R' }, 'Enter an amount in euros greater than zero'],
    [{ amount: '-5', received_on: '2026-01-15', reference: 'R' }, 'Enter an amount in euros greater than zero'],
    [{ amount: '5', received_on: '2026-02-30', reference: 'R' }, 'Enter a date as YYYY-MM-DD.'],
    [{ amount: '5', received_on: '2999-01-01', reference: 'R' }, 'A payment can’t be received in the future.'],
    [{ amount: '5', received_on: '2026-01-15', reference: '' }, 'Enter the reference of the payment.'],
    [{ amount: '5', received_on: '2026-01-15', reference: 'x'.repeat(101) }, 'The reference is limited to 100 characters.'],
  ] as const) {
    const response = await nadia.post(`${page}/payments`, fields)
    t.equal(response.statusCode, 422, JSON.stringify(fields).slice(0, 80))
    t.match(response.body, message)
  }
  t.equal((await db.selectFrom('payments').select('id').execute()).length, 0)
})

t.test('support staff can’t credit an invoice or record a payment (403)', async (t) => {
  const { app, db, page } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  t.equal((await thomas.get(page)).statusCode, 403)
  await thomas.get('/admin')
  t.equal((await thomas.post(`${page}/credit-note`, { amount: '1', reason: 'x' })).statusCode, 403)
  t.equal((await thomas.post(`${page}/payments`, { amount: '1', received_on: '2026-01-15', reference: 'x' })).statusCode, 403)
  t.equal((await db.selectFrom('invoices').select('id').where('kind', '=', 'credit_note').execute()).length, 0)
  t.equal((await db.selectFrom('payments').select('id').execute()).length, 0)
})

t.test('on an unpublished invoice no payment is recorded, and its credit note is not published before it (422)', async (t) => {
  const { db, nadia, invoice, page } = await setup(t)
  await db.updateTable('invoices').set({ published_at: null }).where('id', '=', invoice.id).execute()
  await nadia.get(page)
  const paid = await nadia.post(`${page}/payments`, { amount: '5.00', received_on: '2026-01-15', reference: 'VIR-1' })
  t.equal(paid.statusCode, 422)
  t.match(paid.body, 'Publish the invoice before recording a payment on it')
  t.equal((await db.selectFrom('payments').select('id').execute()).length, 0)
  t.equal((await nadia.post(`${page}/credit-note`, { amount: '1.00', reason: 'Fix' })).statusCode, 303)
  const note = await db.selectFrom('invoices').selectAll().where('kind', '=', 'credit_note').executeTakeFirstOrThrow()
  t.equal(note.published_at, null, 'issued unpublished, like its invoice')
  await nadia.get(`/admin/billing/invoices/${note.number}`)
  const early = await nadia.post(`/admin/billing/invoices/${note.number}/publish`, {})
  t.equal(early.statusCode, 422)
  t.match(early.body, `Publish invoice ${invoice.number} first: this credit note corrects it.`)
  t.equal((await db.selectFrom('invoices').select('published_at').where('id', '=', note.id).executeTakeFirstOrThrow()).published_at, null)
  await nadia.get(page)
  t.equal((await nadia.post(`${page}/publish`, {})).statusCode, 303)
  await nadia.get(`/admin/billing/invoices/${note.number}`)
  t.equal((await nadia.post(`/admin/billing/invoices/${note.number}/publish`, {})).statusCode, 303, 'after its invoice, it is published')
})

t.test('a credit note issued meanwhile by someone else makes this one a 422 with a message, not a 500', async (t) => {
  const { app, db, nadia, invoice, page } = await setup(t)
  const transaction = app.db.transaction.bind(app.db)
  // The other credit note lands between the form's check and this one's transaction.
  app.db.transaction = (() => {
    app.db.transaction = transaction
    return { execute: async (work: never) => {
      await nadia.post(`${page}/credit-note`, { amount: (invoice.total_excl_cents / 100).toFixed(2), reason: 'All of it, by a colleague' })
      return transaction().execute(work)
    } }
  }) as never
  const response = await nadia.post(`${page}/credit-note`, { amount: '1.00', reason: 'One euro' })
  t.equal(response.statusCode, 422)
  t.match(response.body, 'another credit note changed what remains creditable')
  t.equal((await db.selectFrom('invoices').select('id').where('kind', '=', 'credit_note').execute()).length, 1)
})
