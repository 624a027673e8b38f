// The order load test (scripts/order-load-test.ts, `npm run load:orders`) at
// a size the suite can afford: 40 tokens, 80 concurrent POSTs half of them
// replays, one SIGKILL of the real server process mid-run, a restart on the
// same SQLite file, the lost POSTs re-sent and every token replayed. The full
// size and its figures: docs/reliability.md.
import t from 'tap'
import { runOrderLoad, type LoadResult } from '../../scripts/order-load-test.js'

const TOKENS = 40
let result: LoadResult

t.before(async () => {
  result = await runOrderLoad({ tokens: TOKENS, concurrency: 16, killAt: 0.4, sessions: 2, seed: 9 })
})

t.test('after a SIGKILL mid-run and a restart, every acknowledged order is in the database under the token it was answered for', async (t) => {
  t.same(result.violations, [])
  t.equal(result.ordersInDatabase, TOKENS)
})

t.test('the kill really cut the run: POSTs were lost in flight or never sent, and were re-sent after the restart', async (t) => {
  t.ok(result.failedByKill + result.notSentBeforeKill > 0)
  t.ok(result.before.acked >= Math.ceil(2 * TOKENS * 0.4))
})

t.test('each token makes one order: every replay is answered with the first order', async (t) => {
  t.equal(result.acknowledged, result.ordersInDatabase + result.replaysWithFirstOrder)
  t.ok(result.replaysWithFirstOrder >= 2 * TOKENS)
})
