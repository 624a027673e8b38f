// A table's fingerprint, computed the same way from the rows SQLite gives and
// from the rows PostgreSQL gives back: the row count and a sha256 over the
// rows in primary-key order. Values are normalised so that the same datum
// reads the same on both sides whatever the driver hands over:
// - integers, whether a BigInt (both readers ask for exact 64-bit integers),
//   a number or a boolean (0/1 flags), as their decimal digits;
// - text as a JSON string (so "12" the text and 12 the integer differ, and a
//   NUL or a quote cannot run into the next value);
// - bytes (a Buffer from either driver) as x'<hex>';
// - null as null.
// A value that changed kind on the way (bytes that became text, text in an
// integer column) therefore changes the checksum.
import { createHash, type Hash } from 'node:crypto'

export type Row = readonly unknown[]

export interface TableDigest {
  rows: number
  sha256: string
}

export class TableChecksum {
  #rows = 0
  readonly #hash: Hash = createHash('sha256')

  add(row: Row): void {
    this.#rows++
    this.#hash.update(`${encodeRow(row)}\n`)
  }

  digest(): TableDigest {
    return { rows: this.#rows, sha256: this.#hash.digest('hex') }
  }
}

export function encodeRow(row: Row): string {
  return `[${row.map(encodeValue).join(',')}]`
}

export function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : `r${String(value)}`
  if (typeof value === 'string') return JSON.stringify(value)
  if (value instanceof Uint8Array) return `x'${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}'`
  throw new Error(`no checksum form for a ${Object.prototype.toString.call(value)}`)
}
