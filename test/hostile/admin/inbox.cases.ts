// Hostile rows for the back-office's inbox pages (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const inboxForms: Array<[form: string, cases: HostileCase[]]> = [
]
