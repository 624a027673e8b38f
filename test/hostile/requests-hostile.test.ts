// The hostile-input rows of requests and Need help (requests/*.cases.ts); see runner.ts.
import t from 'tap'
import { REQUESTS_HOSTILE_CASES } from './requests/index.js'
import { runHostileSuite } from './runner.js'

// Thousands of requests, each checked against the database: more than the
// default limit per file on a small machine.
t.setTimeout(600_000)

await runHostileSuite(t, REQUESTS_HOSTILE_CASES)
