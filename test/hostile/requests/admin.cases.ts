// Hostile rows for the admin pages of requests / Need help (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const adminForms: Array<[form: string, cases: HostileCase[]]> = [
]
