import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { Client } from '../helpers/client.js'

t.test('an unknown page answers a localized 404', async (t) => {
  const app = await buildTestApp(t)
  const en = await app.inject('/no/such/page')
  t.equal(en.statusCode, 404)
  t.match(en.body, 'Page not found')
  const fr = await app.inject({ url: '/no/such/page', headers: { 'accept-language': 'fr' } })
  t.match(fr.body, 'Page introuvable')
})

t.test('an unexpected error shows an error id that is in the log, never the details', async (t) => {
  const lines: string[] = []
  const app = await buildTestApp(t, {
    config: { logLevel: 'error' },
    logStream: { write: (line: string) => void lines.push(line) },
    extraRoutes: async (app) => {
      app.get('/explode', { config: { public: true } }, async () => {
        throw new Error('secret internal detail')
      })
    },
  })
  const response = await app.inject('/explode')
  t.equal(response.statusCode, 500)
  t.notMatch(response.body, 'secret internal detail')
  const errorId = /<code class="error-id">([^<]+)<\/code>/.exec(response.body)?.[1]
  t.ok(errorId, 'the page shows an error id')
  const logged = lines.map((line) => JSON.parse(line)).find((entry) => entry.errorId === errorId)
  t.ok(logged, 'the same id is in the log')
  t.match(logged.err.message, 'secret internal detail')
})

t.test('a body over the limit is refused with 413 and a localized page', async (t) => {
  const app = await buildTestApp(t, { config: { bodyLimitBytes: 1024 * 1024 } })
  const response = await app.inject({
    method: 'POST', url: '/login', payload: `login=${'a'.repeat(2 * 1024 * 1024)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  t.equal(response.statusCode, 413)
  t.match(response.body, 'Too much data')
})

t.test('a field sent twice is a 400 with a localized page, not a guess', async (t) => {
  const app = await buildTestApp(t)
  const client = new Client(app)
  await client.get('/login')
  const response = await client.post('/login', { login: ['a.login1', 'b.login2'], password: 'x' })
  t.equal(response.statusCode, 400)
  t.match(response.body, 'Request not understood')
})

t.test('health: /healthz says the process is up, /readyz that the database answers', async (t) => {
  const app = await buildTestApp(t)
  t.same((await app.inject('/healthz')).json(), { status: 'ok' })
  t.same((await app.inject('/readyz')).json(), { status: 'ready' })
  await app.db.destroy()
  const down = await app.inject('/readyz')
  t.equal(down.statusCode, 503)
})

t.test('static files are served, and nothing outside public/', async (t) => {
  const app = await buildTestApp(t)
  const css = await app.inject('/public/css/portal.css')
  t.equal(css.statusCode, 200)
  t.match(String(css.headers['content-type']), 'text/css')
  const escape = await app.inject('/public/..%2f..%2fpackage.json')
  t.equal(escape.statusCode, 404)
})
