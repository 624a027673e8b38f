// npm run load:orders [-- --tokens 400 --concurrency 32 --kill-at 0.4 --sessions 4 --seed 1]
//
// The order load test of issue 9 ("Reliability"), bounded and on loopback:
// start the portal on a fresh SQLite file, show N order forms (N one-time
// tokens), POST each token twice at once from several sessions (the second a
// replay, shuffled, some pairs side by side), SIGKILL the portal mid-run,
// restart it on the same file, re-send what was lost or never sent (a client
// retrying after a crash) and replay every token once more. Then check, over
// HTTP and in the database file itself, that each token made exactly one order
// and that every acknowledged order is there, whole. Prints the figures; exits
// 1 on any violation. Every process started here is stopped and the temporary
// folder removed, whatever happens. The figures are recorded in docs/reliability.md.
import SQLite from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DEMO_PASSWORD } from './seed-demo.js'
import { logIn } from './bench/login.js'
import { freePort, spawnTracked, stop, stopAll, waitUntilReady, type Tracked } from './bench/processes.js'

const ROOT = join(import.meta.dirname, '..')
const HOST = '127.0.0.1'
// A simple free service every FE contract is sold, ordered on Banque du Rivage's contract.
const SERVICE = 'cloud-alliance-regions'
const CONTRACT = 'OCB0000301'
const ORDER_FIELDS = { regions: 'americas', contact_name: 'Load Test', contact_email: 'load.test@example.com', contact_phone: '+33 1 23 45 67 89' }
// The referent and a services manager of that contract: two people, several sessions each.
const ORDERERS = ['helene.fabre', 'gabriel.roux']
const TIMEOUT_MS = 20_000
// After the restart a POST may meet a socket the kill closed: a client retries.
const ATTEMPTS_AFTER_RESTART = 3

export interface LoadOptions {
  tokens: number
  concurrency: number
  /** Share of the first round's POSTs acknowledged when the portal is killed. */
  killAt: number
  sessions: number
  seed: number
}

export const DEFAULT_OPTIONS: LoadOptions = { tokens: 400, concurrency: 32, killAt: 0.4, sessions: 4, seed: 1 }

interface Session { login: string; cookie: string }
interface Form { token: string; csrf: string; session: Session }

/** What the client saw for one token: every REQ number it was answered. */
interface Ledger { form: Form; acks: string[] }

type Outcome =
  | { kind: 'ack'; requestNumber: string; ms: number }
  | { kind: 'failed'; error: string }
  | { kind: 'unexpected'; status: number; location: string | null }

interface Phase { sent: number; acked: number; failed: number; latencies: number[]; seconds: number }

export interface LoadResult {
  options: LoadOptions
  postsSent: number
  acknowledged: number
  replaysWithFirstOrder: number
  failedByKill: number
  /** Of the POSTs the kill cut, those whose order was committed anyway (the retry found it). */
  committedUnanswered: number
  notSentBeforeKill: number
  retriedAfterRestart: number
  ordersInDatabase: number
  restartSeconds: number
  before: Phase
  after: Phase
  elapsedSeconds: number
  violations: string[]
}

class Portal {
  tracked?: Tracked
  constructor(readonly databasePath: string, readonly port: number, private readonly secret: string) {}

  get baseUrl() { return `http://${HOST}:${this.port}` }

  /** The server from its sources (tsx), as production runs it; the demo data seeded on the first start. */
  async start(): Promise<number> {
    const started = performance.now()
    this.tracked = spawnTracked('portal', process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: ROOT,
      env: {
        ...process.env, NODE_ENV: 'production', SEED_DEMO: 'true', SESSION_SECRET: this.secret, HOST, PORT: String(this.port),
        DATABASE_URL: `sqlite:${this.databasePath}`, LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_IP: '10000', LOGIN_RATE_LIMIT_PER_LOGIN: '10000',
      },
    })
    await waitUntilReady(this.tracked, `${this.baseUrl}/readyz`, 60_000)
    return (performance.now() - started) / 1000
  }

  /** SIGKILL to the whole process group: no shutdown hook, no database close. */
  async kill(): Promise<void> {
    try {
      process.kill(-this.tracked!.child.pid!, 'SIGKILL')
    } catch {
      // Already gone.
    }
    await this.tracked!.exited
  }
}

