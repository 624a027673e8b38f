// The Requests list: its filters, search, sort, pages and CSV export
// (ROUTES.md, "Requests"). Every user here is the referent of the contracts,
// so that visibility (requests-visibility.test.ts) is not in the way.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { createCompany, createContract, createRequest, createUser, grantRoles } from '../helpers/factories.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import { requestNumber } from '../../src/features/requests/request-number.js'
import { exportFileName } from '../../src/features/requests/export.handler.js'

const PASSWORD = 'RequestsList#2026-test'
const DAY = 86_400_000
const link = (id: number) => `href="/requests/${requestNumber(id)}"`
/** The numbers of the list's rows, in page order. */
const numbers = (html: string) => [...html.matchAll(/<th scope="row"[^>]*><a href="\/requests\/(REQ-\d+)">/g)].map((m) => m[1])

async function setup(t: Test, locale: 'en' | 'fr' = 'en') {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
  const companyId = await createCompany(db, 'List Company')
  const referent = await createUser(db, { login: 'list.referent', companyId, password: PASSWORD, locale })
  const alpha = await createContract(db, { companyId, referentId: referent.id, code: 'OCB0091001' })
  const beta = await createContract(db, { companyId, referentId: referent.id, code: 'OCB0091002' })
  await db.updateTable('contracts').set({ name: 'Alpha Hosting' }).where('id', '=', alpha.id).execute()
  await db.updateTable('contracts').set({ name: 'Beta Storage' }).where('id', '=', beta.id).execute()
  for (const contract of [alpha, beta]) await grantRoles(db, contract, referent.id, 'highest')
  const base = Date.parse('2026-03-01T10:00:00Z')
  const make = (contractId: number, type: 'incident' | 'order' | 'change', title: string, daysAgo: number, status?: 'in_progress' | 'completed' | 'rejected') =>
    createRequest(db, { contractId, authorId: referent.id, type, title, status, at: new Date(base - daysAgo * DAY) })
  const ids = {
    disk: await make(alpha.id, 'incident', 'Disk full on web01', 3),
    quota: await make(alpha.id, 'change', 'Raise the ECS quota', 2, 'in_progress'),
    vault: await make(beta.id, 'order', 'Order a backup vault', 1, 'completed'),
    percent: await make(beta.id, 'incident', 'Backups at 100% of the quota', 4, 'rejected'),
  }
  const client = await loginAs(app, 'list.referent', PASSWORD)
  return { app, db, client, alpha, beta, referent, ids, make }
}

t.test('the list is sorted by date of issue, newest first by default and oldest first on request', async (t) => {
  const { client, ids } = await setup(t)
  const newest = [ids.vault, ids.quota, ids.disk, ids.percent].map(requestNumber)
  t.same(numbers((await client.get('/requests')).body), newest)
  t.same(numbers((await client.get('/requests?sort=date_asc')).body), [...newest].reverse())
})

t.test('each row shows its number, name, type, contract, status and dates', async (t) => {
  const { client, ids } = await setup(t)
  const page = (await client.get('/requests?q=' + requestNumber(ids.quota))).body
  t.match(page, link(ids.quota))
  t.match(page, 'Raise the ECS quota')
  t.match(page, '>Change<')
  t.match(page, 'Alpha Hosting <span class="muted">(OCB0091001)</span>')
  t.match(page, 'badge--in_progress">In progress<')
  t.match(page, 'datetime="2026-02-27T10:00:00.000Z"')
})

t.test('the type, status and contract filters each narrow the list', async (t) => {
  const { client, ids } = await setup(t)
  t.same(numbers((await client.get('/requests?type=incident')).body), [ids.disk, ids.percent].map(requestNumber))
  t.same(numbers((await client.get('/requests?status=completed')).body), [requestNumber(ids.vault)])
  t.same(numbers((await client.get('/requests?contract=OCB0091001')).body), [ids.quota, ids.disk].map(requestNumber))
  t.same(numbers((await client.get('/requests?contract=OCB0091002&type=incident&status=rejected')).body), [requestNumber(ids.percent)])
})

t.test('the search finds a contract name, a contract code, a request name and an exact request number', async (t) => {
  const { client, ids } = await setup(t)
  t.same(numbers((await client.get('/requests?q=beta+stor')).body), [ids.vault, ids.percent].map(requestNumber), 'contract name, any case')
  t.same(numbers((await client.get('/requests?q=OCB0091001')).body), [ids.quota, ids.disk].map(requestNumber), 'contract code')
  t.same(numbers((await client.get('/requests?q=web01')).body), [requestNumber(ids.disk)], 'request name')
  t.same(numbers((await client.get(`/requests?q=${requestNumber(ids.vault).toLowerCase()}`)).body), [requestNumber(ids.vault)], 'request number')
})

