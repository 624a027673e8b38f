// The usage reports (GET /bills/:code/usage.xlsx and .csv?month=) and the
// simulation workbook (GET /bills/:code/simulation.xlsx), read back as a
// spreadsheet program would: sheets, frozen headers, number and date
// formats, and totals equal to pricing.ts and the bills page to the cent.
import t, { type Test } from 'tap'
import ExcelJS from 'exceljs'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import type { DB } from '../../src/db/database.js'
import { monthUsage, serviceLines, totalsOf } from '../../src/features/bills/pricing.js'
import { checkReportMonth, shiftMonth } from '../../src/features/bills/downloads.month.js'
import { translator } from '../../src/i18n/index.js'
import { PassThrough } from 'node:stream'
import { untilSheetFlushed } from '../../src/features/bills/downloads.stream.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
}

const LAST_MONTH = shiftMonth(new Date(), -1)
const THIS_MONTH = shiftMonth(new Date(), 0)

async function contractId(db: DB, code: string) {
  return (await db.selectFrom('contracts').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}

async function workbookOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(payload as unknown as ArrayBuffer)
  return workbook
}

async function pricedTotals(db: DB, code: string, month: string) {
  return totalsOf(serviceLines(await monthUsage(db, [await contractId(db, code)], month)).map((line) => line.amountExclCents))
}

/** The value in the last column of the row whose label (any cell) is `label`. */
function amountOfRow(sheet: ExcelJS.Worksheet, label: string): unknown {
  let found: unknown
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1)
    if (values.includes(label)) found = values.filter((value) => typeof value === 'number').at(-1)
  })
  return found
}

t.test('a billing manager gets the month as a Summary sheet plus one sheet per service, every usage line in it', async (t) => {
  const app = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  const response = await alice.get(`/bills/OCB0000101/usage.xlsx?month=${LAST_MONTH}`)
  t.equal(response.statusCode, 200)
  t.equal(response.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  t.match(response.headers['content-disposition'], `attachment; filename="usage-OCB0000101-${LAST_MONTH}.xlsx"`)
  t.equal(response.headers['x-content-type-options'], 'nosniff')
  t.equal(response.headers['cache-control'], 'private, no-store')
  const workbook = await workbookOf(response.rawPayload)
  const services = (await app.db.selectFrom('usage_records').select('service').distinct().where('contract_id', '=', await contractId(app.db, 'OCB0000101'))
    .where('day', 'like', `${LAST_MONTH}-%`).orderBy('service').execute()).map((row) => row.service)
  t.ok(services.length >= 3)
  t.same(workbook.worksheets.map((sheet) => sheet.name), ['Synthèse', ...services])
  for (const service of services) {
    const count = await app.db.selectFrom('usage_records').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('contract_id', '=', await contractId(app.db, 'OCB0000101')).where('service', '=', service).where('day', 'like', `${LAST_MONTH}-%`).executeTakeFirstOrThrow()
    t.equal(workbook.getWorksheet(service)!.actualRowCount, Number(count.n) + 1, service)
  }
})

t.test('each sheet has a frozen bold header row, real dates for days and number formats for quantities and euros', async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  await app.db.updateTable('contract_roles').set({ role: 'manager' }).where('section', '=', 'billing')
    .where('user_id', '=', (await app.db.selectFrom('users').select('id').where('login', '=', 'chloe.bernard').executeTakeFirstOrThrow()).id).execute()
  const workbook = await workbookOf((await chloe.get(`/bills/OCB0000101/usage.xlsx?month=${LAST_MONTH}`)).rawPayload)
  for (const sheet of workbook.worksheets) {
    t.equal(sheet.views[0]?.state, 'frozen', sheet.name)
    t.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1, sheet.name)
    t.equal(sheet.getRow(1).font?.bold, true, sheet.name)
  }
  const servers = workbook.getWorksheet('Elastic Cloud Server')!
  t.same((servers.getRow(1).values as unknown[]).slice(1), ['Day', 'Service', 'Resource', 'Metric', 'Quantity', 'Unit', 'Unit price excl. VAT (€)', 'Amount excl. VAT (€)'])
  const first = servers.getRow(2)
  t.ok(first.getCell(1).value instanceof Date, 'the day is a date')
  t.equal((first.getCell(1).value as Date).toISOString().slice(0, 7), LAST_MONTH)
  t.equal(first.getCell(1).numFmt, 'yyyy-mm-dd')
  t.equal(typeof first.getCell(5).value, 'number')
  t.equal(first.getCell(5).numFmt, '#,##0.000')
  t.equal(first.getCell(8).numFmt, '#,##0.0000 €')
  const summary = workbook.getWorksheet('Summary')!
  t.equal(summary.getColumn(5).numFmt, '#,##0.00 €')
  t.ok(servers.autoFilter, 'the header has an autofilter')
})

