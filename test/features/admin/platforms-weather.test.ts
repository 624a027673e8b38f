// A platform's status now (the weather), from its open incidents and maintenance occurrences.
import t from 'tap'
import { platformWeather } from '../../../src/features/admin/platforms/weather.js'

const now = new Date('2026-05-10T12:00:00Z')
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000)
const window = (fromHours: number, toHours: number) => ({ start: hours(fromHours), end: hours(toHours) })

t.test('no incident and no maintenance within 24 hours is sunny', async (t) => {
  t.equal(platformWeather({ openIncidents: [], occurrences: [window(25, 30), window(-10, -5)] }, now), 'sunny')
})

t.test('a maintenance in progress is cloudy', async (t) => {
  t.equal(platformWeather({ openIncidents: [], occurrences: [window(-1, 2)] }, now), 'cloudy')
})

t.test('a maintenance starting within 24 hours is cloudy; one that just ended is not', async (t) => {
  t.equal(platformWeather({ openIncidents: [], occurrences: [window(23.5, 30)] }, now), 'cloudy')
  t.equal(platformWeather({ openIncidents: [], occurrences: [window(-3, 0)] }, now), 'sunny')
})

t.test('an open degraded incident is rainy, even during a maintenance', async (t) => {
  t.equal(platformWeather({ openIncidents: [{ severity: 'degraded' }], occurrences: [window(-1, 2)] }, now), 'rainy')
})

t.test('an open major incident is stormy: the worst wins', async (t) => {
  t.equal(platformWeather({ openIncidents: [{ severity: 'degraded' }, { severity: 'major' }], occurrences: [window(-1, 2)] }, now), 'stormy')
})
