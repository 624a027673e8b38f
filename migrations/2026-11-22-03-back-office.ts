// The back-office: staff roles, the platforms with their regions, incidents
// and maintenance windows (the customers' "weather"), and the account
// managers' inbox (status, assignment, replies) on top of contact_messages.
// Times are ISO-8601 UTC text; a recurring window keeps its local wall-clock
// rule and time zone, and its occurrences are computed (src/features/admin/platforms).
import type { Kysely } from 'kysely'
import { identity } from '../src/db/portable.js'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_roles_pk', ['user_id', 'role'])
    .execute()

  await createPlatforms(db)
  await createIncidents(db)
  await createMaintenanceWindows(db)
  await extendContactMessages(db)
}

async function createPlatforms(db: Kysely<any>) {
  await db.schema
    .createTable('platforms')
    .addColumn('id', 'integer', identity(db))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createTable('platform_regions')
    .addColumn('id', 'integer', identity(db))
    .addColumn('platform_id', 'integer', (c) => c.notNull().references('platforms.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('platform_regions_code', ['platform_id', 'code'])
    .execute()
  // Reference data: the platforms of the offers and their regions (spec 003:
  // data centers in Paris, Amsterdam and Atlanta). Staff can't add platforms.
  for (const [position, platform] of PLATFORMS.entries()) {
    const { id } = await db.insertInto('platforms').values({ code: platform.code, name: platform.name, position })
      .returning('id').executeTakeFirstOrThrow()
    await db.insertInto('platform_regions').values(platform.regions.map(([code, name]) => ({ platform_id: id, code, name }))).execute()
  }
}

const PLATFORMS = [
  { code: 'flexible_engine', name: 'Flexible Engine', regions: [['eu-west-0', 'Paris'], ['eu-west-1', 'Amsterdam'], ['na-east-0', 'Atlanta']] },
  { code: 'fca', name: 'Flexible Computing Advanced', regions: [['fr-paris', 'Paris'], ['fr-normandie', 'Val-de-Reuil']] },
  { code: 'cloud_avenue', name: 'Cloud Avenue', regions: [['fr-01', 'Paris'], ['fr-02', 'Val-de-Reuil']] },
]

async function createIncidents(db: Kysely<any>) {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'integer', identity(db))
    .addColumn('platform_id', 'integer', (c) => c.notNull().references('platforms.id'))
    .addColumn('severity', 'text', (c) => c.notNull()) // degraded | major
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open')) // open | resolved
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('text_fr', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('incidents_open').on('incidents').columns(['status', 'platform_id']).execute()
  await db.schema
    .createTable('incident_regions')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('region_id', 'integer', (c) => c.notNull().references('platform_regions.id'))
    .addPrimaryKeyConstraint('incident_regions_pk', ['incident_id', 'region_id'])
    .execute()
  // What customers were told, and when: every opening, update and closing.
  await db.schema
    .createTable('incident_updates')
    .addColumn('id', 'integer', identity(db))
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('text_fr', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('incident_updates_incident').on('incident_updates').columns(['incident_id', 'at']).execute()
}

async function createMaintenanceWindows(db: Kysely<any>) {
  await db.schema
    .createTable('maintenance_windows')
    .addColumn('id', 'integer', identity(db))
    .addColumn('platform_id', 'integer', (c) => c.notNull().references('platforms.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // once | recurring
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('text_fr', 'text', (c) => c.notNull())
    // once: the interval itself, in UTC
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    // recurring: weekday (0 Sunday … 6 Saturday), which of them in the month
    // ("1,-1,-2,-3": the first and the last three), local start and length
    .addColumn('weekday', 'integer')
    .addColumn('month_weeks', 'text')
    .addColumn('local_start', 'text')
    .addColumn('duration_minutes', 'integer')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('maintenance_windows_platform').on('maintenance_windows').columns(['platform_id', 'kind']).execute()
  await db.schema
    .createTable('maintenance_window_regions')
    .addColumn('window_id', 'integer', (c) => c.notNull().references('maintenance_windows.id').onDelete('cascade'))
    .addColumn('region_id', 'integer', (c) => c.notNull().references('platform_regions.id'))
    .addPrimaryKeyConstraint('maintenance_window_regions_pk', ['window_id', 'region_id'])
    .execute()
}

async function extendContactMessages(db: Kysely<any>) {
  await db.schema.alterTable('contact_messages').addColumn('status', 'text', (c) => c.notNull().defaultTo('new')).execute()
  await db.schema.alterTable('contact_messages').addColumn('assigned_user_id', 'integer', (c) => c.references('users.id')).execute()
  await db.schema.alterTable('contact_messages').addColumn('handled_at', 'text').execute()
  await db.schema.createIndex('contact_messages_status').on('contact_messages').columns(['status', 'created_at']).execute()
  await db.schema
    .createTable('contact_message_replies')
    .addColumn('id', 'integer', identity(db))
    .addColumn('message_id', 'integer', (c) => c.notNull().references('contact_messages.id').onDelete('cascade'))
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('contact_message_replies_message').on('contact_message_replies').columns(['message_id', 'at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['contact_message_replies', 'maintenance_window_regions', 'maintenance_windows', 'incident_updates',
    'incident_regions', 'incidents', 'platform_regions', 'platforms', 'staff_roles']) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.dropIndex('contact_messages_status').execute()
  for (const column of ['handled_at', 'assigned_user_id', 'status']) {
    await db.schema.alterTable('contact_messages').dropColumn(column).execute()
  }
}
