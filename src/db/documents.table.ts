import type { Generated, Selectable } from 'kysely'

/** A contract's file: contractual documents put by staff, files uploaded by
 * the customer's documents managers. The bytes live in the database. */
export interface DocumentsTable {
  id: Generated<number>
  contract_id: number
  kind: 'contractual' | 'customer'
  title: string
  /** Cleaned for a Content-Disposition header. */
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: number | null
  uploaded_at: string
  deleted_at: string | null
}

export type DocumentRow = Selectable<DocumentsTable>
