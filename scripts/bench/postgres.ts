// `npm run bench -- --database postgres://…`: the bench's own database on that
// server, created empty (UTF-8, byte-order collation, as the portal requires)
// and dropped at the end of the run, whatever happens.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface BenchDatabase {
  name: string
  /** host:port of the server (the URL without credentials), for messages. */
  server: string
  /** DATABASE_URL of the bench's database: the server's URL with its name. */
  url: string
  /** Creates it, with these settings for every connection to it (ALTER DATABASE … SET). */
  create(settings?: Array<{ name: string; value: string }>): Promise<void>
  /** E.g. "PostgreSQL 15.18 on 127.0.0.1:55432", once created. */
  description(): string
  /** Drops it if it exists; the same promise on every call. */
  drop(): Promise<void>
}

/** Named now, created by create(): a Ctrl-C at any moment knows what to drop. */
export function benchDatabaseOn(serverUrl: string): BenchDatabase {
  const name = `ccs_bench_${randomBytes(5).toString('hex')}`
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  let created: Promise<string> | undefined
  let dropped: Promise<void> | undefined
  let version = 'unknown version'
  return {
    name,
    server: url.host,
    url: url.toString(),
    create: async (settings = []) => {
      created ??= onServer(serverUrl, async (client) => {
        await client.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`)
        // Names and values are checked by options.ts (identifier, plain word or number).
        for (const setting of settings) await client.query(`alter database ${name} set ${setting.name} = '${setting.value}'`)
        return (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version
      })
      version = (await created).split(' ')[0]!
    },
    description: () => `PostgreSQL ${version} on ${url.host}`,
    // After a creation still under way (a Ctrl-C during it), so that it is not
    // left behind; `with (force)` ends a seed or portal still connected.
    drop: () => (dropped ??= (async () => {
      await created?.catch(() => undefined)
      await onServer(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`))
    })()),
  }
}

async function onServer<T>(serverUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}
