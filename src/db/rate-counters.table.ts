/** Fixed-window counters for throttles that must hold across restarts and
 * instances (login attempts per account). */
export interface RateCountersTable {
  key: string
  window_start: string
  count: number
}