t.test("the Summary's totals excl. VAT, VAT and incl. VAT are pricing.ts's to the cent", async (t) => {
  const app = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  const workbook = await workbookOf((await alice.get(`/bills/OCB0000101/usage.xlsx?month=${LAST_MONTH}`)).rawPayload)
  const totals = await pricedTotals(app.db, 'OCB0000101', LAST_MONTH)
  const summary = workbook.getWorksheet('Synthèse')!
  t.ok(totals.exclCents > 0)
  t.equal(amountOfRow(summary, 'Total HT'), totals.exclCents / 100)
  t.equal(amountOfRow(summary, 'TVA 20 %'), totals.vatCents / 100)
  t.equal(amountOfRow(summary, 'Total TTC'), totals.inclCents / 100)
})

t.test('the simulation workbook of the month to date has the totals the bills page shows', async (t) => {
  const app = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  const response = await alice.get('/bills/OCB0000101/simulation.xlsx')
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-disposition'], /filename="simulation-OCB0000101-\d{4}-\d{2}-\d{2}\.xlsx"/)
  const sheet = (await workbookOf(response.rawPayload)).worksheets[0]!
  const totals = await pricedTotals(app.db, 'OCB0000101', THIS_MONTH)
  t.equal(amountOfRow(sheet, 'Total TTC'), totals.inclCents / 100)
  t.equal(amountOfRow(sheet, 'Total HT'), totals.exclCents / 100)
  const page = await alice.get('/bills?contract=OCB0000101')
  t.equal(page.statusCode, 200)
  t.ok(page.body.includes(translator('fr').fmt.money(totals.inclCents)), 'the bills page shows the same total incl. VAT')
})

t.test("a billing visitor's report has no price or amount column and says prices are for billing managers", async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  const response = await chloe.get(`/bills/OCB0000101/usage.xlsx?month=${LAST_MONTH}`)
  t.equal(response.statusCode, 200)
  const workbook = await workbookOf(response.rawPayload)
  t.same((workbook.getWorksheet('Elastic Cloud Server')!.getRow(1).values as unknown[]).slice(1), ['Day', 'Service', 'Resource', 'Metric', 'Quantity', 'Unit'])
  const summary = workbook.getWorksheet('Summary')!
  t.same((summary.getRow(1).values as unknown[]).slice(1), ['Service', 'Metric', 'Unit', 'Quantity'])
  t.equal(amountOfRow(summary, 'Total excl. VAT'), undefined)
  t.ok((summary.getSheetValues() as unknown[][]).some((row) => row?.includes('Prices and amounts are shown to the billing managers of the contract only.')))
  const csv = (await chloe.get(`/bills/OCB0000101/usage.csv?month=${LAST_MONTH}`)).body
  t.notMatch(csv, 'Unit price')
})

t.test('a billing visitor asking for the simulation workbook gets a 403', async (t) => {
  const app = await setup(t)
  const chloe = await loginAs(app, 'chloe.bernard')
  t.equal((await chloe.get('/bills/OCB0000101/simulation.xlsx')).statusCode, 403)
})

t.test('the CSV report parses back: a BOM, a header, one line per usage record, amounts summing to the records', async (t) => {
  const app = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  const response = await alice.get(`/bills/OCB0000101/usage.csv?month=${LAST_MONTH}`)
  t.equal(response.statusCode, 200)
  t.equal(response.headers['content-type'], 'text/csv; charset=utf-8')
  t.match(response.headers['content-disposition'], `filename="usage-OCB0000101-${LAST_MONTH}.csv"`)
  t.equal(response.body.charCodeAt(0), 0xfeff)
  const lines = response.body.slice(1).trimEnd().split('\r\n')
  t.equal(lines[0], '"Jour","Service","Ressource","Mesure","Quantité","Unité","Prix unitaire HT (€)","Montant HT (€)"')
  const id = await contractId(app.db, 'OCB0000101')
  const records = await app.db.selectFrom('usage_records').select(['amount_micro']).where('contract_id', '=', id).where('day', 'like', `${LAST_MONTH}-%`).execute()
  t.equal(lines.length - 1, records.length)
  const sum = lines.slice(1).reduce((total, line) => total + Math.round(Number(line.split(',').at(-1)) * 1_000_000), 0)
  t.equal(sum, records.reduce((total, row) => total + row.amount_micro, 0))
  t.match(lines[1], new RegExp(`^"${LAST_MONTH}-\\d{2}","[^"]+","[^"]+","[^"]+",[0-9.]+,"[^"]+",[0-9.]+,[0-9.]+$`))
})

t.test('a month in the future, malformed, missing or before the contract is refused with a 422 page, never a file', async (t) => {
  const app = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  const cases: Array<[string, string]> = [
    [shiftMonth(new Date(), 1), 'Ce mois n’a pas encore commencé.'],
    ['2026-13', 'Le mois s’écrit AAAA-MM'],
    ['abc', 'Le mois s’écrit AAAA-MM'],
    ['2026-1', 'Le mois s’écrit AAAA-MM'],
    ['', 'Choisissez un mois.'],
    ['2024-01', 'avant le début du contrat'],
  ]
  for (const [month, message] of cases) {
    for (const format of ['xlsx', 'csv']) {
      const response = await alice.get(`/bills/OCB0000101/usage.${format}?month=${encodeURIComponent(month)}`)
      t.equal(response.statusCode, 422, `${month} ${format}`)
      t.match(response.headers['content-type'], 'text/html')
      t.match(response.body, message, month)
      t.match(response.body, 'href="/bills?contract=OCB0000101"')
    }
  }
  t.equal((await alice.get('/bills/OCB0000101/usage.xlsx?month=2026-10&month=2026-09')).statusCode, 400, 'a month sent twice')
})

