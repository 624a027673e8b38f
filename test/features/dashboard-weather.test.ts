import t from 'tap'
import { freshDatabase, buildTestApp } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'
import type { DB } from '../../src/db/database.js'
import { weatherOf } from '../../src/features/home/weather.js'

// A Tuesday, 13:00 in Paris (UTC+1 in winter).
const NOW = new Date('2026-03-10T12:00:00Z')
const HOUR = 3_600_000

async function platformId(db: DB, code: string) {
  return (await db.selectFrom('platforms').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}

const texts = { title_en: 'Upgrade', title_fr: 'Mise à niveau', text_en: 'Short interruptions.', text_fr: 'Courtes coupures.' }
const stamps = { created_by: null, created_at: NOW.toISOString(), updated_at: NOW.toISOString(), cancelled_at: null }

async function onceWindow(db: DB, startsIn: number, hours = 2, platform = 'flexible_engine') {
  await db.insertInto('maintenance_windows').values({
    platform_id: await platformId(db, platform), kind: 'once', ...texts, ...stamps,
    starts_at: new Date(NOW.getTime() + startsIn).toISOString(), ends_at: new Date(NOW.getTime() + startsIn + hours * HOUR).toISOString(),
    weekday: null, month_weeks: null, local_start: null, duration_minutes: null, time_zone: 'Europe/Paris', valid_from: null, valid_until: null,
  }).execute()
}

/** Every Wednesday of the month, 00:00–06:00 Paris time. */
async function weeklyWednesdayWindow(db: DB) {
  await db.insertInto('maintenance_windows').values({
    platform_id: await platformId(db, 'flexible_engine'), kind: 'recurring', ...texts, ...stamps,
    starts_at: null, ends_at: null, weekday: 3, month_weeks: '1,2,3,4,5', local_start: '00:00', duration_minutes: 360,
    time_zone: 'Europe/Paris', valid_from: '2026-01-01', valid_until: null,
  }).execute()
}

async function incident(db: DB, severity: 'degraded' | 'major', status: 'open' | 'resolved' = 'open') {
  const at = new Date(NOW.getTime() - HOUR).toISOString()
  await db.insertInto('incidents').values({
    platform_id: await platformId(db, 'flexible_engine'), severity, status, title_en: 'Slow disks', title_fr: 'Disques lents',
    text_en: 'Disks are slow.', text_fr: 'Les disques sont lents.', started_at: at, resolved_at: status === 'resolved' ? at : null, created_by: null, created_at: at, updated_at: at,
  }).execute()
}

async function weatherAt(db: DB, now = NOW, locale: 'en' | 'fr' = 'en') {
  const [platform] = await weatherOf(db, ['fe'], locale, now)
  return platform!
}

t.test('weather is sunny with no open incident and no maintenance within 24 hours', async (t) => {
  const db = await freshDatabase(t)
  await incident(db, 'major', 'resolved')
  await onceWindow(db, 30 * HOUR)
  t.equal((await weatherAt(db)).weather, 'sunny')
})

t.test('weather is cloudy when a one-off maintenance starts within 24 hours', async (t) => {
  const db = await freshDatabase(t)
  await onceWindow(db, 23 * HOUR)
  t.equal((await weatherAt(db)).weather, 'cloudy')
})

t.test('weather is cloudy while a maintenance is in progress', async (t) => {
  const db = await freshDatabase(t)
  await onceWindow(db, -HOUR, 3)
  const platform = await weatherAt(db)
  t.equal(platform.weather, 'cloudy')
  t.equal(platform.maintenance[0]?.inProgress, true)
})

t.test('weather is cloudy when an occurrence of a recurring maintenance starts within 24 hours', async (t) => {
  const db = await freshDatabase(t)
  await weeklyWednesdayWindow(db) // Wednesday 11 March, 00:00 Paris = Tuesday 23:00 UTC: in 11 hours
  t.equal((await weatherAt(db)).weather, 'cloudy')
  const thursday = new Date('2026-03-12T12:00:00Z') // the next occurrence is six days away
  t.equal((await weatherAt(db, thursday)).weather, 'sunny')
})

t.test('weather is rainy with an open degraded incident, whatever the maintenance', async (t) => {
  const db = await freshDatabase(t)
  await onceWindow(db, HOUR)
  await incident(db, 'degraded')
  t.equal((await weatherAt(db)).weather, 'rainy')
})

t.test('weather is stormy with an open major incident, even beside a degraded one', async (t) => {
  const db = await freshDatabase(t)
  await incident(db, 'degraded')
  await incident(db, 'major')
  const platform = await weatherAt(db)
  t.equal(platform.weather, 'stormy')
  t.equal(platform.incidents.length, 2)
})

t.test('open incidents come in the user’s language', async (t) => {
  const db = await freshDatabase(t)
  await incident(db, 'degraded')
  t.same((await weatherAt(db, NOW, 'fr')).incidents.map((i) => [i.title, i.text]), [['Disques lents', 'Les disques sont lents.']])
  t.same((await weatherAt(db, NOW, 'en')).incidents.map((i) => [i.title, i.text]), [['Slow disks', 'Disks are slow.']])
})

t.test('the maintenance of the next 7 days is listed, later windows are not', async (t) => {
  const db = await freshDatabase(t)
  await onceWindow(db, 6 * 24 * HOUR)
  await onceWindow(db, 8 * 24 * HOUR)
  const platform = await weatherAt(db)
  t.same(platform.maintenance.map((m) => m.start), [new Date(NOW.getTime() + 6 * 24 * HOUR).toISOString()])
})

t.test('an offer without a platform of its own has no weather', async (t) => {
  const db = await freshDatabase(t)
  t.same(await weatherOf(db, ['orange_business', 'multi_services'], 'en', NOW), [])
})

t.test('the dashboard shows the next maintenance windows with Paris times', async (t) => {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db })
  const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 48 * HOUR)
  await db.insertInto('maintenance_windows').values({
    platform_id: await platformId(db, 'flexible_engine'), kind: 'once', ...stamps, title_en: 'Firewall renewal', title_fr: 'Renouvellement des pare-feu',
    text_en: 'Brief cuts.', text_fr: 'Brèves coupures.', starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 2 * HOUR).toISOString(),
    weekday: null, month_weeks: null, local_start: null, duration_minutes: null, time_zone: 'Europe/Paris', valid_from: null, valid_until: null,
  }).execute()
  const chloe = await loginAs(app, 'chloe.bernard') // English, FE contracts
  const page = (await chloe.get('/')).body
  const paris = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' })
  t.match(page, '<strong>Firewall renewal</strong>')
  t.match(page, `from ${paris.format(start)} to ${paris.format(new Date(start.getTime() + 2 * HOUR))}`)
  t.match(page, 'Times are Paris time (Europe/Paris).')
})
