// The hostile-input rows of the catalog and ordering (catalog/*.cases.ts); see runner.ts.
import t from 'tap'
import { CATALOG_HOSTILE_CASES } from './catalog/index.js'
import { runHostileSuite } from './runner.js'

// Thousands of requests, each checked against the database: more than the
// default limit per file on a small machine.
t.setTimeout(600_000)

await runHostileSuite(t, CATALOG_HOSTILE_CASES)
