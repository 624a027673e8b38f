// Invoices and credit notes as PDF (GET /bills/:code/invoices/:number.pdf),
// read back with pdftotext: the number, REF1 next to "Your reference", REF2
// and REF3 beside the usage period, the totals formatted, both VAT numbers;
// only published documents of the contract, only for billing managers.
import t, { type Test } from 'tap'
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { createInvoice } from '../helpers/factories.js'
import { renderInvoicePdf } from '../../src/features/bills/invoice-pdf.js'
import { PROVIDER } from '../../src/features/bills/invoice-pdf.provider.js'

const run = promisify(execFile)

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  await db.updateTable('companies').set({ vat_number: 'FR12552100554' }).where('name', '=', 'Hexagone Industries').execute()
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
  await createInvoice(db, { contractCode: 'OCB0000103', number: 'F2025-900007', month: '2025-03',
    lines: [{ service: 'Elastic Cloud Server', amountExclCents: 1_234_567 }, { service: 'Object Storage', amountExclCents: 45_678 }] })
  return app
}

/** The PDF's text, laid out as on the page, with no-break spaces as spaces. */
async function textOf(t: Test, pdf: Buffer): Promise<string> {
  const file = join(t.testdir(), 'document.pdf')
  await writeFile(file, pdf)
  const { stdout } = await run('pdftotext', ['-layout', file, '-'])
  return stdout.replace(/[\u00a0\u202f]/g, ' ')
}

/** The first page's text only (pdftotext separates pages with a form feed). */
const firstPage = (text: string) => text.split('\f')[0]!

t.test('a billing manager downloads a published invoice as a PDF with safe headers', async (t) => {
  const app = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  const response = await david.get('/bills/OCB0000103/invoices/F2025-900007.pdf')
  t.equal(response.statusCode, 200)
  t.equal(response.headers['content-type'], 'application/pdf')
  t.match(response.headers['content-disposition'], 'attachment; filename="invoice-F2025-900007.pdf"')
  t.equal(response.headers['x-content-type-options'], 'nosniff')
  t.equal(response.headers['cache-control'], 'private, no-store')
  t.equal(response.rawPayload.subarray(0, 5).toString(), '%PDF-')
})

t.test('the first page shows the number, REF1 next to the contract as "Your reference" and REF2/REF3 beside the usage period', async (t) => {
  const app = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  await createInvoice(app.db, { contractCode: 'OCB0000301', number: 'F2025-900008', month: '2025-04', lines: [{ service: 'Elastic Cloud Server', amountExclCents: 100_000 }] })
  const text = firstPage(await textOf(t, (await helene.get('/bills/OCB0000301/invoices/F2025-900008.pdf')).rawPayload))
  t.match(text, 'FACTURE')
  t.match(text, 'Numéro : F2025-900008')
  const contractLine = text.split('\n').find((line) => line.includes('OCB0000301'))!
  t.match(contractLine, /Contrat : OCB0000301 – Rivage Core Banking\s+Votre référence : RIV-CB-01/)
  const periodLine = text.split('\n').find((line) => line.includes('Période de consommation'))!
  t.match(periodLine, /du 1 avril 2025 au 30 avril 2025\s+Référence : DSI \/ PROD/)
})

t.test('the totals excl. VAT, VAT 20 % and incl. VAT are printed in the reader’s format, to the cent', async (t) => {
  const app = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  const text = await textOf(t, (await david.get('/bills/OCB0000103/invoices/F2025-900007.pdf')).rawPayload)
  t.match(text, /Total HT\s+12 802,45 €/)
  t.match(text, /TVA 20 %\s+2 560,49 €/)
  t.match(text, /Total TTC\s+15 362,94 €/)
  t.match(text, /Elastic Cloud Server.*12 345,67 €/)
  const english = await textOf(t, await renderInvoicePdf((await app.db.selectFrom('invoices').selectAll().where('number', '=', 'F2025-900007').executeTakeFirstOrThrow()),
    [{ service: 'Elastic Cloud Server', description: 'September', contractCode: 'OCB0000103', amountExclCents: 1_234_567 }], 'en'))
  t.match(english, /Total incl\. VAT\s+€15,362\.94/)
  t.match(english, 'INVOICE')
})

