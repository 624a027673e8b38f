// The back-office's audit log: the whole log, searched by actor, action,
// contract, target user and Paris days; CSV export; admin only.
import t, { type Test } from 'tap'
import { CompiledQuery } from 'kysely'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import type { DB } from '../../../src/db/database.js'
import { auditBatchAfter, auditCountQuery, auditPageQuery, listAuditActions, resolveAuditSearch } from '../../../src/features/admin/records/audit.queries.js'
import { testPostgresUrl } from '../../helpers/postgres.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

const idOf = async (db: DB, login: string) => (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id
const contractIdOf = async (db: DB, code: string) => (await db.selectFrom('contracts').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

/** An audit entry at a chosen time (writeAudit always writes "now"). */
async function addEntry(db: DB, entry: { at: string; action: string; actor?: string; target?: string; contract?: string; details?: object; ip?: string }) {
  await db.insertInto('audit_log').values({
    at: entry.at, action: entry.action,
    actor_user_id: entry.actor ? await idOf(db, entry.actor) : null,
    target_user_id: entry.target ? await idOf(db, entry.target) : null,
    contract_id: entry.contract ? await contractIdOf(db, entry.contract) : null,
    details: entry.details ? JSON.stringify(entry.details) : null, ip: entry.ip ?? null,
  }).execute()
}

async function seedEntries(db: DB) {
  await addEntry(db, { at: '2026-03-10T09:00:00.000Z', action: 'rights.roles_changed', actor: 'alice.martin', target: 'bruno.petit', contract: 'OCB0000101',
    details: { before: { roles: { billing: 'visitor' } }, after: { roles: { billing: 'manager' } } }, ip: '192.0.2.10' })
  await addEntry(db, { at: '2026-03-20T10:00:00.000Z', action: 'admin.user.unlocked', actor: 'sophie.durand', target: 'ines.garnier', details: { reason: 'phone call' }, ip: '198.51.100.7' })
  await addEntry(db, { at: '2026-03-28T23:30:00.000Z', action: 'totp.enabled', actor: 'emma.leroy', target: 'emma.leroy', ip: '203.0.113.5' })
  await addEntry(db, { at: '2026-03-29T21:59:00.000Z', action: 'admin.email.retried', actor: 'thomas.girard', details: { email_id: 4 } })
  await addEntry(db, { at: '2026-03-29T22:00:00.000Z', action: 'password.changed', actor: 'helene.fabre', target: 'helene.fabre', contract: 'OCB0000301' })
}

/** The actions of the table's rows, in page order. */
const actionsShown = (html: string) => [...html.matchAll(/<td data-label="Action"><code>([^<]+)<\/code>/g)].map((match) => match[1])

t.test('only admin opens the audit log: support, billing and account_manager staff get 403, a customer 404', async (t) => {
  const { app } = await setup(t)
  t.equal((await (await loginAsStaff(app, 'sophie.durand')).get('/admin/audit')).statusCode, 200)
  for (const login of ['thomas.girard', 'nadia.benali', 'marc.lefevre']) {
    const staff = await loginAsStaff(app, login)
    t.equal((await staff.get('/admin/audit')).statusCode, 403, login)
    t.equal((await staff.get('/admin/audit.csv')).statusCode, 403, `${login} (CSV)`)
  }
  const alice = await loginAs(app, 'alice.martin')
  t.equal((await alice.get('/admin/audit')).statusCode, 404)
  t.equal((await alice.get('/admin/audit.csv')).statusCode, 404)
})

t.test('the log shows every entry newest first: who (with a staff badge), action, contract and user links, readable changes, IP', async (t) => {
  const { app, db } = await setup(t)
  await seedEntries(db)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  await sophie.post('/lang', { lang: 'en', back: '/admin/audit' })
  const page = await sophie.get('/admin/audit')
  t.equal(page.statusCode, 200)
  t.same(actionsShown(page.body).slice(0, 5), ['password.changed', 'admin.email.retried', 'totp.enabled', 'admin.user.unlocked', 'rights.roles_changed'])
  t.match(page.body, /Sophie Durand <span class="muted">\(sophie\.durand\)<\/span> <span class="badge badge--staff">Staff<\/span>/)
  t.notMatch(page.body, /\(alice\.martin\)<\/span> <span class="badge badge--staff">/, 'a customer gets no staff badge')
  t.match(page.body, '<a href="/admin/contracts/OCB0000101">OCB0000101</a>')
  t.match(page.body, '<a href="/admin/users/ines.garnier">Inès Garnier</a>')
  t.match(page.body, '<div>billing: visitor → manager</div>')
  t.match(page.body, '<div>reason: phone call</div>')
  t.match(page.body, '198.51.100.7')
})

t.test('filtering by actor shows only what that person did', async (t) => {
  const { app, db } = await setup(t)
  await seedEntries(db)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  const page = await sophie.get('/admin/audit?actor=Sophie.Durand')
  t.same(actionsShown(page.body), ['admin.user.unlocked'])
  t.match(page.body, 'value="sophie.durand"', 'the filter is kept (lower-cased)')
})

t.test('filtering by action takes an exact action, or a prefix ending with a dot', async (t) => {
  const { app, db } = await setup(t)
  await seedEntries(db)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  t.same(actionsShown((await sophie.get('/admin/audit?action=totp.enabled')).body), ['totp.enabled'])
  t.same(actionsShown((await sophie.get('/admin/audit?action=admin.')).body), ['admin.email.retried', 'admin.user.unlocked'])
  t.same(actionsShown((await sophie.get('/admin/audit?action=admin')).body), [], 'without the dot it is an exact action')
})

t.test('the action filter suggests every action present in the log', async (t) => {
  const { app, db } = await setup(t)
  await seedEntries(db)
  t.same(await listAuditActions(db), ['admin.email.retried', 'admin.user.unlocked', 'password.changed', 'rights.roles_changed', 'totp.enabled'])
  const page = await (await loginAsStaff(app, 'sophie.durand')).get('/admin/audit')
  t.match(page.body, '<option value="admin.">')
  t.match(page.body, '<option value="rights.roles_changed">')
})

t.test('filtering by contract code and by target user', async (t) => {
  const { app, db } = await setup(t)
  await seedEntries(db)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  t.same(actionsShown((await sophie.get('/admin/audit?contract=ocb0000301')).body), ['password.changed'])
  t.same(actionsShown((await sophie.get('/admin/audit?target=bruno.petit')).body), ['rights.roles_changed'])
  t.same(actionsShown((await sophie.get('/admin/audit?contract=OCB0000101&target=ines.garnier')).body), [], 'filters add up')
})

t.test('a date range is whole days in Paris: 23:30 UTC on 28 March 2026 belongs to the 29th, 22:00 UTC on the 29th to the 30th', async (t) => {
  const { app, db } = await setup(t)
  await seedEntries(db)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  t.same(actionsShown((await sophie.get('/admin/audit?from=2026-03-29&to=2026-03-29')).body), ['admin.email.retried', 'totp.enabled'])
  t.same(actionsShown((await sophie.get('/admin/audit?to=2026-03-28')).body), ['admin.user.unlocked', 'rights.roles_changed'])
  t.same(actionsShown((await sophie.get('/admin/audit?from=2026-03-30')).body), ['password.changed'])
  const { search } = await resolveAuditSearch(db, { actor: '', action: '', contract: '', target: '', from: '2026-03-29', to: '2026-03-29' })
  t.same([search.since, search.until], ['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'], 'the clocks go forward that night: a 23-hour day')
})

t.test('impossible or malformed dates, and a start after the end, answer 422 with a message on the field and the values kept', async (t) => {
  const { app } = await setup(t)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  await sophie.post('/lang', { lang: 'en', back: '/admin/audit' })
  const impossible = await sophie.get('/admin/audit?from=2026-02-30&to=28%2F03%2F2026')
  t.equal(impossible.statusCode, 422)
  t.match(impossible.body, /id="from-error">.*Enter a real date as YYYY-MM-DD/s)
  t.match(impossible.body, /id="to-error">.*Enter a real date as YYYY-MM-DD/s)
  t.match(impossible.body, 'value="2026-02-30"')
  t.match(impossible.body, 'value="28/03/2026"')
  t.match(impossible.body, '<a href="#from">', 'the error summary links to the field')
  const reversed = await sophie.get('/admin/audit?from=2026-03-29&to=2026-03-28')
  t.equal(reversed.statusCode, 422)
  t.match(reversed.body, /id="to-error">.*The end date must be on or after the start date/s)
})

t.test('a login or contract code that names nobody answers 422 with a message on its field', async (t) => {
  const { app } = await setup(t)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  await sophie.post('/lang', { lang: 'en', back: '/admin/audit' })
  const page = await sophie.get('/admin/audit?actor=no.such.person&contract=OCB9999999&target=bad%20login')
  t.equal(page.statusCode, 422)
  t.match(page.body, /id="target-error">.*Enter a login/s)
  const unknown = await sophie.get('/admin/audit?actor=no.such.person&contract=OCB9999999')
  t.equal(unknown.statusCode, 422)
  t.match(unknown.body, /id="actor-error">.*No user has this login/s)
  t.match(unknown.body, /id="contract-error">.*No contract has this code/s)
})

t.test('the log is paged by 50 with its total count; a page past the end shows the last page', async (t) => {
  const { app, db } = await setup(t)
  for (let i = 0; i < 60; i++) await addEntry(db, { at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), action: `test.entry_${String(i).padStart(2, '0')}` })
  const sophie = await loginAsStaff(app, 'sophie.durand')
  await sophie.post('/lang', { lang: 'en', back: '/admin/audit' })
  const first = await sophie.get('/admin/audit?action=test.')
  t.match(first.body, '60 entries')
  t.equal(actionsShown(first.body).length, 50)
  t.equal(actionsShown(first.body)[0], 'test.entry_59')
  t.match(first.body, 'href="/admin/audit?action=test.&amp;page=2"')
  const beyond = await sophie.get('/admin/audit?action=test.&page=99999')
  t.same(actionsShown(beyond.body), Array.from({ length: 10 }, (_, i) => `test.entry_${String(9 - i).padStart(2, '0')}`))
  t.match(beyond.body, 'Page 2 of 2')
})

t.test('the CSV has a header row and the filtered entries, every field quoted and its quotes doubled', async (t) => {
  const { app, db } = await setup(t)
  await seedEntries(db)
  await addEntry(db, { at: '2026-03-21T08:00:00.000Z', action: 'admin.company.renamed', actor: 'sophie.durand', details: { name: '=HYPERLINK("http://evil.example","click")', note: '@SUM(1)' } })
  const sophie = await loginAsStaff(app, 'sophie.durand')
  await sophie.post('/lang', { lang: 'en', back: '/admin/audit' })
  const csv = await sophie.get('/admin/audit.csv?actor=sophie.durand')
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], 'text/csv; charset=utf-8')
  t.match(csv.headers['content-disposition'], 'attachment; filename="audit-log.csv"')
  const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
  t.equal(lines.length, 3, 'a header and sophie\'s two entries')
  t.equal(lines[0], '"When (UTC)","Done by (login)","Done by","Staff","Action","Contract","For user (login)","For user","Changes","IP address"')
  t.equal(lines[1], '"2026-03-21T08:00:00.000Z","sophie.durand","Sophie Durand","yes","admin.company.renamed","","","","name: =HYPERLINK(""http://evil.example"",""click"") | note: @SUM(1)",""')
  t.equal(lines[2], '"2026-03-20T10:00:00.000Z","sophie.durand","Sophie Durand","yes","admin.user.unlocked","","ines.garnier","Inès Garnier","reason: phone call","198.51.100.7"')
})

