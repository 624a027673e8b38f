// Command-line arguments of `npm run db:copy -- --from sqlite:… --to postgres://…`.
import { parseArgs } from 'node:util'
import { isPostgresUrl } from '../connection.js'
import { withoutPasswords } from './redact.js'
import { CopyRefusal } from './refusal.js'

export interface CopyArguments {
  /** The SQLite file to read. */
  sourcePath: string
  /** The PostgreSQL database to fill. */
  targetUrl: string
  /** Write U+FFFD where text holds U+0000 instead of refusing. */
  replaceNul: boolean
}

export const USAGE = `PGPASSWORD=… npm run db:copy -- --from sqlite:<path> --to postgres://user@host:port/database
  Copies a SQLite portal into an EMPTY PostgreSQL database (UTF-8, C collation),
  in one transaction: migrates it, copies every table, moves the id sequences,
  then compares row counts and checksums table by table; commits only when they
  all match. Stop the portal first. See docs/db-copy.md.
  --from sqlite:<path>   the SQLite database file of the portal (all migrations applied)
  --to postgres://…      an empty PostgreSQL database. Leave the password out of the
                         URL (it would show in ps and the shell's history): set
                         PGPASSWORD in the environment, or use ~/.pgpass
  --replace-nul          write U+FFFD where text holds U+0000, which PostgreSQL's
                         text cannot store (without it, such rows are refused)
  --help                 this text`

export function parseCopyArguments(argv: string[]): CopyArguments | 'help' {
  const values = parseOrRefuse(argv)
  if (values.help) return 'help'
  if (!values.from || !values.to) throw new CopyRefusal('both --from sqlite:<path> and --to postgres://… are needed (--help)')
  return { sourcePath: sqlitePathOf(values.from), targetUrl: postgresUrlOf(values.to), replaceNul: values['replace-nul'] ?? false }
}

function parseOrRefuse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      options: { from: { type: 'string' }, to: { type: 'string' }, 'replace-nul': { type: 'boolean' }, help: { type: 'boolean' } },
    }).values
  } catch (error) {
    throw new CopyRefusal(`${(error as Error).message} (--help)`)
  }
}

// Same spelling as DATABASE_URL (src/config.ts): sqlite:<path> or sqlite://<path>.
function sqlitePathOf(from: string): string {
  const path = from.startsWith('sqlite:') ? from.slice('sqlite:'.length).replace(/^\/\//, '') : ''
  if (path === '' || path === ':memory:') throw new CopyRefusal(`--from expects sqlite:<path of the portal's database file>, got "${from}"`)
  return path
}

function postgresUrlOf(to: string): string {
  let url: URL | undefined
  try {
    url = new URL(to)
  } catch { /* refused below */ }
  if (!isPostgresUrl(to) || !url || url.hostname === '' || url.pathname.length <= 1) {
    throw new CopyRefusal(`--to expects postgres://user@host:port/database, got "${withoutPasswords(to)}"`)
  }
  return to
}
