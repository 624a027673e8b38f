// Reserved instances and workspaces of the demo FE contracts (being built).
import type { Executor } from '../src/db/database.js'

export async function seedDemoSubscriptions(_trx: Executor, _contractIds: Map<string, number>, _now: Date): Promise<void> {}
