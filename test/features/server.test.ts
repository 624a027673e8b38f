// The process itself: start, first-start demo data, graceful stop, and the
// clear one-line refusals for a wrong configuration or database.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { spawnPortal } from '../helpers/instances.js'

t.test('first start migrates, seeds the demo data and prints the logins; SIGTERM exits 0', async (t) => {
  const dir = t.testdir()
  const server = spawnPortal({ DATABASE_URL: `sqlite:${dir}/portal.db` })
  const url = await server.listening
  const ready = await fetch(`${url}/readyz`)
  t.equal(ready.status, 200)
  const login = await fetch(`${url}/login`)
  t.equal(login.status, 200)
  server.child.kill('SIGTERM')
  const run = await server.exited
  t.equal(run.code, 0, 'a graceful stop exits 0')
  t.match(run.stdout, 'alice.martin')
  t.match(run.stdout, 'CloudDemo#2026')
  t.match(run.stdout, 'shutting down')
})

t.test('a wrong setting stops the process with one line naming the variable', async (t) => {
  const server = spawnPortal({ PORT: 'eighty' })
  const run = await server.exited
  t.equal(run.code, 1)
  t.equal(run.stderr.trim(), 'configuration error: PORT: expected a whole number, got "eighty"')
})

t.test('a database that cannot be opened stops the process with a clear line', async (t) => {
  const dir = t.testdir({ 'a-file': 'not a folder' })
  const server = spawnPortal({ DATABASE_URL: `sqlite:${dir}/a-file/portal.db`, SESSION_SECRET: 'x'.repeat(32) })
  const run = await server.exited
  t.not(run.code, 0)
  t.match(run.stderr, /^database error: cannot open the database at .*a-file\/portal.db/)
})

t.test('closing the app finishes the requests in flight before it stops', async (t) => {
  let arrived: () => void = () => {}
  const inHandler = new Promise<void>((resolve) => (arrived = resolve))
  let release: () => void = () => {}
  const app = await buildTestApp(t, {
    extraRoutes: async (app) => {
      app.get('/slow', { config: { public: true } }, async () => {
        arrived()
        await new Promise<void>((resolve) => (release = resolve))
        return 'finished'
      })
    },
  })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const inFlight = fetch(`${address}/slow`).then((response) => response.text())
  await inHandler
  const closed = app.close()
  release()
  t.equal(await inFlight, 'finished')
  await closed
})
