// Hostile rows for the dashboard pages (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const dashboardForms: Array<[form: string, cases: HostileCase[]]> = [
]
