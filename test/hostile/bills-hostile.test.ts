// The hostile-input rows of the Bills section and staff billing (bills/*.cases.ts); see runner.ts.
import t from 'tap'
import { BILLS_HOSTILE_CASES } from './bills/index.js'
import { runHostileSuite } from './runner.js'

// Thousands of requests, each checked against the database: more than the
// default limit per file on a small machine.
t.setTimeout(600_000)

await runHostileSuite(t, BILLS_HOSTILE_CASES)
