// The one-time token of an order form (order-token.ts): signed for one user,
// contract, service and price, valid 24 hours, never accepted once changed.
import t from 'tap'
import { checkOrderToken, fixedPriceFingerprint, issueOrderToken, ORDER_TOKEN_LIFETIME_MS, reservationPriceFingerprint } from '../../src/features/catalog/order-token.js'

const SECRET = 'test-secret-of-at-least-thirty-two-characters'
const SCOPE = { userId: 7, contractId: 3, serviceCode: 'expertise-pack', price: fixedPriceFingerprint({ pricing: 'fixed', price_cents: 60_000, price_period: 'one_time' }) }
const NOW = new Date('2026-11-22T10:00:00Z')

t.test('a token checks as valid for its own scope within its lifetime', async (t) => {
  const token = issueOrderToken(SECRET, SCOPE, NOW)
  t.equal(checkOrderToken(SECRET, SCOPE, token, NOW), 'valid')
  t.equal(checkOrderToken(SECRET, SCOPE, token, new Date(NOW.getTime() + ORDER_TOKEN_LIFETIME_MS)), 'valid')
})

t.test('two forms shown at once get two different tokens', async (t) => {
  t.not(issueOrderToken(SECRET, SCOPE, NOW), issueOrderToken(SECRET, SCOPE, NOW))
})

t.test('a token with one character changed is forged', async (t) => {
  const token = issueOrderToken(SECRET, SCOPE, NOW)
  for (const index of [0, token.indexOf('.') + 1, token.length - 1]) {
    const changed = token.slice(0, index) + (token[index] === 'a' ? 'b' : 'a') + token.slice(index + 1)
    t.equal(checkOrderToken(SECRET, SCOPE, changed, NOW), 'forged', `character ${index}`)
  }
})

t.test('a token of another user, contract or service, or signed with another secret, is forged', async (t) => {
  const token = issueOrderToken(SECRET, SCOPE, NOW)
  t.equal(checkOrderToken(SECRET, { ...SCOPE, userId: 8 }, token, NOW), 'forged')
  t.equal(checkOrderToken(SECRET, { ...SCOPE, contractId: 4 }, token, NOW), 'forged')
  t.equal(checkOrderToken(SECRET, { ...SCOPE, serviceCode: 'dedicated-cloud' }, token, NOW), 'forged')
  t.equal(checkOrderToken(`${SECRET}-other`, SCOPE, token, NOW), 'forged')
})

t.test('anything not shaped like a token is forged', async (t) => {
  for (const junk of ['', 'x', 'a.b.c', "' OR 1=1 --", 'x'.repeat(10_000)]) t.equal(checkOrderToken(SECRET, SCOPE, junk, NOW), 'forged')
})

t.test('a token older than 24 hours, or issued in the future, is expired', async (t) => {
  const token = issueOrderToken(SECRET, SCOPE, NOW)
  t.equal(checkOrderToken(SECRET, SCOPE, token, new Date(NOW.getTime() + ORDER_TOKEN_LIFETIME_MS + 1)), 'expired')
  t.equal(checkOrderToken(SECRET, SCOPE, token, new Date(NOW.getTime() - 60_000)), 'expired')
})

t.test('a token signed for one price is forged for another: a fixed price or period changed since the form was shown', async (t) => {
  const token = issueOrderToken(SECRET, SCOPE, NOW)
  t.equal(checkOrderToken(SECRET, { ...SCOPE, price: fixedPriceFingerprint({ pricing: 'fixed', price_cents: 65_000, price_period: 'one_time' }) }, token, NOW), 'forged')
  t.equal(checkOrderToken(SECRET, { ...SCOPE, price: fixedPriceFingerprint({ pricing: 'fixed', price_cents: 60_000, price_period: 'monthly' }) }, token, NOW), 'forged')
})

t.test('a reservation token is forged for another subscription, another monthly price or another number of instances', async (t) => {
  const scope = { ...SCOPE, serviceCode: 'reserved-ecs-instances', price: reservationPriceFingerprint({ id: 4, monthly_price_cents: 3_980 }, 5) }
  const token = issueOrderToken(SECRET, scope, NOW)
  t.equal(checkOrderToken(SECRET, scope, token, NOW), 'valid')
  for (const [offer, quantity] of [[{ id: 5, monthly_price_cents: 3_980 }, 5], [{ id: 4, monthly_price_cents: 4_100 }, 5], [{ id: 4, monthly_price_cents: 3_980 }, 6]] as const) {
    t.equal(checkOrderToken(SECRET, { ...scope, price: reservationPriceFingerprint(offer, quantity) }, token, NOW), 'forged')
  }
})
