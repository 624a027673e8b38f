// Hostile rows for the budget pages (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const budgetForms: Array<[form: string, cases: HostileCase[]]> = [
]
