// The hostile-input rows of the back-office (admin/*.cases.ts); see runner.ts.
import t from 'tap'
import { ADMIN_HOSTILE_CASES } from './admin/index.js'
import { runHostileSuite } from './runner.js'

await runHostileSuite(t, ADMIN_HOSTILE_CASES)