export async function runOrderLoad(options: LoadOptions, log: (line: string) => void = () => {}): Promise<LoadResult> {
  const workDir = mkdtempSync(join(tmpdir(), 'ccs-order-load-'))
  const portal = new Portal(join(workDir, 'orders.db'), await freePort(), randomBytes(32).toString('hex'))
  try {
    return await load(portal, options, log)
  } catch (error) {
    // The portal's own last lines usually say why (a 500's stack, a failed start).
    const output = portal.tracked?.output.join('\n') ?? ''
    throw new Error(`${(error as Error).message}${output ? `\nthe portal logged (last lines):\n${output}` : ''}`, { cause: error })
  } finally {
    await stopAll()
    rmSync(workDir, { recursive: true, force: true })
  }
}

async function load(portal: Portal, options: LoadOptions, log: (line: string) => void): Promise<LoadResult> {
  const started = performance.now()
  log(`start the portal on ${portal.databasePath}`)
  await portal.start()
  const baseline = countRows(portal.databasePath)
  const sessions = await openSessions(portal.baseUrl, options.sessions)
  log(`${sessions.length} sessions (${ORDERERS.join(', ')}); show ${options.tokens} order forms`)
  const ledger = new Map<string, Ledger>()
  for (const form of await showForms(portal.baseUrl, sessions, options)) ledger.set(form.token, { form, acks: [] })
  const round = plan([...ledger.values()].map((entry) => entry.form), mulberry32(options.seed))
  const killAfter = Math.ceil(round.length * options.killAt)
  log(`round 1: ${round.length} POSTs, ${options.concurrency} in flight, SIGKILL after ${killAfter} acknowledged`)
  const first = await firstRound(portal, round, killAfter, ledger, options.concurrency)
  log(`killed: ${first.phase.failed} POSTs in flight failed, ${first.notSent.length} not sent yet; restart`)
  const restartedAt = new Date().toISOString()
  const restartSeconds = await portal.start()
  const retries = [...first.lost, ...first.notSent]
  const replays = [...ledger.values()].map((entry) => entry.form)
  log(`round 2: re-send ${retries.length} lost or unsent POSTs, then replay all ${replays.length} tokens`)
  const after = await afterRestart(portal.baseUrl, [retries, replays], ledger, options.concurrency)
  const violations = [...first.violations, ...after.violations, ...await checkOverHttp(portal.baseUrl, ledger, options.concurrency)]
  await stop(portal.tracked!)
  const database = checkDatabase(portal.databasePath, ledger, baseline)
  const committedUnanswered = countCommittedBefore(portal.databasePath, first.lost, restartedAt)
  violations.push(...database.violations)
  const acks = [...ledger.values()].reduce((sum, entry) => sum + entry.acks.length, 0)
  return {
    options, postsSent: first.phase.sent + after.phase.sent, acknowledged: acks, replaysWithFirstOrder: countReplaysWithFirstOrder(ledger),
    failedByKill: first.phase.failed, committedUnanswered, notSentBeforeKill: first.notSent.length, retriedAfterRestart: after.retried,
    ordersInDatabase: database.orders, restartSeconds, before: first.phase, after: after.phase,
    elapsedSeconds: (performance.now() - started) / 1000, violations,
  }
}

// Several sessions per person, each through the real login form.
async function openSessions(baseUrl: string, count: number): Promise<Session[]> {
  const logins = Array.from({ length: count }, (_, i) => ORDERERS[i % ORDERERS.length]!)
  const visitors = await Promise.all(logins.map((login) => logIn(baseUrl, login, DEMO_PASSWORD, { contracts: false })))
  return visitors.map((visitor) => ({ login: visitor.login!, cookie: visitor.cookie! }))
}

// One form per token, as a browser shows them. A session's first form is
// fetched alone: it may create the session's CSRF secret, which concurrent
// first requests would each create and overwrite.
async function showForms(baseUrl: string, sessions: Session[], options: LoadOptions): Promise<Form[]> {
  const forms: Form[] = []
  for (const session of sessions) forms.push(await showForm(baseUrl, session))
  const rest = Array.from({ length: options.tokens - forms.length }, (_, i) => sessions[i % sessions.length]!)
  await inPool(rest, options.concurrency, async (session) => void forms.push(await showForm(baseUrl, session)))
  return forms
}