t.test('a report month is a real month from the contract start (or 36 months back) to the current one', async (t) => {
  const now = new Date('2026-11-14T10:00:00Z')
  t.same(checkReportMonth('2026-11', now, '2024-01-01'), { ok: true, month: '2026-11' })
  t.same(checkReportMonth('2026-12', now, null), { ok: false, error: 'bills.files.error.month_future' })
  t.same(checkReportMonth('2024-02', now, '2024-02-15'), { ok: true, month: '2024-02' })
  t.same(checkReportMonth('2024-01', now, '2024-02-15'), { ok: false, error: 'bills.files.error.month_too_old' })
  t.same(checkReportMonth('2023-12', now, '2020-01-01'), { ok: true, month: '2023-12' })
  t.same(checkReportMonth('2023-11', now, '2020-01-01'), { ok: false, error: 'bills.files.error.month_too_old' })
  t.same(checkReportMonth('2026-00', now, null), { ok: false, error: 'bills.files.error.month_format' })
  t.same(checkReportMonth(['2026-10'], now, null), { ok: false, error: 'bills.files.error.month_missing' })
})

t.test("another company's contract, or one without a billing role, is a 404; no billing role is a 403", async (t) => {
  const app = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  t.equal((await alice.get(`/bills/OCB0000201/usage.xlsx?month=${LAST_MONTH}`)).statusCode, 404)
  t.equal((await alice.get(`/bills/OCB0000201/usage.csv?month=${LAST_MONTH}`)).statusCode, 404)
  t.equal((await alice.get('/bills/OCB0000201/simulation.xlsx')).statusCode, 404)
  const karine = await loginAs(app, 'karine.lopez')
  const [held] = await app.db.selectFrom('contract_roles').innerJoin('users', 'users.id', 'contract_roles.user_id').innerJoin('contracts', 'contracts.id', 'contract_roles.contract_id')
    .select('contracts.code').where('users.login', '=', 'karine.lopez').execute()
  t.equal((await karine.get(`/bills/${held!.code}/usage.xlsx?month=${LAST_MONTH}`)).statusCode, 403)
})

t.test("a multi-services grouping contract's report covers its member contracts, each line naming its contract", async (t) => {
  const app = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  const response = await david.get(`/bills/OCB0000100/usage.xlsx?month=${LAST_MONTH}`)
  t.equal(response.statusCode, 200)
  const workbook = await workbookOf(response.rawPayload)
  const servers = workbook.getWorksheet('Elastic Cloud Server')!
  t.equal(servers.getRow(1).getCell(1).value, 'Contrat')
  const codes = new Set<unknown>()
  servers.eachRow((row, number) => { if (number > 1) codes.add(row.getCell(1).value) })
  t.same([...codes].sort(), ['OCB0000101', 'OCB0000102'])
  const ids = [await contractId(app.db, 'OCB0000101'), await contractId(app.db, 'OCB0000102')]
  const usage = await monthUsage(app.db, ids, LAST_MONTH)
  const totals = totalsOf(ids.flatMap((id) => serviceLines(usage.filter((row) => row.contractId === id)).map((line) => line.amountExclCents)))
  t.equal(amountOfRow(workbook.getWorksheet('Synthèse')!, 'Total TTC'), totals.inclCents / 100)
})

t.test('the client gone (the output destroyed), waiting for a sheet that will never flush stops instead of polling forever', async (t) => {
  const stuck = { stream: { pipes: [{ writableLength: 10 * 1024 * 1024 }] } } // the zip never takes these rows
  const output = new PassThrough()
  const waiting = untilSheetFlushed(stuck, output)
  setTimeout(() => output.destroy(), 20)
  await t.rejects(waiting, { message: 'download interrupted' })
})

t.test("an Orange Business contract's usage reports, simulation and zip are refused with the PDF's 403 notice", async (t) => {
  const app = await setup(t)
  const emma = await loginAs(app, 'emma.leroy')
  for (const url of [`/bills/OCB0000202/usage.xlsx?month=${LAST_MONTH}`, `/bills/OCB0000202/usage.csv?month=${LAST_MONTH}`, '/bills/OCB0000202/simulation.xlsx']) {
    const response = await emma.get(url)
    t.equal(response.statusCode, 403, url)
    t.match(response.body, 'The invoices of an Orange Business contract can’t be displayed in the customer space.', url)
  }
  await emma.get('/')
  const zip = await emma.post('/bills/OCB0000202/download', { files: `usage-csv:${LAST_MONTH}` })
  t.equal(zip.statusCode, 403)
  t.match(zip.body, 'The invoices of an Orange Business contract can’t be displayed in the customer space.')
})
