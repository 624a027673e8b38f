// npm run bench [-- --scale N …]: build, seed a large data set in a temporary
// SQLite file (or, with --database postgres://…, in a database of its own on
// that PostgreSQL server), start the portal as in production, log users in
// through the login form, drive every page of PAGES (pages.ts) with
// autocannon, measure a bare Fastify + Eta ceiling in the same run, then print
// and save the table. Speed is reported, never asserted. Every process started
// here is stopped, the temporary folder removed and the PostgreSQL database
// dropped, whatever happens.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_PASSWORD } from '../seed-demo.js'
import { anonymousVisitor, logIn, logInStaff } from './login.js'
import { measure, type Measurement, type Settings, type Target } from './measure.js'
import { parseOptions, USAGE, type Options } from './options.js'
import { benchDatabaseOn } from './postgres.js'
import { CEILING_SIZE_FROM, CEILINGS, PAGES, VISITORS, type Page, type Visitor, type VisitorGroup } from './pages.js'
import { freePort, runToEnd, spawnTracked, stop, stopAll, waitUntilReady, type Tracked } from './processes.js'
import { formatHotspots, summarizeProfile } from './profile.js'
import { textTable, writeResults, type Report, type Row } from './report.js'

const ROOT = join(import.meta.dirname, '..', '..')
const RESULTS_DIR = join(ROOT, 'bench', 'results')
const PROFILES_DIR = join(RESULTS_DIR, 'profiles')
const HOST = '127.0.0.1'
// High enough that the bench's own logins are never throttled (the maximum config.ts accepts).
const LOGIN_LIMIT = '10000'
const BUSY_WARNING_PERCENT = 10

async function main() {
  const options = parseOptions(process.argv.slice(2))
  if (options === 'help') return console.log(USAGE)
  const pages = selectPages(options.pages)
  const workDir = mkdtempSync(join(tmpdir(), 'ccs-bench-'))
  const postgres = options.database === undefined ? undefined : benchDatabaseOn(options.database)
  const cleanUp = once(async () => {
    await stopAll()
    rmSync(workDir, { recursive: true, force: true })
    if (postgres) await postgres.drop().then(() => log(`dropped database ${postgres.name}`), (error: unknown) =>
      log(`could not drop database ${postgres.name} (drop it by hand): ${error instanceof Error ? error.message : String(error)}`))
  })
  stopEverythingOnSignal(cleanUp)
  try {
    if (options.build) await step('build', () => runToEnd('build', 'npm', ['run', 'build', '--silent'], { cwd: ROOT }))
    if (postgres) await step(`create database ${postgres.name} on ${postgres.server}`, () => postgres.create(options.pgSettings))
    const databaseUrl = postgres ? postgres.url : `sqlite:${join(workDir, 'bench.db')}`
    const pgSettings = options.pgSettings.map((setting) => `, ${setting.name} = ${setting.value}`).join('')
    const database = postgres ? `${postgres.description()}, pool of ${process.env.DATABASE_POOL_SIZE ?? 10}${pgSettings}` : 'SQLite'
    log(`  database: ${database}`)
    const seedSeconds = await step(`seed --scale ${options.scale}`, () => seed(databaseUrl, options.scale))
    log(`  seeded in ${seedSeconds.toFixed(1)} s`)
    const portal = await step('start the portal', () => startPortal(databaseUrl, options.cpuProf))
    const visitors = await step('log in', () => logInGroups(portal.baseUrl, pages))
    const settings: Settings = { connections: options.connections, duration: options.duration, warmup: options.warmup }
    const background = await backgroundCpuPercent()
    if (background !== undefined) log(`  CPU busy before the runs (others than the bench): ${background.toFixed(0)} %`)
    if (background !== undefined && background > BUSY_WARNING_PERCENT) {
      log(`  warning: the machine is busy with other work; figures will be lower and noisier than usual`)
    }
    const targets = pages.map((page) => ({ page, target: targetOf(page, visitors.get(page.as)!, portal) }))
    const measured: Array<{ page: Page; result: Measurement }> = []
    for (const { page, target } of targets) {
      measured.push({ page, result: await step(`page: ${page.name}`, () => measure(target, settings)) })
    }
    const dashboardBytes = await ceilingSize(portal, visitors)
    const ceilings: Array<{ name: string; result: Measurement }> = []
    for (const ceiling of CEILINGS) {
      const bytes = ceiling.bytes === 'same as dashboard' ? dashboardBytes : ceiling.bytes
      ceilings.push({ name: ceiling.name, result: await step(`${ceiling.name} (${bytes} bytes)`, () => measureCeiling(bytes, settings)) })
    }
    await stop(portal.process)
    const report = reportOf(options, database, seedSeconds, background, settings, ceilings, measured, visitors)
    log(`\n${textTable(report.rows)}\n`)
    for (const path of writeResults(RESULTS_DIR, report)) log(`wrote ${path}`)
    if (portal.process.output.length > 0) log(`\nthe portal logged (last lines):\n${portal.process.output.join('\n')}`)
    if (options.cpuProf) printProfile()
  } finally {
    await cleanUp()
  }
}

