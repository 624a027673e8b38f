// The back-office's searches over large tables: a value "starting with" what
// was typed, asked as a range so that an index on the column (or on the very
// same expression) is sought, where LIKE 'x%' would read every row (SQLite
// uses an index for LIKE only on NOCASE columns).
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely'

/** The values of `expression` that start with `prefix`: from the prefix up to the prefix followed by the highest code point. */
export function startingWith(expression: RawBuilder<string>, prefix: string): RawBuilder<boolean> {
  return sql<boolean>`(${expression} >= ${prefix} and ${expression} < ${`${prefix}\u{10FFFF}`})`
}

/** The contracts whose code starts with `q`: codes are upper-case ("OCB0000302") and unique, so indexed. */
export function codeStartingWith(q: string): RawBuilder<boolean> {
  return startingWith(sql<string>`contracts.code`, q.toUpperCase())
}

/** Ids passed as parameters at most (SQLite refuses a statement with over 32,766). */
const MAX_LISTED_IDS = 500

/** The ids `query` selects, read once to be passed to the next queries as a list; undefined when there are
 * too many for a list, and the caller uses the query itself as a subquery (read again, but never refused). */
export async function fewIds(query: SelectQueryBuilder<any, any, { id: number }>): Promise<number[] | undefined> {
  const rows = await query.limit(MAX_LISTED_IDS + 1).execute()
  return rows.length > MAX_LISTED_IDS ? undefined : [...new Set(rows.map((row) => row.id))]
}