async function showForm(baseUrl: string, session: Session): Promise<Form> {
  const path = `/catalog/${SERVICE}/order?contract=${CONTRACT}`
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie }, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) })
  const html = await response.text()
  const token = inputValue(html, 'order_token')
  const csrf = inputValue(html, '_csrf')
  if (response.status !== 200 || !token || !csrf) {
    throw new Error(`GET ${path} as ${session.login}: expected 200 with order_token and _csrf fields, got ${response.status}`)
  }
  return { token, csrf, session }
}

/** Each token twice, shuffled; one token in four has its two POSTs side by side, so that they race. */
function plan(forms: Form[], random: () => number): Form[] {
  const units = forms.flatMap((form) => (random() < 0.25 ? [[form, form]] : [[form], [form]]))
  return shuffle(units, random).flat()
}

async function firstRound(portal: Portal, round: Form[], killAfter: number, ledger: Map<string, Ledger>, concurrency: number) {
  const phase: Phase = { sent: 0, acked: 0, failed: 0, latencies: [], seconds: 0 }
  const lost: Form[] = []
  const violations: string[] = []
  let killed: Promise<void> | undefined
  const started = performance.now()
  const notSent = await inPool(round, concurrency, async (form) => {
    phase.sent += 1
    const outcome = await postOrder(portal.baseUrl, form)
    if (outcome.kind === 'failed' && killed) {
      phase.failed += 1
      lost.push(form)
      return
    }
    record(outcome, form, ledger, phase, violations)
    if (outcome.kind === 'ack' && phase.acked >= killAfter && !killed) {
      phase.seconds = (performance.now() - started) / 1000
      killed = portal.kill()
    }
  }, () => killed !== undefined)
  if (!killed) {
    // Too few acknowledgements to reach the kill point: still kill, and say so.
    violations.push(`only ${phase.acked} POSTs acknowledged, the kill point was ${killAfter}`)
    phase.seconds = (performance.now() - started) / 1000
    killed = portal.kill()
  }
  await killed
  return { phase, lost, notSent, violations }
}

// Lost or unsent POSTs first, then one replay of every token, each round to
// its end before the next.
async function afterRestart(baseUrl: string, rounds: Form[][], ledger: Map<string, Ledger>, concurrency: number) {
  const phase: Phase = { sent: 0, acked: 0, failed: 0, latencies: [], seconds: 0 }
  const violations: string[] = []
  let retried = 0
  const started = performance.now()
  for (const round of rounds) {
    await inPool(round, concurrency, async (form) => {
      let outcome: Outcome = { kind: 'failed', error: 'not sent' }
      for (let attempt = 1; attempt <= ATTEMPTS_AFTER_RESTART && outcome.kind !== 'ack'; attempt++) {
        if (attempt > 1) retried += 1
        phase.sent += 1
        outcome = await postOrder(baseUrl, form)
        if (outcome.kind === 'unexpected') break
      }
      record(outcome, form, ledger, phase, violations)
    })
  }
  phase.seconds = (performance.now() - started) / 1000
  return { phase, retried, violations }
}

function record(outcome: Outcome, form: Form, ledger: Map<string, Ledger>, phase: Phase, violations: string[]) {
  if (outcome.kind === 'ack') {
    phase.acked += 1
    phase.latencies.push(outcome.ms)
    ledger.get(form.token)!.acks.push(outcome.requestNumber)
  } else if (outcome.kind === 'failed') {
    violations.push(`token ${form.token.slice(0, 12)}…: the POST failed with the portal running (${outcome.error})`)
  } else {
    violations.push(`token ${form.token.slice(0, 12)}…: answered ${outcome.status} ${outcome.location ?? ''}, expected 303 to /requests/REQ-…`)
  }
}

