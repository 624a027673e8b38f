import type { Generated, Selectable } from 'kysely'
import type { RequestStatus, RequestType } from '../features/requests/request-types.js'

/** An incident, an order or a change asked on a contract; shown as REQ-000123. */
export interface RequestsTable {
  id: Generated<number>
  contract_id: number
  type: RequestType
  /** The rights section that shows it (orders, support, services): see request-types.ts. */
  section: 'orders' | 'support' | 'services'
  status: Generated<RequestStatus>
  title: string
  description: Generated<string>
  /** Incidents: P1–P4. */
  priority: string | null
  /** Incidents: the affected service. */
  service: string | null
  /** Changes: the change item's code; orders: the catalog service's. */
  item_code: string | null
  /** The form's answers with their labels in both languages, as submitted (AnsweredField[]). */
  fields_json: string | null
  author_user_id: number
  /** The staff member who took it. */
  assigned_user_id: number | null
  /** Submission + the support level's time to repair; null: no commitment. */
  due_at: string | null
  reject_reason: string | null
  created_at: string
  updated_at: string
  completed_at: string | null
}

/** The status history: the submission (from_status null) and every change since. */
export interface RequestEventsTable {
  id: Generated<number>
  request_id: number
  at: string
  from_status: RequestStatus | null
  to_status: RequestStatus
  by_user_id: number | null
  note: string | null
}

/** The conversation; `internal` notes are staff-only. */
export interface RequestCommentsTable {
  id: Generated<number>
  request_id: number
  author_user_id: number
  body: string
  internal: Generated<number>
  created_at: string
}

/** A file sent with the request or with a comment; the bytes live in the database. */
export interface RequestAttachmentsTable {
  id: Generated<number>
  request_id: number
  comment_id: number | null
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  content: Buffer
  uploaded_by: number
  created_at: string
}

export type RequestRow = Selectable<RequestsTable>
