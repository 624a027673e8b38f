// Command-line options of `npm run bench -- …`.
import { parseArgs } from 'node:util'
import { isPostgresUrl } from '../../src/db/connection.js'

export interface Options {
  /** `npm run seed -- --scale N`: N companies, 5N contracts, 25N users. */
  scale: number
  connections: number
  duration: number
  warmup: number
  /** Only the pages of these names, or else whose name contains one of these (all when empty). */
  pages: string[]
  build: boolean
  /** Writes a V8 CPU profile of the portal under bench/results/profiles/. */
  cpuProf: boolean
  /** A PostgreSQL server to run on (the bench creates and drops a database there); SQLite when absent. */
  database: string | undefined
  /** `name=value` settings given to that database (ALTER DATABASE … SET), e.g. random_page_cost=1.1. */
  pgSettings: Array<{ name: string; value: string }>
}

// 2,000 is the target data set (2,000 companies, 10,000 contracts, 50,000
// users); it seeds in about 8 s here, so there is no reason to default lower.
const DEFAULTS = { scale: 2000, connections: 10, duration: 8, warmup: 2 }

export const USAGE = `npm run bench -- [options]
  --scale N          data set size for npm run seed -- --scale N (default ${DEFAULTS.scale})
  --connections N    autocannon connections (default ${DEFAULTS.connections})
  --duration S       seconds measured per page (default ${DEFAULTS.duration})
  --warmup S         seconds of warm-up per page, not measured (default ${DEFAULTS.warmup})
  --pages a,b        only the pages named a or b, or else whose name contains a or b (the ceilings always run)
  --database URL     run on PostgreSQL: a database of its own on the server at URL
                     (postgres://…), created, seeded and dropped by the bench (default: a SQLite file)
  --pg-set name=value  a setting of that database (ALTER DATABASE … SET), e.g. random_page_cost=1.1; repeatable
  --no-build         reuse dist/ as it is
  --cpu-prof         write a CPU profile of the portal and print its hottest functions
  --help`

export function parseOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scale: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      pages: { type: 'string' },
      database: { type: 'string' },
      'pg-set': { type: 'string', multiple: true },
      'no-build': { type: 'boolean' },
      'cpu-prof': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  })
  if (values.help) return 'help'
  return {
    scale: wholeNumber('--scale', values.scale, DEFAULTS.scale, 1),
    connections: wholeNumber('--connections', values.connections, DEFAULTS.connections, 1),
    duration: wholeNumber('--duration', values.duration, DEFAULTS.duration, 1),
    warmup: wholeNumber('--warmup', values.warmup, DEFAULTS.warmup, 0),
    pages: (values.pages ?? '').split(',').map((name) => name.trim()).filter(Boolean),
    build: !values['no-build'],
    cpuProf: Boolean(values['cpu-prof']),
    database: postgresServer(values.database),
    pgSettings: pgSettings(values['pg-set'] ?? [], values.database !== undefined),
  }
}

function pgSettings(values: string[], onPostgres: boolean): Array<{ name: string; value: string }> {
  if (values.length > 0 && !onPostgres) throw new Error('--pg-set needs --database postgres://…')
  return values.map((value) => {
    const match = /^([a-z_][a-z0-9_.]*)=([\w.-]+)$/.exec(value)
    if (!match) throw new Error(`--pg-set expects name=value (a PostgreSQL setting and a plain value), got "${value}"`)
    return { name: match[1]!, value: match[2]! }
  })
}

function postgresServer(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (!isPostgresUrl(value)) throw new Error(`--database expects a PostgreSQL server URL (postgres://user@host:port/db), got "${value}"`)
  return value
}

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} expects a whole number ≥ ${min}, got "${value}"`)
  return n
}
