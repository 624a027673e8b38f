// The customer advisors' business hours, for call backs: one-hour slots from
// 09:00 to 18:00, Paris time, Monday to Friday except French public
// holidays. A slot is written as its Paris start, `YYYY-MM-DDTHH:MM`; every
// function takes `now` so that tests choose the day.
import { isCalendarDate, parisDay } from '../../lib/paris-calendar.js'

export const FIRST_SLOT_HOUR = 9
export const LAST_SLOT_HOUR = 17 // the 17:00–18:00 slot
/** A call back is asked for at least this long in advance. */
export const MIN_NOTICE_MS = 3_600_000
/** …and at most this far ahead. */
export const MAX_AHEAD_DAYS = 30
export const OFFERED_DAYS = 10

const SLOT = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2})$/
const DAY_MS = 86_400_000

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

// Easter Sunday (anonymous Gregorian algorithm): Easter Monday, Ascension and
// Whit Monday move with it.
function easterSunday(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The eleven French public holidays of `year`. */
export function frenchHolidays(year: number): Set<string> {
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`)
  const easter = easterSunday(year)
  return new Set([...fixed, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50)])
}

export function isBusinessDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !frenchHolidays(Number(day.slice(0, 4))).has(day)
}

// Paris is UTC+1 or UTC+2: the offset at an instant, read from Intl.
function parisOffsetMs(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(at)
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - Math.floor(at.getTime() / 60_000) * 60_000
}

/** The instant a Paris wall-clock time names (business hours never fall in a clock change). */
export function parisTimeToUtc(day: string, hour: number, minute = 0): Date {
  const asUtc = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour, minute)
  return new Date(asUtc - parisOffsetMs(new Date(asUtc)))
}

export function slotValue(day: string, hour: number): string {
  return `${day}T${String(hour).padStart(2, '0')}:00`
}

/** The slots offered on the form: those of the next ten business days that are far enough ahead. */
export function callbackSlots(now: Date): Array<{ value: string; day: string; hour: number; at: Date }> {
  const slots: Array<{ value: string; day: string; hour: number; at: Date }> = []
  const earliest = now.getTime() + MIN_NOTICE_MS
  let day = parisDay(now)
  for (let days = 0; days < OFFERED_DAYS; day = addDays(day, 1)) {
    if (!isBusinessDay(day)) continue
    for (let hour = FIRST_SLOT_HOUR; hour <= LAST_SLOT_HOUR; hour++) {
      const at = parisTimeToUtc(day, hour)
      if (at.getTime() >= earliest) slots.push({ value: slotValue(day, hour), day, hour, at })
    }
    days++
  }
  return slots
}

export type SlotCheck = { at: Date } | { error: 'help.callback.error.slot_required' | 'help.callback.error.slot' | 'help.callback.error.slot_soon' | 'help.callback.error.slot_far' }

/** The slot's instant, or why it can't be offered: not a real business-hours slot, too soon or too far ahead. */
export function checkSlot(value: string, now: Date): SlotCheck {
  if (!value) return { error: 'help.callback.error.slot_required' }
  const match = SLOT.exec(value)
  if (!match || !isCalendarDate(match[1]!)) return { error: 'help.callback.error.slot' }
  const [day, hour, minute] = [match[1]!, Number(match[2]), Number(match[3])]
  if (minute !== 0 || hour < FIRST_SLOT_HOUR || hour > LAST_SLOT_HOUR || !isBusinessDay(day)) return { error: 'help.callback.error.slot' }
  const at = parisTimeToUtc(day, hour)
  if (at.getTime() < now.getTime() + MIN_NOTICE_MS) return { error: 'help.callback.error.slot_soon' }
  if (at.getTime() > now.getTime() + MAX_AHEAD_DAYS * DAY_MS) return { error: 'help.callback.error.slot_far' }
  return { at }
}