// A filter picks the page of that exact name, or else every page whose name contains it.
function selectPages(filters: string[]): Page[] {
  if (filters.length === 0) return PAGES
  const pages = PAGES.filter((page) => filters.some((filter) =>
    page.name === filter || (!PAGES.some((p) => p.name === filter) && page.name.includes(filter))))
  if (pages.length === 0) throw new Error(`no page matches --pages ${filters.join(',')}; pages: ${PAGES.map((p) => p.name).join(', ')}`)
  return pages
}

// The seed as a developer runs it (tsx, demo data then --scale), timed from outside.
async function seed(databaseUrl: string, scale: number): Promise<number> {
  const started = performance.now()
  await runToEnd('seed', 'npm', ['run', 'seed', '--silent', '--', '--scale', String(scale)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  })
  return (performance.now() - started) / 1000
}

interface Portal {
  process: Tracked
  baseUrl: string
  pid: number
}

// `node dist/src/server.js` itself (not npm start), so that the pid is the
// server's and its memory is what we read.
async function startPortal(databaseUrl: string, cpuProf: boolean): Promise<Portal> {
  const port = await freePort()
  const nodeArgs = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES_DIR}`] : []
  const portal = spawnTracked('portal', process.execPath, [...nodeArgs, 'dist/src/server.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      HOST,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_IP: LOGIN_LIMIT,
      LOGIN_RATE_LIMIT_PER_LOGIN: LOGIN_LIMIT,
    },
  })
  const baseUrl = `http://${HOST}:${port}`
  await waitUntilReady(portal, `${baseUrl}/readyz`)
  return { process: portal, baseUrl, pid: portal.child.pid! }
}

/** Every group the selected pages need, logged in once (argon2 makes a login ≈ 20 ms). */
async function logInGroups(baseUrl: string, pages: Page[]): Promise<Map<VisitorGroup, Visitor[]>> {
  const groups = new Map<VisitorGroup, Visitor[]>()
  for (const group of new Set([...pages.map((page) => page.as), ceilingGroup()])) {
    const logins = VISITORS[group]
    const logInAs = group === 'staff' ? logInStaff : logIn
    const visitors = logins.length === 0 ? [anonymousVisitor()] : await Promise.all(logins.map((login) => logInAs(baseUrl, login, DEMO_PASSWORD)))
    groups.set(group, visitors)
    log(`  ${group}: ${visitors.map((v) => `${v.login ?? 'anonymous'}${v.login ? ` (${v.contractCodes.length} contracts)` : ''}`).join(', ')}`)
  }
  return groups
}

// The dashboard's users are logged in even when --pages leaves the dashboard
// out: the ceiling copies the size of their dashboard.
function ceilingGroup(): VisitorGroup {
  return PAGES.find((page) => page.name === CEILING_SIZE_FROM)!.as
}

function targetOf(page: Page, visitors: Visitor[], portal: Portal): Target {
  const requests = visitors.flatMap((visitor) =>
    page.paths(visitor).map((path) => ({ path, headers: visitor.cookie ? { cookie: visitor.cookie } : ({} as Record<string, string>) })))
  if (requests.length === 0) throw new Error(`page "${page.name}": no URL to request (do its users hold contracts?)`)
  return { baseUrl: portal.baseUrl, pid: portal.pid, requests }
}

// The bare page is as big as the portal's dashboard in this run (its mean
// body size over the users that ask for it), so the ratio compares like with like.
async function ceilingSize(portal: Portal, visitors: Map<VisitorGroup, Visitor[]>): Promise<number> {
  const page = PAGES.find((p) => p.name === CEILING_SIZE_FROM)!
  const { requests } = targetOf(page, visitors.get(page.as)!, portal)
  let total = 0
  for (const request of requests) {
    const response = await fetch(portal.baseUrl + request.path, { headers: request.headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) })
    total += (await response.arrayBuffer()).byteLength
  }
  return Math.round(total / requests.length)
}

