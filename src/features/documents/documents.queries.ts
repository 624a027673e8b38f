// A contract's documents: the list reads no content; a download reads one
// document of the contract named in the URL, so another contract's id is a 404.
import { createHash } from 'node:crypto'
import type { Executor } from '../../db/database.js'

/** The contract's documents not deleted, newest first, without their bytes. */
export async function listDocuments(db: Executor, contractId: number) {
  return db.selectFrom('documents').leftJoin('users', 'users.id', 'documents.uploaded_by')
    .select(['documents.id', 'documents.kind', 'documents.title', 'documents.file_name', 'documents.content_type', 'documents.size_bytes', 'documents.uploaded_at', 'users.first_name', 'users.last_name'])
    .where('documents.contract_id', '=', contractId).where('documents.deleted_at', 'is', null)
    .orderBy('documents.uploaded_at', 'desc').orderBy('documents.id', 'desc')
    .execute()
}
export type DocumentListRow = Awaited<ReturnType<typeof listDocuments>>[number]

export async function findDocument(db: Executor, contractId: number, id: number) {
  return db.selectFrom('documents').selectAll()
    .where('contract_id', '=', contractId).where('id', '=', id).where('deleted_at', 'is', null)
    .executeTakeFirst()
}

export interface NewDocument {
  contractId: number
  kind: 'contractual' | 'customer'
  title: string
  fileName: string
  contentType: string
  content: Buffer
  uploadedBy: number
}

export async function insertDocument(trx: Executor, doc: NewDocument, now: Date): Promise<number> {
  const row = await trx.insertInto('documents').values({
    contract_id: doc.contractId, kind: doc.kind, title: doc.title, file_name: doc.fileName, content_type: doc.contentType,
    size_bytes: doc.content.length, sha256: createHash('sha256').update(doc.content).digest('hex'), content: doc.content,
    uploaded_by: doc.uploadedBy, uploaded_at: now.toISOString(), deleted_at: null,
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Soft delete of a customer file: true when there was one to delete. */
export async function deleteCustomerFile(trx: Executor, contractId: number, id: number, now: Date): Promise<boolean> {
  const result = await trx.updateTable('documents').set({ deleted_at: now.toISOString() })
    .where('contract_id', '=', contractId).where('id', '=', id).where('kind', '=', 'customer').where('deleted_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
