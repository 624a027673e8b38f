// Several bills files as one zip (POST /bills/:code/download): the files
// ticked, named invoice-F….pdf, usage-YYYY-MM.xlsx…, each one whole; any bad
// choice is a 422 page naming it, and no zip; the form needs its CSRF token.
import t, { type Test } from 'tap'
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import type { Client } from '../helpers/client.js'
import { createInvoice } from '../helpers/factories.js'
import { shiftMonth } from '../../src/features/bills/downloads.month.js'
import { PassThrough, type Writable } from 'node:stream'
import { writeZip } from '../../src/features/bills/zip-download.js'
import { untilDrained } from '../../src/features/bills/downloads.stream.js'

const run = promisify(execFile)
const LAST_MONTH = shiftMonth(new Date(), -1)

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

/** A page with a form first, for the CSRF token (the dashboard has the language switch). */
async function withToken(client: Client) {
  await client.get('/')
  return client
}

/** A published invoice of `code` (the test personas have none). */
async function invoiceOn(app: Awaited<ReturnType<typeof setup>>, code: string, number: string) {
  await createInvoice(app.db, { contractCode: code, number, month: '2025-06', lines: [{ service: 'Elastic Cloud Server', amountExclCents: 123_456 }] })
  return number
}

async function saveZip(t: Test, payload: Buffer) {
  const file = join(t.testdir(), 'bills.zip')
  await writeFile(file, payload)
  return file
}

t.test('three files chosen come as one zip with each file named and whole', async (t) => {
  const app = await setup(t)
  const david = await withToken(await loginAs(app, 'david.moreau'))
  const number = await invoiceOn(app, 'OCB0000103', 'F2025-900001')
  const response = await david.post('/bills/OCB0000103/download', { files: [`invoice:${number}`, `usage:${LAST_MONTH}`, `usage-csv:${LAST_MONTH}`, 'simulation'] })
  t.equal(response.statusCode, 200)
  t.equal(response.headers['content-type'], 'application/zip')
  t.match(response.headers['content-disposition'], /attachment; filename="bills-OCB0000103-\d{4}-\d{2}-\d{2}\.zip"/)
  t.equal(response.headers['x-content-type-options'], 'nosniff')
  t.equal(response.headers['cache-control'], 'private, no-store')
  const zip = await saveZip(t, response.rawPayload)
  const { stdout: listing } = await run('unzip', ['-Z1', zip])
  const today = new Date().toISOString().slice(0, 10)
  t.same(listing.trim().split('\n'), [`invoice-${number}.pdf`, `usage-${LAST_MONTH}.xlsx`, `usage-${LAST_MONTH}.csv`, `simulation-${today}.xlsx`])
  const pdf = await run('unzip', ['-p', zip, `invoice-${number}.pdf`], { encoding: 'buffer', maxBuffer: 20_000_000 })
  t.equal(pdf.stdout.subarray(0, 5).toString(), '%PDF-')
  const xlsx = await run('unzip', ['-p', zip, `usage-${LAST_MONTH}.xlsx`], { encoding: 'buffer', maxBuffer: 50_000_000 })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.stdout as unknown as ArrayBuffer)
  t.equal(workbook.worksheets[0]!.name, 'Synthèse')
  t.ok(workbook.worksheets.length > 1)
  const csv = await run('unzip', ['-p', zip, `usage-${LAST_MONTH}.csv`], { maxBuffer: 50_000_000 })
  t.match(csv.stdout, /^\uFEFF"Jour","Service"/)
  await run('unzip', ['-tq', zip])
})

t.test('one file chosen (formbody gives a string, not an array) is a zip of that file', async (t) => {
  const app = await setup(t)
  const alice = await withToken(await loginAs(app, 'alice.martin'))
  const response = await alice.post('/bills/OCB0000101/download', { files: `usage:${LAST_MONTH}` })
  t.equal(response.statusCode, 200)
  const { stdout } = await run('unzip', ['-Z1', await saveZip(t, response.rawPayload)])
  t.same(stdout.trim().split('\n'), [`usage-${LAST_MONTH}.xlsx`])
})