// From dist/ like the portal (the build compiles scripts/ too), as its own
// process so it never shares a CPU core's event loop with autocannon.
async function measureCeiling(bytes: number, settings: Settings): Promise<Measurement> {
  const port = await freePort()
  const ceiling = spawnTracked('ceiling', process.execPath, ['dist/scripts/bench/ceiling.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST, PORT: String(port), BYTES: String(bytes) },
  })
  try {
    const baseUrl = `http://${HOST}:${port}`
    await waitUntilReady(ceiling, `${baseUrl}/readyz`)
    return await measure({ baseUrl, pid: ceiling.child.pid!, requests: [{ path: '/', headers: {} }] }, settings)
  } finally {
    await stop(ceiling)
  }
}

function reportOf(options: Options, database: string, seedSeconds: number, backgroundCpuPercent: number | undefined, settings: Settings,
  ceilings: Array<{ name: string; result: Measurement }>, measured: Array<{ page: Page; result: Measurement }>,
  visitors: Map<VisitorGroup, Visitor[]>): Report {
  const ceiling = ceilings[0]!.result
  const row = (page: string, who: string, m: Measurement): Row => ({
    page, visitors: who, requestsPerSecond: m.requestsPerSecond, p50Ms: m.p50Ms, p99Ms: m.p99Ms,
    ratio: m.requestsPerSecond / ceiling.requestsPerSecond, bodyBytes: m.bodyBytes, peakRssMb: m.peakRssMb, failures: m.failures,
  })
  const cpu = cpus()
  return {
    date: new Date().toISOString(),
    commit: gitCommit(),
    database,
    machine: { node: process.version, cpus: cpu.length, cpuModel: cpu[0]?.model.trim() ?? 'unknown', platform: `${process.platform} ${process.arch}` },
    scale: options.scale,
    seedSeconds,
    backgroundCpuPercent,
    settings,
    rows: [
      ...measured.map(({ page, result }) => row(page.name, groupLabel(page.as, visitors), result)),
      ...ceilings.map(({ name, result }) => row(name, 'anonymous', result)),
    ],
  }
}

function groupLabel(group: VisitorGroup, visitors: Map<VisitorGroup, Visitor[]>): string {
  const count = visitors.get(group)?.filter((v) => v.login).length ?? 0
  return count === 0 ? group : `${group} ×${count}`
}

// The commit, marked when the working tree has changes (the figures are then
// those of uncommitted code).
function gitCommit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== ''
    return dirty ? `${head} + local changes` : head
  } catch {
    return undefined
  }
}

// Everything the bench started is idle at this point, so CPU time spent now is
// somebody else's (tests, a dev server…): worth knowing when reading the figures.
async function backgroundCpuPercent(ms = 1_000): Promise<number | undefined> {
  const before = cpuTimes()
  await new Promise((resolve) => setTimeout(resolve, ms))
  const after = cpuTimes()
  if (!before || !after || after.total === before.total) return undefined
  return (100 * (after.busy - before.busy)) / (after.total - before.total)
}

function cpuTimes(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number)
    const total = fields.reduce((sum, n) => sum + n, 0)
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0) // idle + iowait
    return { busy: total - idle, total }
  } catch {
    return undefined
  }
}

function printProfile() {
  if (!existsSync(PROFILES_DIR)) return log('no CPU profile was written')
  const newest = readdirSync(PROFILES_DIR).filter((name) => name.endsWith('.cpuprofile')).sort().at(-1)
  if (!newest) return log('no CPU profile was written')
  const file = join(PROFILES_DIR, newest)
  const { functions, packages } = summarizeProfile(file)
  log(`\nCPU profile of the portal (whole run): ${file}`)
  log(formatHotspots('By package or folder (self time, % of busy samples):', packages))
  log(formatHotspots('By function:', functions))
}

// Ctrl-C or a kill: the children live in their own process groups and would
// not get the terminal's signal, so they are stopped here (and the database
// dropped). Every signal is caught, not only the first: a Ctrl-C reaches this
// process twice (from the terminal, then relayed by tsx) and npm adds a
// SIGTERM; the default action of the second one would end the process before
// the database is dropped.
function stopEverythingOnSignal(cleanUp: () => Promise<void>) {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!stopping) log(`\n${signal}: stopping`)
      stopping = true
      void cleanUp().finally(() => process.exit(130))
    })
  }
}

/** The same promise however many times it is called: the end of the run and a signal may both clean up. */
function once(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined
  return () => (running ??= work())
}

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  log(`▸ ${name}`)
  return work()
}

function log(line: string) {
  process.stdout.write(`${line}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
