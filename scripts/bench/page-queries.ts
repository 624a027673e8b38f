// Where one page's time goes, query by query, on either database: the portal
// built in this process on DATABASE_URL's database (already seeded), one user
// logged in through the form, the page asked for one request at a time, and
// every SQL statement timed from the moment Kysely hands it to the driver to
// its result (connection wait included, on PostgreSQL).
//
//   DATABASE_URL=postgres://…/db npx tsx scripts/bench/page-queries.ts --login alice.martin --path /account [--times 200]
//   DATABASE_URL=sqlite:/tmp/bench.db npx tsx scripts/bench/page-queries.ts --login sophie.durand --staff --path /admin --path /admin/audit
//   (a staff member is enrolled in two factors at login: once per database, so give all their pages in one run)
//   … --sql       also prints each statement's SQL (as compiled: parameters as $1/?)
//   … --explain   also prints each SELECT's plan with the parameters of its first call
//                 (EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite)
//
// Prints, per distinct statement: calls per request, mean ms per call, ms per
// request; then the page's mean time and the part of it spent in SQL.
import { CompiledQuery, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryId, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely'
import { parseArgs } from 'node:util'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { openConfiguredDatabase } from '../../src/db/connection.js'
import { DEMO_PASSWORD } from '../seed-demo.js'
import { logIn, logInStaff } from './login.js'

const { values } = parseArgs({
  options: { login: { type: 'string' }, path: { type: 'string', multiple: true }, times: { type: 'string' }, staff: { type: 'boolean' }, sql: { type: 'boolean' }, explain: { type: 'boolean' } },
})
if (!values.login || !values.path?.length) throw new Error('--login and --path are required')
const times = Number(values.times ?? 200)

/** Times each statement between its compilation's hand-over and its result, keyed by Kysely's query id. */
class StatementTimer implements KyselyPlugin {
  readonly started = new WeakMap<QueryId, { sql: RootOperationNode; at: number }>()
  /** By SQL text (two statements on the same tables stay apart), with a short label for the list. */
  readonly byKind = new Map<string, { label: string; calls: number; ms: number; sql: string; parameters: readonly unknown[] }>()
  recording = false

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    this.started.set(queryId, { sql: node, at: performance.now() })
    return node
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const start = this.started.get(queryId)
    if (start && this.recording) {
      const ms = performance.now() - start.at
      const statement = compiled(start.sql, queryId)
      const entry = this.byKind.get(statement.sql) ?? { label: describe(start.sql), calls: 0, ms: 0, ...statement }
      entry.calls += 1
      entry.ms += ms
      this.byKind.set(statement.sql, entry)
    }
    return result
  }
}

function compiled(node: RootOperationNode, queryId: QueryId): { sql: string; parameters: readonly unknown[] } {
  const { sql, parameters } = db.getExecutor().compileQuery(node, queryId)
  return { sql, parameters }
}

// A statement's kind and tables are enough to recognise it in the list (the
// full SQL is what EXPLAIN needs: --sql prints it).
function describe(node: RootOperationNode): string {
  const tables = new Set<string>()
  JSON.stringify(node, (key, value: unknown) => {
    if (key === 'table' && value && typeof value === 'object' && 'identifier' in value) {
      tables.add(String((value as { identifier: { name: string } }).identifier.name))
    }
    if (key === 'sqlFragments' && Array.isArray(value)) tables.add(`raw: ${value.join('?').replace(/\s+/g, ' ').slice(0, 60)}`)
    return value
  })
  return `${node.kind.replace('QueryNode', '').toLowerCase()} ${[...tables].join(', ')}`
}

const config = loadConfig()
const timer = new StatementTimer()
const db = openConfiguredDatabase(config).withPlugin(timer)
const app = await buildApp({ config, db })
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
try {
  const visitor = await (values.staff ? logInStaff : logIn)(baseUrl, values.login, DEMO_PASSWORD)
  for (const path of values.path) await timePage(path, visitor.cookie!)
} finally {
  await app.close()
  await db.destroy()
}

// Outside the timed requests (recording is off), with the first call's parameters.
async function plan(statement: string, parameters: readonly unknown[]): Promise<string> {
  timer.recording = false
  try {
    const explain = config.sqlitePath ? 'explain query plan ' : 'explain (analyze, buffers) '
    const { rows } = await db.executeQuery(CompiledQuery.raw(explain + statement, [...parameters]))
    return rows.map((row) => `           | ${Object.values(row as object).join(' ')}`).join('\n')
  } finally {
    timer.recording = true
  }
}

async function timePage(path: string, cookie: string) {
  const ask = async () => {
    const response = await fetch(baseUrl + path, { headers: { cookie }, redirect: 'manual' })
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`)
  }
  timer.recording = false
  timer.byKind.clear()
  for (let i = 0; i < 20; i++) await ask() // warm-up: templates compiled, pool connected
  timer.recording = true
  const started = performance.now()
  for (let i = 0; i < times; i++) await ask()
  const pageMs = (performance.now() - started) / times
  const rows = [...timer.byKind].sort((a, b) => b[1].ms - a[1].ms)
  const sqlMs = rows.reduce((sum, [, e]) => sum + e.ms, 0) / times
  console.log(`\n${path} as ${values.login} on ${config.sqlitePath ? 'SQLite' : 'PostgreSQL'}, ${times} requests one at a time`)
  console.log('calls/req  ms/call  ms/req  statement')
  for (const [, e] of rows) {
    console.log(`${(e.calls / times).toFixed(1).padStart(9)}  ${(e.ms / e.calls).toFixed(3).padStart(7)}  ${(e.ms / times).toFixed(3).padStart(6)}  ${e.label}`)
    if (values.sql) console.log(`           ${e.sql}`)
    if (values.explain && e.label.startsWith('select')) console.log(await plan(e.sql, e.parameters))
  }
  console.log(`page: ${pageMs.toFixed(2)} ms a request, of which SQL ${sqlMs.toFixed(2)} ms (${((100 * sqlMs) / pageMs).toFixed(0)} %), ` +
    `${(rows.reduce((n, [, e]) => n + e.calls, 0) / times).toFixed(1)} statements`)
}