t.test('% _ and \\ in the search are text, not wildcards', async (t) => {
  const { client, ids, make, alpha } = await setup(t)
  const underscore = await make(alpha.id, 'incident', 'Path C:\\data_01 unreachable', 5)
  t.same(numbers((await client.get('/requests?q=%25')).body), [requestNumber(ids.percent)], '% matches a percent sign only')
  t.same(numbers((await client.get('/requests?q=_')).body), [requestNumber(underscore)], '_ matches an underscore only')
  t.same(numbers((await client.get('/requests?q=%5Cdata')).body), [requestNumber(underscore)], '\\ matches a backslash')
})

t.test('a 10,000-character search is refused with 422, its message next to the field and in the summary', async (t) => {
  const { client } = await setup(t)
  const page = await client.get(`/requests?q=${'x'.repeat(10_000)}`)
  t.equal(page.statusCode, 422)
  t.match(page.body, 'class="error-summary"')
  t.match(page.body, 'id="q-error"')
  t.match(page.body, 'Enter a search of 100 characters or fewer')
  t.notMatch(page.body, 'class="table table--cards', 'no list')
  t.equal((await client.get(`/requests?q=${'x'.repeat(100)}`)).statusCode, 200, '100 characters are fine')
})

t.test('an unknown status, type or sort is refused with 422 and a message per field', async (t) => {
  const { client } = await setup(t)
  const page = await client.get('/requests?status=closed&type=%3Cscript%3E&sort=name')
  t.equal(page.statusCode, 422)
  for (const message of ['Choose a status from the list', 'Choose a type from the list', 'Choose an order from the list']) t.match(page.body, message)
  t.notMatch(page.body, '<script>')
})

t.test('a filter sent twice or a page that is not a number is a 400', async (t) => {
  const { client } = await setup(t)
  t.equal((await client.get('/requests?status=completed&status=rejected')).statusCode, 400)
  t.equal((await client.get('/requests?page=abc')).statusCode, 400)
  t.equal((await client.get('/requests?page=0')).statusCode, 400)
})

t.test('the pages keep the filters, and a page past the end shows the last one', async (t) => {
  const { client, make, alpha } = await setup(t)
  for (let i = 0; i < 23; i++) await make(alpha.id, 'order', `Order ${i}`, 10 + i)
  const first = (await client.get('/requests?type=order&sort=date_asc')).body
  t.equal(numbers(first).length, 20)
  t.match(first, 'href="/requests?type=order&amp;sort=date_asc&amp;page=2"')
  t.match(first, '24 requests')
  const last = (await client.get('/requests?type=order&sort=date_asc&page=99')).body
  t.equal(numbers(last).length, 4)
  t.match(last, 'Page 2 of 2')
})

t.test('past 1,000 matching requests the count says "more than 1,000" and stops at page 50', async (t) => {
  const { db, client, alpha, referent } = await setup(t)
  const at = new Date('2025-01-01T00:00:00Z').toISOString()
  const rows = Array.from({ length: 1000 }, (_, i) => ({ contract_id: alpha.id, type: 'order' as const, section: 'orders' as const, title: `Bulk ${i}`, author_user_id: referent.id, created_at: at, updated_at: at }))
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('requests').values(rows.slice(i, i + 200)).execute()
  const page = (await client.get('/requests?page=60')).body
  t.match(page, 'More than 1,000 requests')
  t.match(page, 'Page 50 of 50')
})

t.test('active filters are named, with a link that clears them; no match and no request yet are told apart', async (t) => {
  const { client } = await setup(t)
  const filtered = (await client.get('/requests?contract=OCB0091002&status=in_progress&q=nothing')).body
  t.match(filtered, 'contract Beta Storage (OCB0091002) · status In progress · search “nothing”')
  t.match(filtered, '<a class="small-link" href="/requests">Clear filters</a>')
  t.match(filtered, 'No request matches these filters.')
  t.notMatch((await client.get('/requests')).body, 'Clear filters', 'none without a filter')
})

