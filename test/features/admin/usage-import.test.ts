// Staff usage imports (issue 10 §1): a CSV checked whole, written in one
// transaction with the roll-ups kept in step, refused whole with each
// problem's row and reason, imported once per file.
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import type { DB } from '../../../src/db/database.js'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import type { Client } from '../../helpers/client.js'
import { postMultipart } from '../../helpers/multipart.js'
import { createInvoice } from '../../helpers/factories.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'

const URL = '/admin/billing/usage-imports'
const HEADER = 'contract,day,service,resource,metric,unit,quantity,unit_price'
const GOOD = [
  HEADER,
  'OCB0000301,2024-05-03,Elastic Cloud Server,ecs-web-01,vCPU-hours,vCPU-h,96.5,0.0312',
  'OCB0000301,2024-05-04,Elastic Cloud Server,ecs-web-01,vCPU-hours,vCPU-h,100,0.0312',
  'OCB0000302,2024-05-04,"Object Storage, cold",obs-1,GB-days,GB-day,2000.125,0.0008',
].join('\n')

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db })
  const nadia = await loginAsStaff(app, 'nadia.benali')
  await nadia.get(URL)
  return { db, app, nadia }
}

const upload = (client: Client, text: string | Buffer, fileName = 'usage.csv') =>
  postMultipart(client, URL, {}, { field: 'file', fileName, content: Buffer.isBuffer(text) ? text : Buffer.from(text), contentType: 'text/csv' })

async function importedRows(db: DB) {
  const records = await db.selectFrom('usage_records').select('id').where('day', 'like', '2024-05-%').execute()
  const imports = await db.selectFrom('usage_imports').selectAll().execute()
  return { records: records.length, imports }
}

t.test('a good file imports its lines, keeps usage_daily and usage_monthly in step and says how much', async (t) => {
  const { db, nadia } = await setup(t)
  const response = await upload(nadia, GOOD)
  t.equal(response.statusCode, 303)
  const { records, imports } = await importedRows(db)
  t.equal(records, 3)
  t.equal(imports.length, 1)
  t.equal(imports[0]!.rows_count, 3)
  // 96.5 × 0.0312 = 3.0108 €, 100 × 0.0312 = 3.12 €, 2000.125 × 0.0008 = 1.6001 €
  t.equal(imports[0]!.amount_micro, 3_010_800 + 3_120_000 + 1_600_100)
  const monthly = await db.selectFrom('usage_monthly').innerJoin('contracts', 'contracts.id', 'usage_monthly.contract_id')
    .select(['code', 'service', 'quantity_milli', 'amount_micro']).where('month', '=', '2024-05').orderBy('code').execute()
  t.same(monthly, [
    { code: 'OCB0000301', service: 'Elastic Cloud Server', quantity_milli: 196_500, amount_micro: 6_130_800 },
    { code: 'OCB0000302', service: 'Object Storage, cold', quantity_milli: 2_000_125, amount_micro: 1_600_100 },
  ])
  const daily = await db.selectFrom('usage_daily').select(['day', 'amount_micro']).where('day', 'like', '2024-05-%').orderBy('day').orderBy('amount_micro').execute()
  t.same(daily, [{ day: '2024-05-03', amount_micro: 3_010_800 }, { day: '2024-05-04', amount_micro: 1_600_100 }, { day: '2024-05-04', amount_micro: 3_120_000 }])
  const lineImport = await db.selectFrom('usage_records').select('import_id').where('day', 'like', '2024-05-%').execute()
  t.ok(lineImport.every((row) => row.import_id === String(imports[0]!.id)), 'each line names its import')
  const page = await nadia.get(URL)
  t.match(page.body, '3 usage lines imported, €7.73 excluding VAT.')
  t.match(page.body, 'usage.csv')
  const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'invoicing.usage_imported').execute()
  t.equal(audit.length, 1)
})

t.test('the same file twice imports once and says when and by whom it was imported', async (t) => {
  const { db, nadia } = await setup(t)
  await upload(nadia, GOOD)
  await nadia.get(URL)
  const again = await upload(nadia, GOOD, 'renamed.csv')
  t.equal(again.statusCode, 422)
  t.match(again.body, /This file was already imported on .* by Nadia Benali: nothing was imported again\./)
  t.equal((await importedRows(db)).records, 3)
})

