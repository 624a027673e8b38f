// Hostile rows for the back-office's records pages (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const recordsForms: Array<[form: string, cases: HostileCase[]]> = [
]
