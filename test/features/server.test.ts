// The process itself: start, first-start demo data, graceful stop, and the
// clear one-line refusals for a wrong configuration or database.
import t from 'tap'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { buildTestApp } from '../helpers/app.js'
import { ROOT } from '../../src/lib/paths.js'

interface Run { code: number | null; stdout: string; stderr: string }

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited: Promise<Run> = once(child, 'exit').then(([code]) => ({ code: code as number | null, stdout, stderr }))
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)
      if (match?.[1]) resolve(match[1])
    })
    exited.then((run) => reject(new Error(`exited ${run.code}: ${run.stderr}`)))
  })
  listening.catch(() => {}) // a test that expects the process to fail reads `exited` instead
  return { child, exited, listening }
}

t.test('first start migrates, seeds the demo data and prints the logins; SIGTERM exits 0', async (t) => {
  const dir = t.testdir()
  const server = startServer({ DATABASE_URL: `sqlite:${dir}/portal.db` })
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
  const server = startServer({ PORT: 'eighty' })
  const run = await server.exited
  t.equal(run.code, 1)
  t.equal(run.stderr.trim(), 'configuration error: PORT: expected a whole number, got "eighty"')
})

t.test('a database that cannot be opened stops the process with a clear line', async (t) => {
  const dir = t.testdir({ 'a-file': 'not a folder' })
  const server = startServer({ DATABASE_URL: `sqlite:${dir}/a-file/portal.db`, SESSION_SECRET: 'x'.repeat(32) })
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
