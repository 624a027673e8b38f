// What a request is, as data: its types with the rights section that shows
// each and the role that creates it (PRODUCT.md, "Rights"), its statuses and
// the transitions between them, the priorities of an incident.
import type { Level, Section } from '../../policy/index.js'

export const REQUEST_TYPES = ['incident', 'order', 'change'] as const
export type RequestType = (typeof REQUEST_TYPES)[number]

//                 type        seen with            created with             private to its author?
export const REQUEST_TYPE_TABLE = {
  incident: { section: 'support',  createLevel: 'visitor', privateToAuthor: true },
  order:    { section: 'orders',   createLevel: 'manager', privateToAuthor: false }, // created with services manager (catalog)
  change:   { section: 'services', createLevel: 'manager', privateToAuthor: true },
} as const satisfies Record<RequestType, { section: Section; createLevel: Level; privateToAuthor: boolean }>

export type RequestSection = (typeof REQUEST_TYPE_TABLE)[RequestType]['section']

/** The section whose role creates a request of this type (orders are placed from the catalog: services). */
export function createSection(type: RequestType): Section {
  return type === 'order' ? 'services' : REQUEST_TYPE_TABLE[type].section
}

export const REQUEST_STATUSES = ['transmitted', 'in_progress', 'completed', 'rejected'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

/** Staff moves: transmitted → in progress → completed, or rejected (with a reason) before completion. */
export const STAFF_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  transmitted: ['in_progress', 'rejected'],
  in_progress: ['completed', 'rejected'],
  completed: [],
  rejected: [],
}

/** A customer's comment on a completed request reopens it within this many days of completion. */
export const REOPEN_DAYS = 7

/** Open: still to be worked on by staff (the queue, overdue). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['transmitted', 'in_progress']

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const
export type Priority = (typeof PRIORITIES)[number]

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === 'string' && (REQUEST_TYPES as readonly string[]).includes(value)
}

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === 'string' && (REQUEST_STATUSES as readonly string[]).includes(value)
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value)
}

export function canStaffMove(from: RequestStatus, to: RequestStatus): boolean {
  return STAFF_TRANSITIONS[from].includes(to)
}
