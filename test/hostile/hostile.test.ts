// The hostile-input rows of the customer space (cases.ts); see runner.ts.
import t from 'tap'
import { HOSTILE_CASES } from './cases.js'
import { runHostileSuite } from './runner.js'

await runHostileSuite(t, HOSTILE_CASES)
