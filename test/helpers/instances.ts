// Real portal processes (`node --import tsx src/server.ts`) for tests of
// several instances on one database, and a browser-like HTTP client whose
// cookies go to every instance, as a browser's would behind a load balancer.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { ROOT } from '../../src/lib/paths.js'

interface Teardown {
  teardown(fn: () => unknown): void
}

export interface LogLine {
  level: number
  msg: string
  [field: string]: unknown
}

export interface Instance {
  /** http://127.0.0.1:<port> */
  url: string
  pid: number
  /** The JSON log lines printed so far. */
  logs(): LogLine[]
  /** Waits until `condition` holds on the log lines printed so far. */
  waitForLogs(condition: (lines: LogLine[]) => boolean, timeoutMs?: number): Promise<void>
}

const STOP_TIMEOUT_MS = 10_000

export interface Run { code: number | null; stdout: string; stderr: string }

export interface PortalProcess {
  child: ChildProcess
  /** What the process printed, once it has exited. */
  exited: Promise<Run>
  /** Its URL once it listens; rejects if it exits first. */
  listening: Promise<string>
  stdout(): string
}

/** Spawns `node --import tsx src/server.ts` with only `env` (and PATH, HOME, PORT=0); the caller stops it. */
export function spawnPortal(env: Record<string, string>): PortalProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk) => (stdout += chunk))
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const exited: Promise<Run> = once(child, 'exit').then(([code]) => ({ code: code as number | null, stdout, stderr }))
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)
      if (match?.[1]) resolve(match[1])
    })
    exited.then((run) => reject(new Error(`the portal exited ${run.code}: ${run.stderr}${run.stdout}`)))
  })
  listening.catch(() => {}) // a test that expects the process to fail reads `exited` instead
  return { child, exited, listening, stdout: () => stdout }
}

/** Starts a portal process with `env` (PORT=0) and waits until it listens; SIGTERM and wait for its exit at teardown. */
export async function startInstance(t: Teardown, env: Record<string, string>): Promise<Instance> {
  const portal = spawnPortal(env)
  t.teardown(() => stop(portal))
  const url = await portal.listening
  const logs = () => parseLogLines(portal.stdout())
  return {
    url,
    pid: portal.child.pid!,
    logs,
    waitForLogs: (condition, timeoutMs = 20_000) => waitFor(() => condition(logs()), timeoutMs, () => `log lines:\n${portal.stdout()}`),
  }
}

async function stop({ child, exited }: PortalProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}

// pino prints one JSON object a line; the demo accounts' listing is plain text.
function parseLogLines(stdout: string): LogLine[] {
  return stdout.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return []
    try {
      return [JSON.parse(line) as LogLine]
    } catch {
      return [] // a line still being written
    }
  })
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms. ${describe()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export interface HttpResponse {
  status: number
  location: string | null
  body: string
}

/** A browser over real HTTP: one cookie jar for every instance (cookies ignore ports), forms posted urlencoded with the CSRF token of the last page. */
export class HttpClient {
  private cookies = new Map<string, string>()
  lastHtml = ''

  async get(url: string): Promise<HttpResponse> {
    return this.keep(await fetch(url, { redirect: 'manual', headers: { cookie: this.cookieHeader() } }))
  }

  /** Posts a form; `_csrf` is the last page's unless given. Does not keep the answer as the last page when `keepPage` is false (concurrent posts). */
  async post(url: string, fields: Record<string, string>, keepPage = true): Promise<HttpResponse> {
    const form = new URLSearchParams({ _csrf: this.csrfToken(), ...fields })
    const response = await fetch(url, {
      method: 'POST', redirect: 'manual', body: form.toString(),
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    })
    return keepPage ? this.keep(response) : { status: response.status, location: response.headers.get('location'), body: await response.text() }
  }

  csrfToken(): string {
    return this.field('_csrf')
  }

  /** The value of hidden field `name` on the last page. */
  field(name: string): string {
    const match = new RegExp(`name="${name}" value="([^"]+)"`).exec(this.lastHtml)
    if (!match?.[1]) throw new Error(`no ${name} field on the last page`)
    return match[1]
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name)
  }

  private async keep(response: Response): Promise<HttpResponse> {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';')
      const name = pair.slice(0, pair.indexOf('=')).trim()
      const value = pair.slice(pair.indexOf('=') + 1).trim()
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || (/^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1]!) < Date.now()))
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    const body = await response.text()
    if ((response.headers.get('content-type') ?? '').startsWith('text/html')) this.lastHtml = body
    return { status: response.status, location: response.headers.get('location'), body }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}
