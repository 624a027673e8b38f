// The occurrences of maintenance windows: local wall-clock rules in
// Europe/Paris turned into UTC intervals, across months, years and DST.
import t from 'tap'
import {
  chosenDays, localDateAndTime, localToUtc, occurrences, parseMonthWeeks, wallTimeToUtc, type WindowRule,
} from '../../../src/features/admin/platforms/recurrence.js'

const PARIS = 'Europe/Paris'

/** A recurring rule: every field a test doesn't name is the Cloud Avenue rule of spec 002. */
function rule(fields: Partial<WindowRule> = {}): WindowRule {
  return {
    kind: 'recurring', starts_at: null, ends_at: null, weekday: 3, month_weeks: '1,-1,-2,-3', local_start: '00:00', duration_minutes: 360,
    time_zone: PARIS, valid_from: '2026-01-01', valid_until: null, cancelled_at: null, ...fields,
  }
}

const once = (starts: string, ends: string, fields: Partial<WindowRule> = {}): WindowRule =>
  ({ ...rule(), kind: 'once', starts_at: starts, ends_at: ends, weekday: null, month_weeks: null, local_start: null, duration_minutes: null, ...fields })

const iso = (list: Array<{ start: Date; end: Date }>) => list.map(({ start, end }) => [start.toISOString(), end.toISOString()])
const utc = (text: string) => new Date(text)

t.test('00:00–06:00 local in winter is 23:00–05:00 UTC the day before', async (t) => {
  const found = occurrences(rule({ month_weeks: '1' }), utc('2026-01-01T00:00:00Z'), utc('2026-02-01T00:00:00Z'))
  t.same(iso(found), [['2026-01-06T23:00:00.000Z', '2026-01-07T05:00:00.000Z']], 'the first Wednesday of January 2026 is the 7th')
})

t.test('00:00–06:00 local in summer is 22:00–04:00 UTC the day before', async (t) => {
  const found = occurrences(rule({ month_weeks: '1' }), utc('2026-06-15T00:00:00Z'), utc('2026-07-15T00:00:00Z'))
  t.same(iso(found), [['2026-06-30T22:00:00.000Z', '2026-07-01T04:00:00.000Z']], 'the first Wednesday of July 2026 is the 1st: it starts in June in UTC')
})

t.test('the first and the last three Wednesdays of a month with four Wednesdays are all of them', async (t) => {
  const found = occurrences(rule(), utc('2026-02-01T00:00:00Z'), utc('2026-02-28T23:00:00Z'))
  t.same(found.map(({ start }) => localDateAndTime(start, PARIS).date), ['2026-02-04', '2026-02-11', '2026-02-18', '2026-02-25'])
})

t.test('the first and the last three Wednesdays of a month with five Wednesdays skip the second', async (t) => {
  const found = occurrences(rule(), utc('2026-03-31T22:00:00Z'), utc('2026-04-30T22:00:00Z'))
  t.same(found.map(({ start }) => localDateAndTime(start, PARIS).date), ['2026-04-01', '2026-04-15', '2026-04-22', '2026-04-29'])
})

t.test('a day picked twice by the rule (the second and the third-to-last of four) happens once', async (t) => {
  t.same(chosenDays(2026, 2, 3, [2, -3]), [11], 'February 2026 has four Wednesdays: the second is the third-to-last')
  const found = occurrences(rule({ month_weeks: '2,-3' }), utc('2026-02-01T00:00:00Z'), utc('2026-03-01T00:00:00Z'))
  t.equal(found.length, 1)
})

t.test('a range from December to January gives the occurrences of both years, in order', async (t) => {
  const found = occurrences(rule({ month_weeks: '1' }), utc('2026-12-01T00:00:00Z'), utc('2027-02-01T00:00:00Z'))
  t.same(iso(found), [
    ['2026-12-01T23:00:00.000Z', '2026-12-02T05:00:00.000Z'],
    ['2027-01-05T23:00:00.000Z', '2027-01-06T05:00:00.000Z'],
  ])
})

t.test('a window near midnight on the last day of a month runs into the next month and is found from either side', async (t) => {
  // The last Tuesday of March 2026 is the 31st: 23:30 for an hour, Paris summer time.
  const lastTuesday = rule({ weekday: 2, month_weeks: '-1', local_start: '23:30', duration_minutes: 60 })
  const expected = [['2026-03-31T21:30:00.000Z', '2026-03-31T22:30:00.000Z']]
  t.same(iso(occurrences(lastTuesday, utc('2026-03-15T00:00:00Z'), utc('2026-03-31T21:45:00Z'))), expected, 'from March')
  t.same(iso(occurrences(lastTuesday, utc('2026-03-31T22:00:00Z'), utc('2026-04-10T00:00:00Z'))), expected, 'from April 1st, 00:00 local: still running')
  t.same(iso(occurrences(lastTuesday, utc('2026-03-31T22:30:00Z'), utc('2026-04-10T00:00:00Z'))), [], 'ended when the range starts')
})

t.test('the first Wednesday of July starts on June 30 in UTC: a range ending before it excludes it', async (t) => {
  t.same(occurrences(rule({ month_weeks: '1' }), utc('2026-06-20T00:00:00Z'), utc('2026-06-30T22:00:00Z')), [])
})