t.test("the provider's and the customer's VAT numbers and identities are printed", async (t) => {
  const app = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  const text = await textOf(t, (await david.get('/bills/OCB0000103/invoices/F2025-900007.pdf')).rawPayload)
  t.match(text, PROVIDER.name)
  t.match(text, `N° de TVA : ${PROVIDER.vatNumber}`)
  t.match(text, 'Hexagone Industries')
  t.match(text, 'N° de TVA : FR12552100554')
  t.match(text, /Échéance : \d+ \S+ 2025/)
})

t.test('a credit note says so, has its own number and names the invoice it corrects', async (t) => {
  const app = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  const corrected = (await app.db.selectFrom('invoices').select('id').where('number', '=', 'F2025-900007').executeTakeFirstOrThrow()).id
  await createInvoice(app.db, { contractCode: 'OCB0000103', number: 'A2025-900001', kind: 'credit_note', month: '2025-03', correctsInvoiceId: corrected,
    reason: 'Storage billed twice', lines: [{ service: 'Object Storage', amountExclCents: -45_678 }] })
  const response = await david.get('/bills/OCB0000103/invoices/A2025-900001.pdf')
  t.match(response.headers['content-disposition'], 'filename="credit-note-A2025-900001.pdf"')
  const text = await textOf(t, response.rawPayload)
  t.match(text, 'AVOIR')
  t.match(text, 'Numéro : A2025-900001')
  t.match(text, 'Rectifie la facture F2025-900007')
  t.match(text, 'Motif : Storage billed twice')
  t.match(text, /Total TTC\s+-548,14 €/)
})

t.test('a grouped invoice names the member contract of each line', async (t) => {
  const app = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  await createInvoice(app.db, { contractCode: 'OCB0000100', number: 'F2025-900009', month: '2025-04', lines: [
    { service: 'Elastic Cloud Server', amountExclCents: 50_000, contractCode: 'OCB0000101' },
    { service: 'Elastic Cloud Server', amountExclCents: 70_000, contractCode: 'OCB0000102' },
  ] })
  const text = await textOf(t, (await david.get('/bills/OCB0000100/invoices/F2025-900009.pdf')).rawPayload)
  t.match(text, /OCB0000101\s+Elastic Cloud Server.*500,00 €/)
  t.match(text, /OCB0000102\s+Elastic Cloud Server.*700,00 €/)
})

t.test('a billing visitor asking for an invoice gets a 403', async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  const response = await chloe.get('/bills/OCB0000103/invoices/F2025-900007.pdf')
  t.equal(response.statusCode, 403)
  t.match(response.headers['content-type'], 'text/html')
})

t.test("an unpublished invoice, another contract's, a made-up or malformed number are all a 404", async (t) => {
  const app = await setup(t)
  await createInvoice(app.db, { contractCode: 'OCB0000103', number: 'F2025-900010', month: '2025-04', published: false, lines: [{ service: 'Bandwidth', amountExclCents: 1_000 }] })
  await createInvoice(app.db, { contractCode: 'OCB0000201', number: 'F2025-900011', month: '2025-04', lines: [{ service: 'Bandwidth', amountExclCents: 1_000 }] })
  const david = await loginAs(app, 'david.moreau')
  for (const number of ['F2025-900010', 'F2025-900011', 'F2026-999999', '..%2F..%2Fetc%2Fpasswd', 'F2025-900007%00', 'f2026-000007']) {
    t.equal((await david.get(`/bills/OCB0000103/invoices/${number}.pdf`)).statusCode, 404, number)
  }
  t.equal((await david.get('/bills/OCB0000201/invoices/F2025-900011.pdf')).statusCode, 404, "another company's contract")
})

t.test("an Orange Business contract's invoice is refused with a 403 saying invoices aren't shown in the customer space", async (t) => {
  const app = await setup(t)
  await createInvoice(app.db, { contractCode: 'OCB0000202', number: 'F2025-900012', month: '2025-04', lines: [{ service: 'Bandwidth', amountExclCents: 1_000 }] })
  const emma = await loginAs(app, 'emma.leroy')
  const response = await emma.get('/bills/OCB0000202/invoices/F2025-900012.pdf')
  t.equal(response.statusCode, 403)
  t.match(response.body, 'The invoices of an Orange Business contract can’t be displayed in the customer space.')
})
