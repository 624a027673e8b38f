// Requests (incidents, orders, changes) with their status history, the
// conversation and its attachments; the change catalog (catalog → category →
// item, each item with its own form fields); and the Need help section's
// advisor messages and callbacks, which join the back-office inbox.
import type { Kysely } from 'kysely'
import { binary, identity } from '../src/db/portable.js'
import { CHANGE_CATALOG } from './data/2026-11-22-30-change-catalog.js'

export async function up(db: Kysely<any>): Promise<void> {
  await createRequests(db)
  await createConversation(db)
  await createChangeCatalog(db)
  await extendContactMessages(db)
}

async function createRequests(db: Kysely<any>) {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'integer', identity(db)) // shown as REQ-000123
    .addColumn('contract_id', 'integer', (c) => c.notNull().references('contracts.id'))
    .addColumn('type', 'text', (c) => c.notNull()) // incident | order | change
    // The rights section that shows the request (orders, support, services),
    // kept with the row so that the list filters with an index, not a CASE.
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('transmitted'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('priority', 'text') // incidents: P1–P4
    .addColumn('service', 'text') // incidents: the affected service
    .addColumn('item_code', 'text') // changes: the change item; orders: the catalog service
    // The form's answers as shown at submission (labels in both languages),
    // so that a later change of the item's fields doesn't rewrite history.
    .addColumn('fields_json', 'text')
    .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_user_id', 'integer', (c) => c.references('users.id')) // the staff member who took it
    .addColumn('due_at', 'text') // the support level's time to repair, from submission; null: no commitment
    .addColumn('reject_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text') // the last completion: a reopening comment is accepted for 7 days after it
    .execute()
  // The customer's list: a user's contracts, newest first, optionally by status.
  await db.schema.createIndex('requests_contract_created').on('requests').columns(['contract_id', 'section', 'created_at']).execute()
  await db.schema.createIndex('requests_contract_status').on('requests').columns(['contract_id', 'status', 'created_at']).execute()
  // The staff queue: by status, by assignee, overdue.
  await db.schema.createIndex('requests_status_created').on('requests').columns(['status', 'created_at']).execute()
  await db.schema.createIndex('requests_assigned').on('requests').columns(['assigned_user_id', 'status']).execute()
  await db.schema.createIndex('requests_status_due').on('requests').columns(['status', 'due_at']).execute()
  await db.schema.createIndex('requests_status_updated').on('requests').columns(['status', 'updated_at']).execute() // the queue's "updated" view
  await db.schema.createIndex('requests_author').on('requests').columns(['author_user_id', 'created_at']).execute()
  await db.schema
    .createTable('request_events')
    .addColumn('id', 'integer', identity(db))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text') // null: the submission
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('note', 'text') // a rejection's reason, "reopened by a comment"…
    .execute()
  await db.schema.createIndex('request_events_request').on('request_events').columns(['request_id', 'id']).execute()
}

async function createConversation(db: Kysely<any>) {
  await db.schema
    .createTable('request_comments')
    .addColumn('id', 'integer', identity(db))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    // 1: a staff note the customer never sees.
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('request_comments_request').on('request_comments').columns(['request_id', 'id']).execute()
  await db.schema
    .createTable('request_attachments')
    .addColumn('id', 'integer', identity(db))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('comment_id', 'integer', (c) => c.references('request_comments.id')) // null: sent with the request
    .addColumn('file_name', 'text', (c) => c.notNull()) // cleaned for a Content-Disposition header
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', binary(db), (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('request_attachments_request').on('request_attachments').columns(['request_id', 'id']).execute()
}

async function createChangeCatalog(db: Kysely<any>) {
  await db.schema
    .createTable('change_catalogs')
    .addColumn('id', 'integer', identity(db))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('change_categories')
    .addColumn('id', 'integer', identity(db))
    .addColumn('catalog_id', 'integer', (c) => c.notNull().references('change_catalogs.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('change_items')
    .addColumn('id', 'integer', identity(db))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('change_categories.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('description_fr', 'text', (c) => c.notNull())
    // The item's form: a JSON array of field definitions (src/lib/field-definitions.ts),
    // the same mechanism as the catalog's order forms.
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('offers', 'text') // comma-separated offers the item applies to; null: every offer
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await insertChangeCatalog(db)
}

// Reference data, like the platforms: the standard change catalog of spec 003.
async function insertChangeCatalog(db: Kysely<any>) {
  for (const [catalogPosition, catalog] of CHANGE_CATALOG.entries()) {
    const { id: catalogId } = await db.insertInto('change_catalogs')
      .values({ code: catalog.code, name_en: catalog.name_en, name_fr: catalog.name_fr, position: catalogPosition })
      .returning('id').executeTakeFirstOrThrow()
    for (const [categoryPosition, category] of catalog.categories.entries()) {
      const { id: categoryId } = await db.insertInto('change_categories')
        .values({ catalog_id: catalogId, code: category.code, name_en: category.name_en, name_fr: category.name_fr, position: categoryPosition })
        .returning('id').executeTakeFirstOrThrow()
      await db.insertInto('change_items').values(category.items.map((item, position) => ({
        category_id: categoryId, code: item.code, name_en: item.name_en, name_fr: item.name_fr,
        description_en: item.description_en, description_fr: item.description_fr,
        fields_json: JSON.stringify(item.fields), offers: item.offers, active: 'active' in item && item.active === false ? 0 : 1, position,
      }))).execute()
    }
  }
}

// Advisor messages and callback requests from Need help are messages of the
// back-office inbox too, with the contract they concern.
async function extendContactMessages(db: Kysely<any>) {
  await db.schema.alterTable('contact_messages').addColumn('kind', 'text', (c) => c.notNull().defaultTo('message')).execute() // message | advisor | callback
  await db.schema.alterTable('contact_messages').addColumn('contract_id', 'integer', (c) => c.references('contracts.id')).execute()
  await db.schema.alterTable('contact_messages').addColumn('phone', 'text').execute()
  await db.schema.alterTable('contact_messages').addColumn('callback_at', 'text').execute() // ISO UTC start of the chosen slot
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['callback_at', 'phone', 'contract_id', 'kind']) {
    await db.schema.alterTable('contact_messages').dropColumn(column).execute()
  }
  for (const table of ['change_items', 'change_categories', 'change_catalogs', 'request_attachments', 'request_comments', 'request_events', 'requests']) {
    await db.schema.dropTable(table).execute()
  }
}
