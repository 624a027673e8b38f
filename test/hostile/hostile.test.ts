// The hostile-input rows of the customer space (cases.ts); see runner.ts.
import t from 'tap'
import { HOSTILE_CASES } from './cases.js'
import { runHostileSuite } from './runner.js'

// Thousands of requests, each checked against the database: more than the
// default limit per file on a small machine.
t.setTimeout(600_000)

await runHostileSuite(t, HOSTILE_CASES)
