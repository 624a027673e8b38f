// The demo catalog is data staff will edit: its first version must already
// pass the checks the back-office applies to an edit.
import t from 'tap'
import { CATALOG_CATEGORIES, CATALOG_SERVICES, SUBSCRIPTION_OFFERS } from '../../migrations/data/2026-11-22-50-service-catalog.js'
import { ORDER_EFFECTS, PRICINGS } from '../../src/db/catalog.table.js'
import { OFFERS } from '../../src/db/contracts.table.js'
import { SUBSCRIPTION_KINDS } from '../../src/db/subscriptions.table.js'
import { parseFieldDefinitions } from '../../src/lib/field-definitions.js'

t.test('every service of the first catalog has valid field definitions, a known category, pricing, effect and offers', async (t) => {
  const categories = new Set(CATALOG_CATEGORIES.map((category) => category.code))
  for (const service of CATALOG_SERVICES) {
    t.doesNotThrow(() => parseFieldDefinitions(service.fields), `${service.code}: its fields parse`)
    t.ok(categories.has(service.category), `${service.code}: its category exists`)
    t.ok((PRICINGS as readonly string[]).includes(service.pricing), `${service.code}: pricing`)
    t.ok((ORDER_EFFECTS as readonly string[]).includes(service.effect ?? 'none'), `${service.code}: effect`)
    for (const offer of service.offers?.split(',') ?? []) t.ok((OFFERS as readonly string[]).includes(offer), `${service.code}: offer ${offer}`)
  }
})

t.test('a fixed price is positive and has a period; a quantity field names a number field', async (t) => {
  for (const service of CATALOG_SERVICES.filter((one) => one.pricing === 'fixed')) {
    t.ok((service.price_cents ?? 0) > 0, `${service.code}: price`)
    t.ok(service.price_period === 'one_time' || service.price_period === 'monthly', `${service.code}: period`)
    if (service.quantity_field) {
      const field = parseFieldDefinitions(service.fields).find((one) => one.name === service.quantity_field)
      t.equal(field?.type, 'number', `${service.code}: ${service.quantity_field} is a number field`)
    }
  }
})

t.test('every reservation service sells subscription kinds that have offers, and every offer can be sold', async (t) => {
  const offered = new Set(SUBSCRIPTION_OFFERS.map((offer) => offer.kind))
  for (const service of CATALOG_SERVICES.filter((one) => one.pricing === 'reservation')) {
    const kinds = service.subscription_kinds?.split(',') ?? []
    t.ok(kinds.length > 0, `${service.code}: has kinds`)
    for (const kind of kinds) {
      t.ok((SUBSCRIPTION_KINDS as readonly string[]).includes(kind), `${service.code}: ${kind} is a subscription kind`)
      t.ok(offered.has(kind as never), `${service.code}: ${kind} has offers`)
    }
  }
  for (const offer of SUBSCRIPTION_OFFERS) {
    t.ok(offer.monthly_price_cents > 0 && offer.available_quantity > 0 && offer.commitment_months > 0, `${offer.kind} ${offer.region_code} ${offer.flavour}`)
  }
})
