// The hostile-input rows of the back-office (admin/*.cases.ts); see runner.ts.
import t from 'tap'
import { ADMIN_HOSTILE_CASES } from './admin/index.js'
import { runHostileSuite } from './runner.js'

// Thousands of requests, each checked against the database: more than the
// default limit per file on a small machine.
t.setTimeout(600_000)

await runHostileSuite(t, ADMIN_HOSTILE_CASES)