const BAD_ROWS: Array<[string, string, RegExp]> = [
  ['an unknown contract', 'OCB9999999,2024-05-03,ECS,r,m,u,1,1', /Row 3: contract &#39;OCB9999999&#39; does not exist\./],
  ['a malformed contract', 'ACME,2024-05-03,ECS,r,m,u,1,1', /Row 3: contract &#39;ACME&#39; is not a contract code/],
  ['a date that does not exist', 'OCB0000301,2024-02-30,ECS,r,m,u,1,1', /Row 3: day &#39;2024-02-30&#39; is not a date/],
  ['a day in the future', 'OCB0000301,2999-01-01,ECS,r,m,u,1,1', /Row 3: day &#39;2999-01-01&#39; is in the future\./],
  ['a price that is not a number', 'OCB0000301,2024-05-03,ECS,r,m,u,1,abc', /Row 3: unit_price &#39;abc&#39; is not a number\./],
  ['a quantity with too many decimals', 'OCB0000301,2024-05-03,ECS,r,m,u,1.2345,1', /Row 3: quantity &#39;1.2345&#39; has more than 3 decimals\./],
  ['a missing field', 'OCB0000301,2024-05-03,ECS,r,m,1,1', /Row 3: 7 fields instead of 8\./],
  ['an empty service', 'OCB0000301,2024-05-03,,r,m,u,1,1', /Row 3: service is required/],
  ['a negative quantity', 'OCB0000301,2024-05-03,ECS,r,m,u,-1,1', /Row 3: quantity &#39;-1&#39; is not a number\./],
]

for (const [what, row, message] of BAD_ROWS) {
  t.test(`a file with ${what} is refused whole with the row number and reason, and nothing is written`, async (t) => {
    const { db, nadia } = await setup(t)
    const response = await upload(nadia, `${HEADER}\nOCB0000301,2024-05-02,ECS,r,m,u,1,1\n${row}\n`)
    t.equal(response.statusCode, 422)
    t.match(response.body, message)
    t.match(response.body, 'nothing was imported')
    t.same(await importedRows(db), { records: 0, imports: [] })
  })
}

const BAD_FILES: Array<[string, string | Buffer, RegExp]> = [
  ['an empty file', '', /The file is empty\./],
  ['a file without the header', 'OCB0000301,2024-05-02,ECS,r,m,u,1,1\n', /The first line must name the columns contract,day,service,resource,metric,unit,quantity,unit_price\./],
  ['a header missing a column', 'contract,day,service,resource,metric,unit,quantity\n', /The first line must name the columns/],
  ['a header and no line', `${HEADER}\n`, /The file has a header but no usage line\./],
  ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]), /The file is not a CSV text file/],
  ['an open quote', `${HEADER}\nOCB0000301,2024-05-02,"ECS,r,m,u,1,1\n`, /Row 2: a quoted field is never closed\./],
]

for (const [what, content, message] of BAD_FILES) {
  t.test(`${what} is refused with its reason (422), nothing written`, async (t) => {
    const { db, nadia } = await setup(t)
    const response = await upload(nadia, content)
    t.equal(response.statusCode, 422)
    t.match(response.body, message)
    t.same(await importedRows(db), { records: 0, imports: [] })
  })
}

t.test('only the first 50 problems are listed, with the count of the others', async (t) => {
  const { db, nadia } = await setup(t)
  const rows = Array.from({ length: 60 }, () => 'OCB0000301,2024-05-03,ECS,r,m,u,x,1')
  const response = await upload(nadia, [HEADER, ...rows].join('\r\n'))
  t.equal(response.statusCode, 422)
  t.match(response.body, '60 problems in the file')
  t.match(response.body, 'Row 51: quantity')
  t.notMatch(response.body, 'Row 52: quantity')
  t.match(response.body, 'And 10 more problems not listed.')
  t.same(await importedRows(db), { records: 0, imports: [] })
})

t.test('a file over 10 MB answers 413 and writes nothing', async (t) => {
  const { db, nadia } = await setup(t)
  const line = 'OCB0000301,2024-05-03,Elastic Cloud Server,ecs-web-01,vCPU-hours,vCPU-h,96.5,0.0312\n'
  const big = HEADER + '\n' + line.repeat(Math.ceil((10 * 1024 * 1024) / line.length) + 10)
  const response = await upload(nadia, big)
  t.equal(response.statusCode, 413)
  t.same(await importedRows(db), { records: 0, imports: [] })
})

t.test('a file without a file answers 422 with the message on the field', async (t) => {
  const { nadia } = await setup(t)
  const response = await postMultipart(nadia, URL, {})
  t.equal(response.statusCode, 422)
  t.match(response.body, 'Choose a CSV file to import.')
})

async function status(app: FastifyInstance, client: Client) {
  await client.get('/')
  return (await upload(client, GOOD)).statusCode
}

t.test('billing staff import, support staff get 403, a customer 404', async (t) => {
  const { app, db } = await setup(t)
  t.equal((await (await loginAsStaff(app, 'thomas.girard')).get(URL)).statusCode, 403)
  t.equal(await status(app, await loginAsStaff(app, 'thomas.girard')), 403)
  t.equal((await (await loginAs(app, 'alice.martin')).get(URL)).statusCode, 404)
  t.equal(await status(app, await loginAs(app, 'alice.martin')), 404)
  t.equal((await (await loginAsStaff(app, 'sophie.durand')).get(URL)).statusCode, 200, 'an administrator')
  t.same(await importedRows(db), { records: 0, imports: [] })
})

t.test('usage for a month already invoiced (for its contract or its grouping contract) is refused whole with the row and reason, nothing written', async (t) => {
  const { db, nadia } = await setup(t)
  await createInvoice(db, { contractCode: 'OCB0000301', number: 'F2024-000001', month: '2024-05', lines: [{ service: 'ECS', amountExclCents: 100 }] })
  await createInvoice(db, { contractCode: 'OCB0000100', number: 'F2024-000002', month: '2024-05', lines: [{ service: 'ECS', amountExclCents: 100 }] })
  await createInvoice(db, { contractCode: 'OCB0000302', number: 'A2024-000001', month: '2024-05', kind: 'credit_note', lines: [{ service: 'ECS', amountExclCents: -100 }] })
  const response = await upload(nadia, [GOOD, 'OCB0000101,2024-05-05,ECS,r,m,u,1,1', 'OCB0000301,2024-06-01,ECS,r,m,u,1,1'].join('\n'))
  t.equal(response.statusCode, 422)
  t.match(response.body, 'Row 2: 2024-05 is already invoiced for OCB0000301: record a credit note')
  t.match(response.body, 'Row 3: 2024-05 is already invoiced for OCB0000301')
  t.match(response.body, 'Row 5: 2024-05 is already invoiced for OCB0000101', 'a member of an invoiced grouping contract')
  t.notMatch(response.body, 'Row 4:', 'a credit note does not close the month')
  t.notMatch(response.body, 'Row 6:', 'an open month')
  t.same(await importedRows(db), { records: 0, imports: [] })
})