t.test('a value starting with = + - or @ gets an apostrophe in the CSV', async (t) => {
  const { app, db } = await setup(t)
  for (const [i, value] of ['=1+1', '+33 1 23', '-2', '@cmd'].entries()) {
    await addEntry(db, { at: `2026-01-0${i + 1}T00:00:00.000Z`, action: 'test.formula', ip: value })
  }
  const csv = await (await loginAsStaff(app, 'sophie.durand')).get('/admin/audit.csv?action=test.formula')
  const ips = csv.body.trimEnd().split('\r\n').slice(1).map((line) => line.split(',').at(-1))
  t.same(ips, ['"\'@cmd"', '"\'-2"', '"\'+33 1 23"', '"\'=1+1"'])
})

t.test('the CSV reads the log in batches and still returns every entry once', async (t) => {
  const { db } = await setup(t)
  for (let i = 0; i < 7; i++) await addEntry(db, { at: '2026-02-01T00:00:00.000Z', action: 'test.same_time' })
  const { search } = await resolveAuditSearch(db, { actor: '', action: 'test.same_time', contract: '', target: '', from: '', to: '' })
  const seen: number[] = []
  let cursor: { at: string; id: number } | undefined
  for (;;) {
    const batch = await auditBatchAfter(db, search, cursor, 3)
    seen.push(...batch.map((row) => row.id))
    if (batch.length < 3) break
    cursor = { at: batch.at(-1)!.at, id: batch.at(-1)!.id }
  }
  t.equal(seen.length, 7)
  t.equal(new Set(seen).size, 7, 'entries with the same time are neither lost nor repeated between batches')
})