t.test('the "Create a request" button shows for a support visitor and not for a user who can only see orders', async (t) => {
  const { app, db, alpha, client } = await setup(t)
  t.match((await client.get('/requests')).body, '<a class="button" href="/requests/new">')
  const ordersOnly = await createUser(db, { login: 'list.orders', password: PASSWORD })
  await grantRoles(db, alpha, ordersOnly.id, { orders: 'visitor' })
  const page = (await (await loginAs(app, 'list.orders', PASSWORD)).get('/requests')).body
  t.notMatch(page, 'href="/requests/new"')
  t.match(page, 'You have no request yet.')
})

/** RFC 4180: quoted fields, "" for a quote, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let value = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { value += '"'; i++ } else if (c === '"') quoted = false
      else value += c
    } else if (c === '"') quoted = true
    else if (c === ',') { record.push(value); value = '' }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(value); records.push(record); record = []; value = ''; i++ }
    else value += c
  }
  return records
}

t.test('the CSV holds the filtered list, in its order, with a BOM, dates in ISO and an attachment name of the day', async (t) => {
  const { client, ids } = await setup(t)
  const csv = await client.get('/requests/export.csv?type=incident&sort=date_asc')
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], 'text/csv; charset=utf-8')
  t.match(csv.headers['content-disposition'], /^attachment; filename="requests-\d{4}-\d{2}-\d{2}\.csv"$/)
  t.ok(csv.body.startsWith('\uFEFF'))
  const [header, ...rows] = parseCsv(csv.body.slice(1))
  t.same(header, ['Number', 'Name', 'Type', 'Contract code', 'Contract name', 'Status', 'Date of issue', 'Last update'])
  t.same(rows.map((row) => row[0]), [ids.percent, ids.disk].map(requestNumber))
  t.same(rows[0], [requestNumber(ids.percent), 'Backups at 100% of the quota', 'Incident', 'OCB0091002', 'Beta Storage', 'Rejected', '2026-02-25T10:00:00.000Z', '2026-02-25T10:00:00.000Z'])
})

t.test('the CSV is named after the day in Paris', async (t) => {
  t.equal(exportFileName(new Date('2026-03-31T22:30:00Z')), 'requests-2026-04-01.csv')
})

t.test('a CSV cell starting with = + - @ is prefixed with an apostrophe, so no spreadsheet runs it', async (t) => {
  const { client, make, alpha } = await setup(t)
  for (const title of ['=HYPERLINK("http://evil.example")', '+1+2', '-2', '@SUM(A1)']) await make(alpha.id, 'incident', title, 6)
  const rows = parseCsv((await client.get('/requests/export.csv?sort=date_asc')).body.slice(1))
  t.same(rows.slice(1, 5).map((row) => row[1]).sort(), ["'+1+2", "'-2", "'=HYPERLINK(\"http://evil.example\")", "'@SUM(A1)"])
})

t.test('the CSV header and labels are in the user\'s language', async (t) => {
  const { client, ids } = await setup(t, 'fr')
  const [header, row] = parseCsv((await client.get(`/requests/export.csv?q=${requestNumber(ids.quota)}`)).body.slice(1))
  t.same(header, ['Numéro', 'Nom', 'Type', 'Code du contrat', 'Nom du contrat', 'Statut', 'Date d’émission', 'Dernière mise à jour'])
  t.same([row![2], row![5]], ['Changement', 'En cours'])
})

t.test('a CSV with a refused filter is the list page with its message (422), not a file', async (t) => {
  const { client } = await setup(t)
  const answer = await client.get('/requests/export.csv?status=bogus')
  t.equal(answer.statusCode, 422)
  t.match(answer.headers['content-type'], 'text/html')
  t.match(answer.body, 'Choose a status from the list')
})

t.test('the CSV reads past its first batch of 500 rows', async (t) => {
  const { db, client, alpha, referent } = await setup(t)
  const rows = Array.from({ length: 620 }, (_, i) => {
    const at = new Date(Date.parse('2025-01-01T00:00:00Z') + (i % 300) * 60_000).toISOString() // equal dates: the id breaks ties
    return { contract_id: alpha.id, type: 'order' as const, section: 'orders' as const, title: `Bulk ${i}`, author_user_id: referent.id, created_at: at, updated_at: at }
  })
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('requests').values(rows.slice(i, i + 200)).execute()
  const records = parseCsv((await client.get('/requests/export.csv?type=order')).body.slice(1)).slice(1)
  t.equal(records.length, 621)
  t.equal(new Set(records.map((record) => record[0])).size, 621, 'no row twice')
})
