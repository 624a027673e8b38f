// Hostile rows for the subscriptions pages (see ../cases.ts for how rows work).
import type { HostileCase } from '../cases.js'

export const subscriptionsForms: Array<[form: string, cases: HostileCase[]]> = [
]
