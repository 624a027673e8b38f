// The hostile-input rows of the dashboard and contract features (contracts/*.cases.ts); see runner.ts.
import t from 'tap'
import { CONTRACTS_HOSTILE_CASES } from './contracts/index.js'
import { runHostileSuite } from './runner.js'

// Thousands of requests, each checked against the database: more than the
// default limit per file on a small machine.
t.setTimeout(600_000)

await runHostileSuite(t, CONTRACTS_HOSTILE_CASES)
