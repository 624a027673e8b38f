// Three months of usage for every demo contract (being built).
import type { Executor } from '../src/db/database.js'

export async function seedDemoUsage(_trx: Executor, _contractIds: Map<string, number>, _now: Date): Promise<void> {}