t.test('on the spring-forward night (last Sunday of March) 00:00–06:00 local keeps its local end: 5 hours pass', async (t) => {
  const found = occurrences(rule({ weekday: 0, month_weeks: '-1' }), utc('2026-03-01T00:00:00Z'), utc('2026-04-01T00:00:00Z'))
  t.same(iso(found), [['2026-03-28T23:00:00.000Z', '2026-03-29T04:00:00.000Z']])
})

t.test('on the fall-back night (last Sunday of October) 00:00–06:00 local keeps its local end: 7 hours pass', async (t) => {
  const found = occurrences(rule({ weekday: 0, month_weeks: '-1' }), utc('2026-10-01T00:00:00Z'), utc('2026-11-01T00:00:00Z'))
  t.same(iso(found), [['2026-10-24T22:00:00.000Z', '2026-10-25T05:00:00.000Z']])
})

t.test('a local time the spring night skips lands just after the jump; one the autumn night repeats is its first', async (t) => {
  t.equal(wallTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, PARIS).toISOString(), '2026-03-29T01:30:00.000Z', '02:30 does not exist: 03:30 summer time')
  t.equal(wallTimeToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, PARIS).toISOString(), '2026-10-25T00:30:00.000Z', '02:30 summer time, the first of the two')
  t.equal(wallTimeToUtc({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }, PARIS).toISOString(), '2026-10-25T02:30:00.000Z', 'after the change: winter time')
})

t.test('local date and time typed in a form round-trip through UTC in winter and summer', async (t) => {
  t.equal(localToUtc('2026-01-15', '09:45', PARIS)?.toISOString(), '2026-01-15T08:45:00.000Z')
  t.equal(localToUtc('2026-08-15', '09:45', PARIS)?.toISOString(), '2026-08-15T07:45:00.000Z')
  t.same(localDateAndTime(utc('2026-08-15T07:45:00Z'), PARIS), { date: '2026-08-15', time: '09:45' })
  t.same(localDateAndTime(utc('2026-12-31T23:30:00Z'), PARIS), { date: '2027-01-01', time: '00:30' }, 'New Year in Paris, still December in UTC')
  t.equal(localToUtc('2026-02-30', '09:45', PARIS), undefined, 'no February 30th')
  t.equal(localToUtc('2026-02-10', '24:00', PARIS), undefined, 'no 24:00')
})

t.test('valid_from and valid_until bound the local dates of the occurrences, both included', async (t) => {
  const bounded = rule({ valid_from: '2026-02-11', valid_until: '2026-02-18' })
  const found = occurrences(bounded, utc('2026-01-01T00:00:00Z'), utc('2026-04-01T00:00:00Z'))
  t.same(iso(found), [
    ['2026-02-10T23:00:00.000Z', '2026-02-11T05:00:00.000Z'],
    ['2026-02-17T23:00:00.000Z', '2026-02-18T05:00:00.000Z'],
  ], 'the 11th starts on the 10th in UTC and is still in')
})

t.test('a cancelled window has no occurrence, recurring or one-off', async (t) => {
  const from = utc('2026-01-01T00:00:00Z')
  const to = utc('2026-12-31T00:00:00Z')
  t.same(occurrences(rule({ cancelled_at: '2025-12-01T00:00:00Z' }), from, to), [])
  t.same(occurrences(once('2026-05-01T20:00:00Z', '2026-05-01T23:00:00Z', { cancelled_at: '2026-04-01T00:00:00Z' }), from, to), [])
})

t.test('a one-off window is found when it overlaps the range, including one still running at its start', async (t) => {
  const window = once('2026-05-01T20:00:00Z', '2026-05-02T02:00:00Z')
  t.equal(occurrences(window, utc('2026-04-01T00:00:00Z'), utc('2026-06-01T00:00:00Z')).length, 1, 'inside')
  t.equal(occurrences(window, utc('2026-05-01T23:00:00Z'), utc('2026-06-01T00:00:00Z')).length, 1, 'still running')
  t.equal(occurrences(window, utc('2026-05-02T02:00:00Z'), utc('2026-06-01T00:00:00Z')).length, 0, 'over')
  t.equal(occurrences(window, utc('2026-04-01T00:00:00Z'), utc('2026-05-01T20:00:00Z')).length, 0, 'not started by the end of the range')
})

t.test('a recurring occurrence that started before the range and is still running is included', async (t) => {
  const found = occurrences(rule({ month_weeks: '1' }), utc('2026-01-07T03:00:00Z'), utc('2026-01-08T00:00:00Z'))
  t.same(iso(found), [['2026-01-06T23:00:00.000Z', '2026-01-07T05:00:00.000Z']])
})

t.test('a rule without weeks, with an impossible weekday or start gives nothing; unknown weeks are ignored', async (t) => {
  const from = utc('2026-01-01T00:00:00Z')
  const to = utc('2026-03-01T00:00:00Z')
  t.same(occurrences(rule({ month_weeks: '' }), from, to), [])
  t.same(occurrences(rule({ weekday: 7 }), from, to), [])
  t.same(occurrences(rule({ local_start: '25:00' }), from, to), [])
  t.same(parseMonthWeeks('1, 5,-4,x,-1,1'), [1, -1])
})
