// The back-office's platforms: incidents opened, updated and closed with
// their texts in both languages, maintenance windows once or recurring (Paris
// time in the form, UTC in the database), overlaps shown, roles through the
// staff table.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../../helpers/app.js'
import { loginAs, loginAsStaff, seedPersonas } from '../../helpers/personas.js'
import type { DB } from '../../../src/db/database.js'
import { occurrences } from '../../../src/features/admin/platforms/recurrence.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  return { db, app: await buildTestApp(t, { db }) }
}

const auditOf = (db: DB, action: string) => db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()
const countOf = async (db: DB, table: 'incidents' | 'incident_regions' | 'incident_updates' | 'maintenance_windows') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

const INCIDENT = {
  severity: 'major', 'region-eu-west-0': 'on', 'region-eu-west-1': 'on',
  title_en: 'Compute unavailable', title_fr: 'Calcul indisponible',
  text_en: 'New virtual machines cannot be started in Paris and Amsterdam.', text_fr: 'Les nouvelles VM ne démarrent pas à Paris et Amsterdam.',
}

/** Opens the incident form of Flexible Engine and posts it. */
async function openIncident(client: Awaited<ReturnType<typeof loginAsStaff>>, fields: Record<string, string> = INCIDENT) {
  const form = await client.get('/admin/incidents/new?platform=flexible_engine')
  return { form, response: await client.post('/admin/incidents/new?platform=flexible_engine', { ...fields, start_date: valueOf(form.body, 'start_date'), start_time: valueOf(form.body, 'start_time') }) }
}

