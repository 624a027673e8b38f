// Emails with files: an outbox row may carry attachments (the invoice PDF sent
// to a contract's administrative contact, who may have no portal account to
// follow a link). A JSON list of { filename, contentType, contentBase64 },
// null for the (usual) email without any; written with the rest of the
// rendered message, so what is sent is what was queued.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('attachments_json', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('attachments_json').execute()
}