t.test('41 files or more are refused with a 422 page, and no zip', async (t) => {
  const app = await setup(t)
  const alice = await withToken(await loginAs(app, 'alice.martin'))
  const months = Array.from({ length: 41 }, (_, back) => `usage-csv:${shiftMonth(new Date(), -back)}`)
  const response = await alice.post('/bills/OCB0000101/download', { files: months })
  t.equal(response.statusCode, 422)
  t.match(response.headers['content-type'], 'text/html')
  t.match(response.body, 'Choisissez au plus 40 fichiers à la fois.')
  const five_hundred = await (await withToken(alice)).post('/bills/OCB0000101/download', { files: Array.from({ length: 500 }, (_, n) => `invoice:F2026-${String(n).padStart(6, '0')}`) })
  t.equal(five_hundred.statusCode, 422)
})

t.test("an unknown invoice, another contract's invoice or a bad month is a 422 naming each file", async (t) => {
  const app = await setup(t)
  const alice = await withToken(await loginAs(app, 'alice.martin'))
  const other = await invoiceOn(app, 'OCB0000301', 'F2025-900002')
  const response = await alice.post('/bills/OCB0000101/download', { files: ['invoice:F2026-999999', `invoice:${other}`, 'usage:2026-13', `usage:${LAST_MONTH}`, 'report:all'] })
  t.equal(response.statusCode, 422)
  t.match(response.body, '<code>invoice:F2026-999999</code> – Aucune facture ni aucun avoir de ce numéro sur ce contrat.')
  t.match(response.body, `<code>invoice:${other}</code> – Aucune facture`)
  t.match(response.body, '<code>usage:2026-13</code> – Le mois s’écrit AAAA-MM')
  t.match(response.body, '<code>report:all</code> – Ce fichier ne fait pas partie des fichiers du contrat.')
  t.notMatch(response.body, `<code>usage:${LAST_MONTH}</code>`)
  t.match(response.body, 'href="/bills?contract=OCB0000101"')
})

t.test('nothing chosen is a 422 asking for a file', async (t) => {
  const app = await setup(t)
  const alice = await withToken(await loginAs(app, 'alice.martin'))
  const response = await alice.post('/bills/OCB0000101/download', {})
  t.equal(response.statusCode, 422)
  t.match(response.body, 'Choisissez au moins un fichier.')
})

t.test('the download form without its CSRF token is refused with 403', async (t) => {
  const app = await setup(t)
  const alice = await withToken(await loginAs(app, 'alice.martin'))
  const response = await alice.post('/bills/OCB0000101/download', { _csrf: null, files: `usage:${LAST_MONTH}` })
  t.equal(response.statusCode, 403)
  t.not(response.headers['content-type'], 'application/zip')
})

t.test('a billing visitor may not download a zip (403)', async (t) => {
  const app = await setup(t)
  const chloe = await withToken(await loginAs(app, 'chloe.bernard'))
  t.equal((await chloe.post('/bills/OCB0000101/download', { files: `usage:${LAST_MONTH}` })).statusCode, 403)
})

t.test('an entry that fails while the zip is written rejects writeZip without an unhandled rejection, and the next zip is whole', async (t) => {
  const output = new PassThrough()
  output.resume()
  // As streamFile does: the failure destroys the answer.
  const failing = writeZip([
    { name: 'a.txt', produce: async (entry) => { entry.end('a') } },
    { name: 'b.pdf', produce: async () => { throw new Error('render failed') } },
  ], output, new Date()).catch((error: Error) => { output.destroy(error); return error })
  t.match(await failing, { message: 'render failed' })
  await new Promise((resolve) => setTimeout(resolve, 20)) // an unhandled rejection would have ended the test process by now
  const next = new PassThrough()
  const chunks: Buffer[] = []
  next.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeZip([{ name: 'c.txt', produce: async (entry) => { entry.end('c') } }], next, new Date())
  t.ok(Buffer.concat(chunks).subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), 'a zip')
})

t.test('the client gone mid-entry, the entry being written is destroyed and writeZip settles', async (t) => {
  const output = new PassThrough() // never read: the client stopped reading, then left
  let seen: Writable | undefined
  const written = writeZip([{
    name: 'big.bin',
    produce: async (entry) => {
      seen = entry
      output.destroy()
      await new Promise((resolve) => setImmediate(resolve))
      await untilDrained(entry) // throws: the entry was destroyed with the output
    },
  }], output, new Date())
  await t.rejects(written, { message: 'download interrupted' })
  t.equal(seen?.destroyed, true)
})
