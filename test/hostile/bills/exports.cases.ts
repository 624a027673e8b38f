// Hostile rows for the bills exports (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const exportsForms: Array<[form: string, cases: HostileCase[]]> = [
]