async function postOrder(baseUrl: string, form: Form): Promise<Outcome> {
  const started = performance.now()
  try {
    const response = await fetch(`${baseUrl}/catalog/${SERVICE}/order`, {
      method: 'POST', redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.session.cookie },
      body: new URLSearchParams({ _csrf: form.csrf, contract: CONTRACT, order_token: form.token, ...ORDER_FIELDS }).toString(),
    })
    await response.arrayBuffer()
    const location = response.headers.get('location')
    const number = /^\/requests\/(REQ-\d{6,})$/.exec(location ?? '')?.[1]
    if (response.status !== 303 || !number) return { kind: 'unexpected', status: response.status, location }
    return { kind: 'ack', requestNumber: number, ms: performance.now() - started }
  } catch (error) {
    return { kind: 'failed', error: (error as Error).cause ? String((error as Error).cause) : String(error) }
  }
}

/** Every acknowledged order is a page its orderer opens. */
async function checkOverHttp(baseUrl: string, ledger: Map<string, Ledger>, concurrency: number): Promise<string[]> {
  const violations: string[] = []
  const firsts = [...ledger.values()].filter((entry) => entry.acks.length > 0)
  await inPool(firsts, concurrency, async ({ form, acks }) => {
    const response = await fetch(`${baseUrl}/requests/${acks[0]}`, { headers: { cookie: form.session.cookie }, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) })
    const html = await response.text()
    if (response.status !== 200 || !html.includes(acks[0]!)) violations.push(`GET /requests/${acks[0]} as ${form.session.login}: ${response.status}`)
  })
  return violations
}

interface Counts { maxRequestId: number; orders: number; audits: number; emails: number; notifications: number }

function countRows(databasePath: string): Counts {
  const db = new SQLite(databasePath, { readonly: true, fileMustExist: true })
  try {
    const count = (query: string) => (db.prepare(query).pluck().get() as number | null) ?? 0
    return {
      maxRequestId: count('SELECT max(id) FROM requests'),
      orders: count('SELECT count(*) FROM orders'),
      audits: count("SELECT count(*) FROM audit_log WHERE action = 'order.placed'"),
      emails: count("SELECT count(*) FROM outbox WHERE template = 'order_confirmation'"),
      notifications: count("SELECT count(*) FROM notifications WHERE kind = 'order_placed'"),
    }
  } finally {
    db.close()
  }
}

// In the file itself, the portal stopped: one order per token, the one every
// answer named, and each new order whole (its request, audit row, email and
// notification, all from one transaction).
function checkDatabase(databasePath: string, ledger: Map<string, Ledger>, baseline: Counts) {
  const violations: string[] = []
  const db = new SQLite(databasePath, { readonly: true, fileMustExist: true })
  try {
    const orderOf = db.prepare('SELECT o.request_id AS id, r.type AS type FROM orders o LEFT JOIN requests r ON r.id = o.request_id WHERE o.order_token = ?')
    let tokensWithOrder = 0
    for (const [token, { acks }] of ledger) {
      const rows = orderOf.all(token) as Array<{ id: number; type: string | null }>
      if (rows.length > 0) tokensWithOrder += 1
      const expected = acks[0]
      const found = rows[0] ? `REQ-${String(rows[0].id).padStart(6, '0')}` : undefined
      if (acks.some((number) => number !== expected)) violations.push(`token ${token.slice(0, 12)}…: answered with several orders (${[...new Set(acks)].join(', ')})`)
      if (expected && found !== expected) violations.push(`token ${token.slice(0, 12)}…: acknowledged ${expected}, the database has ${found ?? 'no order'}`)
      if (rows[0] && rows[0].type !== 'order') violations.push(`${found}: its request is ${rows[0].type ?? 'missing'}, not an order`)
    }
    const acknowledgedTokens = [...ledger.values()].filter((entry) => entry.acks.length > 0).length
    if (tokensWithOrder !== acknowledgedTokens) violations.push(`${tokensWithOrder} tokens have an order, ${acknowledgedTokens} were acknowledged`)
    const now = countRows(databasePath)
    const newOrderRequests = db.prepare("SELECT count(*) FROM requests WHERE type = 'order' AND id > ?").pluck().get(baseline.maxRequestId) as number
    const made = { orders: now.orders - baseline.orders, requests: newOrderRequests, audits: now.audits - baseline.audits, emails: now.emails - baseline.emails, notifications: now.notifications - baseline.notifications }
    for (const [what, count] of Object.entries(made)) {
      if (count !== tokensWithOrder) violations.push(`${count} new ${what} for ${tokensWithOrder} orders (half-written orders?)`)
    }
    return { violations, orders: made.orders }
  } finally {
    db.close()
  }
}

