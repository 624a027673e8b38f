// The back-office's searches over large tables: a value "starting with" what
// was typed, asked as a range so that an index on the column (or on the very
// same expression) is sought, where LIKE 'x%' would read every row (SQLite
// uses an index for LIKE only on NOCASE columns).
import { sql, type RawBuilder } from 'kysely'

/** The values of `expression` that start with `prefix`: from the prefix up to the prefix followed by the highest code point. */
export function startingWith(expression: RawBuilder<string>, prefix: string): RawBuilder<boolean> {
  return sql<boolean>`(${expression} >= ${prefix} and ${expression} < ${`${prefix}\u{10FFFF}`})`
}

/** The contracts whose code starts with `q`: codes are upper-case ("OCB0000302") and unique, so indexed. */
export function codeStartingWith(q: string): RawBuilder<boolean> {
  return startingWith(sql<string>`contracts.code`, q.toUpperCase())
}
