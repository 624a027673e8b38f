// The users list's filters, read from the query string (a bookmarkable GET
// form): an unknown state is the default one, a field sent twice a 400.
import { cleanText, field } from '../../../lib/forms.js'

export const USER_STATES = ['all', 'locked', 'invited', 'totp', 'staff'] as const
export type UserState = (typeof USER_STATES)[number]

export interface UserFilters {
  q: string
  state: UserState
}

export const SEARCH_MAX = 100

export function readUserFilters(query: unknown): UserFilters {
  const state = field(query, 'state')
  return {
    q: cleanText(field(query, 'q')).slice(0, SEARCH_MAX),
    state: (USER_STATES as readonly string[]).includes(state) ? (state as UserState) : 'all',
  }
}

/** The page number of a list: 1 when absent or not a number, never past 10,000. */
export function readPage(query: unknown): number {
  return Math.max(1, Math.min(10_000, Number.parseInt(field(query, 'page'), 10) || 1))
}

/** The list's URL with its filters, ready for `page=`: the pagination's links. */
export function usersListBase(filters: UserFilters): string {
  return `/admin/users?q=${encodeURIComponent(filters.q)}&state=${filters.state}&`
}