t.test('the CSV with an invalid filter answers the page with 422, not a file', async (t) => {
  const { app } = await setup(t)
  const response = await (await loginAsStaff(app, 'sophie.durand')).get('/admin/audit.csv?from=2026-02-30')
  t.equal(response.statusCode, 422)
  t.match(response.headers['content-type'], 'text/html')
})

// These two read SQLite's query plans (`explain query plan`); PostgreSQL's
// planner chooses by table statistics, so a tiny test table proves nothing there.
const sqlitePlansOnly = testPostgresUrl ? 'SQLite query plans: this run is on PostgreSQL' : false

t.test('every filter reads the log through an index, never a full scan', { skip: sqlitePlansOnly }, async (t) => {
  const { db } = await setup(t)
  const none = { actor: '', action: '', contract: '', target: '', from: '', to: '' }
  const each = { actor: 'sophie.durand', action: 'admin.', contract: 'OCB0000101', target: 'bruno.petit', from: '2026-03-01', to: '2026-03-31' }
  const cases: Array<[string, Partial<typeof none>]> = [...Object.entries(each).map(([name, value]): [string, Partial<typeof none>] => [name, { [name]: value }]), ['nothing', {}]]
  for (const [name, filter] of cases) {
    const { search } = await resolveAuditSearch(db, { ...none, ...filter })
    // A few matches (sorted in memory when the index gives no time order), many matches, and the count.
    for (const query of [auditPageQuery(db, search, 0, 10), auditPageQuery(db, search, 0, 1_000_000), auditCountQuery(db, search)].map((builder) => builder.compile())) {
      const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]))
      const details = plan.rows.map((row) => row.detail).join(' | ')
      t.notMatch(details, /SCAN audit_log(?! USING)/, `filter ${name}: ${details}`)
    }
  }
})

t.test('a page of an action prefix matching much of the log walks the log in time order instead of sorting every match', { skip: sqlitePlansOnly }, async (t) => {
  const { db } = await setup(t)
  const { search } = await resolveAuditSearch(db, { actor: '', action: 'admin.', contract: '', target: '', from: '', to: '' })
  const plan = async (total: number) => {
    const query = auditPageQuery(db, search, 0, total).compile()
    const rows = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]))
    return rows.rows.map((row) => row.detail).join(' | ')
  }
  t.match(await plan(100), 'USING INDEX audit_log_action', 'a few matches: the action index')
  t.match(await plan(100_000), /SCAN audit_log USING INDEX audit_log_at/, 'many: newest first along audit_log_at')
  t.notMatch(await plan(100_000), 'TEMP B-TREE', 'no sort of every match')
})
