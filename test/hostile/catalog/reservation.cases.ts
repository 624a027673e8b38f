// The catalog's reservation hostile rows (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const reservationForms: Array<[form: string, cases: HostileCase[]]> = [
]
