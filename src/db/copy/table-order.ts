// The order in which tables are filled so that every foreign key finds its
// parent row already there (PostgreSQL checks them at each insert; switching
// them off needs a superuser). A table that references itself (a contract's
// grouping contract, an invoice's corrected invoice) is filled with those
// columns empty first, then they are set: see copy-table.ts.
import { CopyRefusal } from './refusal.js'

export interface ForeignKey {
  table: string
  /** The referenced table. */
  references: string
}

/** Parents before children; among tables free to go, the given order. */
export function foreignKeyOrder(tables: readonly string[], foreignKeys: readonly ForeignKey[]): string[] {
  const parents = new Map(tables.map((table) => [table, new Set<string>()]))
  for (const { table, references } of foreignKeys) {
    if (table !== references) parents.get(table)?.add(references)
  }
  const ordered: string[] = []
  const placed = new Set<string>()
  while (ordered.length < tables.length) {
    const next = tables.find((table) => !placed.has(table) && [...parents.get(table)!].every((parent) => placed.has(parent) || !parents.has(parent)))
    if (next === undefined) {
      const stuck = tables.filter((table) => !placed.has(table))
      throw new CopyRefusal(`the foreign keys between ${stuck.join(', ')} form a cycle: db:copy cannot order these tables`)
    }
    ordered.push(next)
    placed.add(next)
  }
  return ordered
}