// Nothing ran between the kill and the restart: an order created before the
// restart began was committed by the killed process.
function countCommittedBefore(databasePath: string, lost: Form[], restartedAt: string): number {
  const db = new SQLite(databasePath, { readonly: true, fileMustExist: true })
  try {
    const before = db.prepare('SELECT count(*) FROM orders WHERE order_token = ? AND created_at < ?').pluck()
    return [...new Set(lost.map((form) => form.token))].filter((token) => (before.get(token, restartedAt) as number) > 0).length
  } finally {
    db.close()
  }
}

function countReplaysWithFirstOrder(ledger: Map<string, Ledger>): number {
  return [...ledger.values()].reduce((sum, { acks }) => sum + acks.slice(1).filter((number) => number === acks[0]).length, 0)
}

/** Runs `work` on the items, `concurrency` at a time, until `stopped()`; returns the items never started. */
async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>, stopped: () => boolean = () => false): Promise<T[]> {
  let next = 0
  const worker = async () => {
    while (next < items.length && !stopped()) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return items.slice(next)
}

function inputValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0]
  const value = input && /value="([^"]*)"/.exec(input)?.[1]
  return value?.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

// A seeded generator: the same --seed gives the same order of POSTs.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export function summary(result: LoadResult): string {
  const rate = (phase: Phase) => (phase.seconds > 0 ? (phase.acked / phase.seconds).toFixed(0) : '–')
  const latency = (phase: Phase) => `${percentile(phase.latencies, 50).toFixed(0)} / ${percentile(phase.latencies, 95).toFixed(0)} ms`
  const { options: o } = result
  const rows: Array<[string, string | number]> = [
    ['tokens (order forms shown)', o.tokens],
    ['sessions / POSTs in flight', `${o.sessions} / ${o.concurrency}`],
    ['POSTs sent', result.postsSent],
    ['acknowledged (303 to the order)', result.acknowledged],
    ['replays answered with the first order', result.replaysWithFirstOrder],
    ['failed by the SIGKILL (in flight)', result.failedByKill],
    ['  of which committed, answer lost (tokens)', result.committedUnanswered],
    ['not sent before the kill', result.notSentBeforeKill],
    ['retried after the restart (closed socket)', result.retriedAfterRestart],
    ['orders in the database', result.ordersInDatabase],
    ['violations', result.violations.length],
    ['restart after SIGKILL', `${result.restartSeconds.toFixed(1)} s`],
    ['elapsed', `${result.elapsedSeconds.toFixed(1)} s`],
    ['POSTs/s before the kill / after the restart', `${rate(result.before)} / ${rate(result.after)}`],
    ['p50 / p95 latency before the kill', latency(result.before)],
    ['p50 / p95 latency after the restart', latency(result.after)],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')
}

function parseOptions(args: string[]): LoadOptions {
  const options = { ...DEFAULT_OPTIONS }
  for (let i = 0; i < args.length; i += 2) {
    const key = ({ '--tokens': 'tokens', '--concurrency': 'concurrency', '--kill-at': 'killAt', '--sessions': 'sessions', '--seed': 'seed' } as const)[args[i]!]
    const value = Number(args[i + 1])
    if (!key || !Number.isFinite(value) || value <= 0) throw new Error(`unknown option or bad value: ${args[i]} ${args[i + 1] ?? ''}\nusage: npm run load:orders -- [--tokens 400] [--concurrency 32] [--kill-at 0.4] [--sessions 4] [--seed 1]`)
    options[key] = value
  }
  if (options.killAt >= 1 || options.tokens < options.sessions) throw new Error('--kill-at must be below 1 and --tokens at least --sessions')
  return options
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().then(() => process.exit(130)))
  const cpu = cpus()
  console.log(`order load test on ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), node ${process.version}`)
  const result = await runOrderLoad(options, (line) => console.log(`• ${line}`))
  console.log(`\n${summary(result)}\n`)
  for (const violation of result.violations.slice(0, 50)) console.log(`VIOLATION ${violation}`)
  process.exitCode = result.violations.length === 0 ? 0 : 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    await stopAll()
    process.exit(1)
  })
}