const valueOf = (html: string, name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? ''

t.test('support (thomas.girard) opens an incident on Flexible Engine with two regions: incident, regions, first update and audit row written; the platforms pages show it and its weather', async (t) => {
  const { app, db } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const { form, response } = await openIncident(thomas)
  t.equal(form.statusCode, 200)
  t.match(form.body, 'Open an incident on Flexible Engine')
  t.equal(response.statusCode, 303)
  const incident = await db.selectFrom('incidents').selectAll().where('status', '=', 'open').executeTakeFirstOrThrow()
  t.equal(response.headers.location, `/admin/incidents/${incident.id}`)
  t.match(incident, { severity: 'major', title_en: 'Compute unavailable', title_fr: 'Calcul indisponible', resolved_at: null })
  const regions = await db.selectFrom('incident_regions').innerJoin('platform_regions', 'platform_regions.id', 'region_id').select('code').where('incident_id', '=', incident.id).orderBy('code').execute()
  t.same(regions.map((r) => r.code), ['eu-west-0', 'eu-west-1'])
  const updates = await db.selectFrom('incident_updates').selectAll().where('incident_id', '=', incident.id).execute()
  t.equal(updates.length, 1)
  t.match(updates[0], { status: 'open', severity: 'major', text_fr: INCIDENT.text_fr })
  const [audit] = await auditOf(db, 'admin.incident.opened')
  t.match(JSON.parse(audit!.details!), { incident_id: incident.id, platform: 'flexible_engine', severity: 'major', regions: ['eu-west-0', 'eu-west-1'] })

  const page = await thomas.get(response.headers.location!)
  t.match(page.body, 'The incident on Flexible Engine is open')
  t.match(page.body, 'New virtual machines cannot be started in Paris and Amsterdam.')
  const platform = await thomas.get('/admin/platforms/flexible_engine')
  t.match(platform.body, /<h1>Flexible Engine <span class="badge badge--stormy">Major incident<\/span><\/h1>/)
  t.match(platform.body, `href="/admin/incidents/${incident.id}">Compute unavailable</a>`)
  const overview = await thomas.get('/admin/platforms')
  t.match(overview.body, /Flexible Engine<\/a>\s*<span class="badge badge--stormy">/)
  t.match(overview.body, /Cloud Avenue<\/a>\s*<span class="badge badge--(sunny|cloudy)">/, 'the other platforms are not affected')
})

t.test('an incident without its French text is refused with 422 naming the French field, what was typed kept, and nothing is written', async (t) => {
  const { app, db } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const before = await countOf(db, 'incidents')
  const { response } = await openIncident(thomas, { ...INCIDENT, text_fr: '  ' })
  t.equal(response.statusCode, 422)
  t.match(response.body, '<a href="#text_fr">Enter the text for customers in French</a>')
  t.match(response.body, 'Compute unavailable', 'the English title is kept')
  t.equal(await countOf(db, 'incidents'), before)
  t.equal(await countOf(db, 'incident_updates'), 2, 'only the seeded past incident\'s two updates')
  t.same(await auditOf(db, 'admin.incident.opened'), [])
})

t.test('an incident with no region ticked, no severity or a start in the future is refused, each with its message', async (t) => {
  const { app, db } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const form = await thomas.get('/admin/incidents/new?platform=flexible_engine')
  t.ok(form.body.includes('name="region-na-east-0"'), 'the regions of the platform are offered')
  const response = await thomas.post('/admin/incidents/new?platform=flexible_engine', {
    title_en: 'x', title_fr: 'x', text_en: 'x', text_fr: 'x', 'region-fr-01': 'on', start_date: '2999-01-01', start_time: '10:00',
  })
  t.equal(response.statusCode, 422)
  t.match(response.body, 'Tick at least one affected region', 'a region of another platform does not count')
  t.match(response.body, 'Choose the severity')
  t.match(response.body, 'An incident can’t start in the future')
  t.equal(await countOf(db, 'incidents'), 1, 'only the seeded past incident')
})

t.test('an update changes the incident row and adds one update row; closing resolves it with its closing texts; both audited', async (t) => {
  const { app, db } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const { response } = await openIncident(thomas)
  const url = response.headers.location!
  const id = Number(url.split('/').pop())
  await thomas.get(url)
  const update = await thomas.post(url, { ...INCIDENT, severity: 'degraded', 'region-eu-west-1': '', text_en: 'Paris only now.', text_fr: 'Paris seulement désormais.' })
  t.equal(update.statusCode, 303)
  t.match(await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), { severity: 'degraded', status: 'open', text_en: 'Paris only now.' })
  const regions = await db.selectFrom('incident_regions').select('region_id').where('incident_id', '=', id).execute()
  t.equal(regions.length, 1, 'Amsterdam is no longer affected')
  t.equal((await db.selectFrom('incident_updates').select('id').where('incident_id', '=', id).execute()).length, 2)
  t.match(JSON.parse((await auditOf(db, 'admin.incident.updated'))[0]!.details!), { before: { severity: 'major' }, after: { severity: 'degraded', regions: ['eu-west-0'] } })

  const page = await thomas.get(url)
  t.match(page.body, 'The update is posted.')
  const close = await thomas.post(`${url}/close`, { close_text_en: 'Back to normal.', close_text_fr: 'Tout est rétabli.' })
  t.equal(close.statusCode, 303)
  const closed = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  t.match(closed, { status: 'resolved', text_fr: 'Tout est rétabli.' })
  t.ok(closed.resolved_at, 'resolved_at is set')
  const last = await db.selectFrom('incident_updates').selectAll().where('incident_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow()
  t.match(last, { status: 'resolved', text_en: 'Back to normal.' })
  t.equal((await auditOf(db, 'admin.incident.closed')).length, 1)
  const platform = await thomas.get('/admin/platforms/flexible_engine')
  t.notMatch(platform.body, 'badge--stormy', 'the weather clears')
})

t.test('closing without the English closing text is refused with 422 and the incident stays open', async (t) => {
  const { app, db } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const { response } = await openIncident(thomas)
  await thomas.get(response.headers.location!)
  const close = await thomas.post(`${response.headers.location!}/close`, { close_text_fr: 'Tout est rétabli.' })
  t.equal(close.statusCode, 422)
  t.match(close.body, '<a href="#close_text_en">Enter the text for customers in English</a>')
  t.match(close.body, 'Tout est rétabli.', 'the French text is kept')
  t.equal((await db.selectFrom('incidents').select('id').where('status', '=', 'open').execute()).length, 1)
})

t.test('a resolved incident takes no update: the post changes nothing and says so', async (t) => {
  const { app, db } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const resolved = await db.selectFrom('incidents').selectAll().where('status', '=', 'resolved').executeTakeFirstOrThrow()
  const page = await thomas.get(`/admin/incidents/${resolved.id}`)
  t.notMatch(page.body, 'Post the update', 'no form on a resolved incident')
  const response = await thomas.post(`/admin/incidents/${resolved.id}`, { ...INCIDENT })
  t.equal(response.statusCode, 303)
  t.same(await db.selectFrom('incidents').selectAll().where('id', '=', resolved.id).executeTakeFirstOrThrow(), resolved)
  t.match((await thomas.get(`/admin/incidents/${resolved.id}`)).body, 'This incident is already resolved')
})

const RECURRING = {
  kind: 'recurring', weekday: '3', week_1: 'on', week_last: 'on', week_last2: 'on', week_last3: 'on', recurring_start: '00:00', recurring_end: '06:00',
  valid_from: '2031-01-01', valid_until: '2031-02-28', 'region-fr-01': 'on',
  title_en: 'Control plane', title_fr: 'Plan de contrôle', text_en: 'The portal may be unavailable.', text_fr: 'Le portail peut être indisponible.',
}

t.test('a recurring window created from the form is stored as its rule and gives the right occurrences in UTC', async (t) => {
  const { app, db } = await setup(t)
  const sophie = await loginAsStaff(app, 'sophie.durand')
  await sophie.get('/admin/maintenance/new?platform=cloud_avenue')
  const response = await sophie.post('/admin/maintenance/new?platform=cloud_avenue', RECURRING)
  t.equal(response.statusCode, 303)
  t.equal(response.headers.location, '/admin/platforms/cloud_avenue')
  const window = await db.selectFrom('maintenance_windows').selectAll().where('title_en', '=', 'Control plane').executeTakeFirstOrThrow()
  t.match(window, { kind: 'recurring', weekday: 3, month_weeks: '1,-1,-2,-3', local_start: '00:00', duration_minutes: 360, time_zone: 'Europe/Paris', starts_at: null })
  // January 2031 has five Wednesdays (the second is skipped), February four (all of them); winter time: 23:00 UTC the day before.
  const starts = occurrences(window, new Date('2030-12-01T00:00:00Z'), new Date('2031-06-01T00:00:00Z')).map((o) => o.start.toISOString())
  t.same(starts, ['2030-12-31T23:00:00.000Z', '2031-01-14T23:00:00.000Z', '2031-01-21T23:00:00.000Z', '2031-01-28T23:00:00.000Z',
    '2031-02-04T23:00:00.000Z', '2031-02-11T23:00:00.000Z', '2031-02-18T23:00:00.000Z', '2031-02-25T23:00:00.000Z'])
  t.match(JSON.parse((await auditOf(db, 'admin.maintenance.created'))[0]!.details!), { window_id: window.id, month_weeks: '1,-1,-2,-3', regions: ['fr-01'] })
  const page = await sophie.get(`/admin/maintenance/${window.id}`)
  t.match(page.body, 'Chaque 1er, dernier, avant-dernier et antépénultième mercredi du mois, 00:00–06:00, du 1 janvier 2031 au 28 février 2031', 'sophie reads the rule in French')
})

t.test('a one-off window typed in Paris time is stored in UTC (summer: two hours earlier)', async (t) => {
  const { app, db } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get('/admin/maintenance/new?platform=fca')
  const response = await thomas.post('/admin/maintenance/new?platform=fca', {
    kind: 'once', once_start_date: '2031-07-10', once_start_time: '22:00', once_end_date: '2031-07-11', once_end_time: '01:30',
    'region-fr-paris': 'on', title_en: 'Storage', title_fr: 'Stockage', text_en: 'Short pauses.', text_fr: 'Courtes pauses.',
  })
  t.equal(response.statusCode, 303)
  t.match(await db.selectFrom('maintenance_windows').selectAll().where('title_en', '=', 'Storage').executeTakeFirstOrThrow(), {
    kind: 'once', starts_at: '2031-07-10T20:00:00.000Z', ends_at: '2031-07-10T23:30:00.000Z', weekday: null, month_weeks: null,
  })
})

t.test('a window overlapping another of the same platform is saved, and the overlap is shown after saving and on the platform page', async (t) => {
  const { app, db } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  // Every Wednesday 02:00–04:00 from today: inside the seeded Cloud Avenue rule (00:00–06:00).
  await thomas.get('/admin/maintenance/new?platform=cloud_avenue')
  const today = new Date().toISOString().slice(0, 10)
  const response = await thomas.post('/admin/maintenance/new?platform=cloud_avenue', {
    ...RECURRING, valid_from: today, valid_until: '', recurring_start: '02:00', recurring_end: '04:00', week_2: 'on', week_3: 'on', week_4: 'on', title_en: 'Storage firmware',
  })
  t.equal(response.statusCode, 303)
  t.equal(await countOf(db, 'maintenance_windows'), 3, 'saved next to the two seeded windows')
  const page = await thomas.get('/admin/platforms/cloud_avenue')
  t.match(page.body, 'The maintenance window is saved. It overlaps another window in the next 90 days: “Cloud Avenue control plane maintenance”.')
  const seeded = await db.selectFrom('maintenance_windows').select('id').where('title_en', '=', 'Cloud Avenue control plane maintenance').executeTakeFirstOrThrow()
  t.match(page.body, new RegExp(`Overlaps <a href="/admin/maintenance/${seeded.id}">Cloud Avenue control plane maintenance</a>`))
})

t.test('cancelling a window keeps it on record but drops its occurrences, audited', async (t) => {
  const { app, db } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const window = await db.selectFrom('maintenance_windows').select(['id', 'title_en']).where('kind', '=', 'once').executeTakeFirstOrThrow()
  const before = await thomas.get('/admin/platforms')
  t.match(before.body, window.title_en, 'the seeded one-off window is within 30 days')
  await thomas.get(`/admin/maintenance/${window.id}`)
  const response = await thomas.post(`/admin/maintenance/${window.id}/cancel`, {})
  t.equal(response.statusCode, 303)
  t.ok((await db.selectFrom('maintenance_windows').select('cancelled_at').where('id', '=', window.id).executeTakeFirstOrThrow()).cancelled_at)
  t.equal((await auditOf(db, 'admin.maintenance.cancelled')).length, 1)
  const after = await thomas.get('/admin/platforms')
  t.notMatch(after.body, window.title_en, 'no longer among the coming maintenance')
  const page = await thomas.get(`/admin/maintenance/${window.id}`)
  t.notMatch(page.body, 'Save the window', 'a cancelled window has no form')
})

t.test('a recurring window without weeks, times or dates is refused with a message per field and nothing written', async (t) => {
  const { app, db } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  await thomas.get('/admin/maintenance/new?platform=cloud_avenue')
  const response = await thomas.post('/admin/maintenance/new?platform=cloud_avenue', { kind: 'recurring', weekday: '9', recurring_start: '25:00', recurring_end: 'x', valid_from: '2031-02-30' })
  t.equal(response.statusCode, 422)
  for (const text of ['Choose the day of the week', 'Tick at least one week of the month', 'Enter a time from 00:00 to 23:59', 'Enter a real date', 'Enter the title in English', 'Enter the title in French']) {
    t.match(response.body, text)
  }
  t.equal(await countOf(db, 'maintenance_windows'), 2)
})

t.test('billing staff (nadia.benali) get 403 on the platforms pages and can post nothing', async (t) => {
  const { app, db } = await setup(t)
  const nadia = await loginAsStaff(app, 'nadia.benali')
  for (const url of ['/admin/platforms', '/admin/platforms/flexible_engine', '/admin/incidents/new?platform=flexible_engine', '/admin/maintenance/new?platform=fca']) {
    const page = await nadia.get(url)
    t.equal(page.statusCode, 403, url)
    t.match(page.body, 'open to these staff roles: Administrator, Support')
  }
  const post = await nadia.post('/admin/incidents/new?platform=flexible_engine', { ...INCIDENT, start_date: '2026-01-01', start_time: '10:00' })
  t.equal(post.statusCode, 403)
  t.equal(await countOf(db, 'incidents'), 1)
})

t.test('a customer gets 404 on the platforms pages, even a referent', async (t) => {
  const { app } = await setup(t)
  const alice = await loginAs(app, 'alice.martin')
  for (const url of ['/admin/platforms', '/admin/platforms/cloud_avenue', '/admin/incidents/1', '/admin/maintenance/1', '/admin/incidents/new?platform=fca']) {
    t.equal((await alice.get(url)).statusCode, 404, url)
  }
})

t.test('an unknown platform, or an id that is not a number, is a 404', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  for (const url of ['/admin/platforms/nope', '/admin/incidents/new', '/admin/incidents/new?platform=nope', '/admin/incidents/abc', '/admin/incidents/999999', '/admin/maintenance/1e3', '/admin/maintenance/new?platform=']) {
    t.equal((await thomas.get(url)).statusCode, 404, url)
  }
  t.equal((await thomas.get('/admin/incidents/new?platform=fca&platform=cloud_avenue')).statusCode, 400, 'a repeated platform is a 400')
})

t.test('the platform page filters incidents by status and counts them', async (t) => {
  const { app } = await setup(t)
  const thomas = await loginAsStaff(app, 'thomas.girard')
  const resolved = await thomas.get('/admin/platforms/fca?status=resolved')
  t.match(resolved.body, '1 incident')
  t.match(resolved.body, 'Slow storage in Paris')
  const open = await thomas.get('/admin/platforms/fca?status=open')
  t.match(open.body, '0 incidents')
  t.notMatch(open.body, 'Slow storage in Paris')
})
