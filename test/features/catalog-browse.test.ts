// The catalog (GET /catalog) and "More information" (GET /catalog/:service),
// driven through the real login as the demo personas.
import t, { type Test } from 'tap'
import { buildTestApp, freshDatabase } from '../helpers/app.js'
import { loginAs, seedPersonas } from '../helpers/personas.js'

async function setup(t: Test) {
  const db = await freshDatabase(t)
  await seedPersonas(db)
  const app = await buildTestApp(t, { db, config: { loginRateLimitPerIp: 10_000 } })
  return { db, app }
}

const FE = 'OCB0000301' // Rivage (create-a-tenant option): helene.fabre referent, gabriel.roux services manager, julien.blanc visitor
const CLOUD_AVENUE = 'OCB0000302' // Rivage: helene.fabre referent, julien.blanc services visitor
const HEXAGONE_FE = 'OCB0000101' // Hexagone (no tenant option): alice.martin referent, karine.lopez without Services
const FE_HDS = 'OCB0000102' // Hexagone: alice.martin referent
const GROUPING = 'OCB0000100' // Hexagone multi-services: david.moreau referent

/** The services listed, in the page's order (their "More information" links). */
const listed = (body: string) => [...body.matchAll(/href="\/catalog\/([a-z0-9-]+)\?contract=/g)].map((match) => match[1])

async function catalogOf(app: Awaited<ReturnType<typeof setup>>['app'], login: string, query: string) {
  const client = await loginAs(app, login)
  return client.get(`/catalog?${query}`)
}

t.test('a Flexible Engine contract’s catalog lists exactly the services of the FE offer', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'helene.fabre', `contract=${FE}`)
  t.equal(page.statusCode, 200)
  t.same(listed(page.body), ['reserved-ecs-instances', 'workspace-reservation', 'cloud-alliance-regions', 'dedicated-cloud', 'dedicated-security',
    'file-applicative-backup', 'fe-support-level', 'modify-invoice-references', 'modify-contract-name', 'create-tenant'])
})

t.test('a Cloud Avenue contract’s catalog lists the expertise packs and support options, and no Flexible Engine service', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'helene.fabre', `contract=${CLOUD_AVENUE}`)
  t.same(listed(page.body), ['expertise-pack', 'support-option', 'modify-invoice-references', 'modify-contract-name'])
})

t.test('an FE HDS contract’s catalog leaves out the FE-only workspaces and tenant creation', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'alice.martin', `contract=${FE_HDS}`)
  t.same(listed(page.body), ['reserved-ecs-instances', 'cloud-alliance-regions', 'dedicated-cloud', 'dedicated-security',
    'file-applicative-backup', 'fe-support-level', 'modify-invoice-references', 'modify-contract-name'])
})

t.test('a services visitor sees "More information" but no Order link; a services manager sees both', async (t) => {
  const { app } = await setup(t)
  const visitor = await catalogOf(app, 'julien.blanc', `contract=${FE}`)
  t.equal(visitor.statusCode, 200)
  t.match(visitor.body, `href="/catalog/dedicated-cloud?contract=${FE}"`)
  t.notMatch(visitor.body, '/order?contract=')
  t.match(visitor.body, 'Ordering them needs the Manager role on the Services section.')
  const manager = await catalogOf(app, 'gabriel.roux', `contract=${FE}`)
  t.match(manager.body, `href="/catalog/dedicated-cloud/order?contract=${FE}"`)
})

t.test('"More information" of a services visitor has no Order button', async (t) => {
  const { app } = await setup(t)
  const julien = await loginAs(app, 'julien.blanc')
  const page = await julien.get(`/catalog/dedicated-cloud?contract=${FE}`)
  t.equal(page.statusCode, 200)
  t.notMatch(page.body, '/order?contract=')
  t.match(page.body, 'Ordering needs the Manager role on the Services section of this contract.')
})

t.test('prices read "Free", "€600.00 one-time", "€90.00 per month", "On quote" and "From €29.90 per instance per month"', async (t) => {
  const { app } = await setup(t)
  const avenue = await catalogOf(app, 'julien.blanc', `contract=${CLOUD_AVENUE}`)
  t.match(avenue.body, '€600.00 one-time')
  t.match(avenue.body, 'On quote')
  const fe = await catalogOf(app, 'gabriel.roux', `contract=${FE}`)
  t.match(fe.body, '€90.00 per month')
  t.match(fe.body, 'Free')
  t.match(fe.body, 'From €29.90 per instance per month', 'the lowest active standard or flexible reservation')
})

t.test('the search finds words of a name or summary in the reader’s language, whatever their case and accents', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'helene.fabre', `contract=${FE}&q=RESERVATION`) // "Réservation d’instances…"
  t.equal(page.statusCode, 200)
  t.same(listed(page.body), ['reserved-ecs-instances'])
  const summary = await catalogOf(app, 'gabriel.roux', `contract=${FE}&q=${encodeURIComponent('partner data centers')}`)
  t.same(listed(summary.body), ['cloud-alliance-regions'])
})

t.test('% and _ in a search are text, not wildcards', async (t) => {
  const { app } = await setup(t)
  for (const q of ['%', '_', '%25%']) {
    const page = await catalogOf(app, 'gabriel.roux', `contract=${FE}&q=${encodeURIComponent(q)}`)
    t.equal(page.statusCode, 200)
    t.same(listed(page.body), [], `nothing matches ${q}`)
    t.match(page.body, 'No service matches your search.')
  }
})

t.test('a 10,000-character search is refused with 422 and the message next to the search box', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'gabriel.roux', `contract=${FE}&q=${'a'.repeat(10_000)}`)
  t.equal(page.statusCode, 422)
  t.match(page.body, 'id="q-error"')
  t.match(page.body, 'Enter a search of 100 characters or fewer')
  t.match(page.body, `id="q" name="q" type="search" value="${'a'.repeat(200)}"`, 'the search box shows it cut, not whole')
})

t.test('the category filter keeps that category’s services', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'gabriel.roux', `contract=${FE}&category=regions`)
  t.same(listed(page.body), ['cloud-alliance-regions', 'dedicated-cloud', 'dedicated-security'])
  t.match(page.body, '<option value="regions" selected>')
})

t.test('an unknown category is refused with 422 and its message', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'gabriel.roux', `contract=${FE}&category=nope`)
  t.equal(page.statusCode, 422)
  t.match(page.body, 'Choose a category from the list')
})

// gabriel.roux (Atelier Lumière) manages services on Rivage's contract: the create-a-tenant service is for Rivage's own users only.
t.test('the default order is the catalog’s: categories in their order, then services in theirs', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'gabriel.roux', `contract=${FE}`)
  t.same(listed(page.body), ['reserved-ecs-instances', 'workspace-reservation', 'cloud-alliance-regions', 'dedicated-cloud', 'dedicated-security',
    'file-applicative-backup', 'fe-support-level'])
})

t.test('sort=name orders the services by their name in the reader’s language', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'gabriel.roux', `contract=${FE}&sort=name`)
  t.same(listed(page.body), ['cloud-alliance-regions', 'dedicated-cloud', 'dedicated-security', 'file-applicative-backup',
    'fe-support-level', 'reserved-ecs-instances', 'workspace-reservation'])
})

t.test('sort=price puts free services first, then fixed prices from the cheapest, reservations from their lowest price, services on quote last', async (t) => {
  const { app, db } = await setup(t)
  // A second fixed price, cheaper than the backup's €90.00 a month.
  await db.updateTable('catalog_services').set({ pricing: 'fixed', price_cents: 5_000, price_period: 'one_time' }).where('code', '=', 'dedicated-security').execute()
  const page = await catalogOf(app, 'gabriel.roux', `contract=${FE}&sort=price`)
  t.same(listed(page.body), ['cloud-alliance-regions', 'dedicated-security', 'file-applicative-backup',
    'reserved-ecs-instances', 'workspace-reservation', 'dedicated-cloud', 'fe-support-level'])
})

t.test('an unknown sort is refused with 422 and its message', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'gabriel.roux', `contract=${FE}&sort=price_desc`)
  t.equal(page.statusCode, 422)
  t.match(page.body, 'Choose an order from the list')
})

t.test('referent-only services are hidden from a services manager who is not the referent, and their page is a 403 saying why', async (t) => {
  const { app } = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const list = await gabriel.get(`/catalog?contract=${FE}`)
  t.notMatch(list.body, 'modify-contract-name')
  t.notMatch(list.body, 'modify-invoice-references')
  const page = await gabriel.get(`/catalog/modify-contract-name?contract=${FE}`)
  t.equal(page.statusCode, 403)
  t.match(page.body, 'Only the referent of Rivage Core Banking (OCB0000301) may order “Modify the name of your contract”.')
})

t.test('the referent sees the referent-only services, with their Order link', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'helene.fabre', `contract=${FE}`)
  t.match(page.body, `href="/catalog/modify-contract-name/order?contract=${FE}"`)
  t.match(page.body, `href="/catalog/modify-invoice-references/order?contract=${FE}"`)
})

t.test('"create a new tenant" is offered to a company with the option, and is a 404 for one without', async (t) => {
  const { app } = await setup(t)
  const helene = await catalogOf(app, 'helene.fabre', `contract=${FE}`)
  t.match(helene.body, `href="/catalog/create-tenant?contract=${FE}"`)
  const alice = await loginAs(app, 'alice.martin')
  const list = await alice.get(`/catalog?contract=${HEXAGONE_FE}`)
  t.equal(list.statusCode, 200)
  t.notMatch(list.body, 'create-tenant')
  t.equal((await alice.get(`/catalog/create-tenant?contract=${HEXAGONE_FE}`)).statusCode, 404)
})

t.test('an inactive service is not listed and its page is a 404', async (t) => {
  const { app, db } = await setup(t)
  await db.updateTable('catalog_services').set({ active: 0 }).where('code', '=', 'cloud-alliance-regions').execute()
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.notMatch((await gabriel.get(`/catalog?contract=${FE}`)).body, 'cloud-alliance-regions')
  t.equal((await gabriel.get(`/catalog/cloud-alliance-regions?contract=${FE}`)).statusCode, 404)
})

t.test('a service of another offer, or that does not exist, is a 404', async (t) => {
  const { app } = await setup(t)
  const helene = await loginAs(app, 'helene.fabre')
  t.equal((await helene.get(`/catalog/expertise-pack?contract=${FE}`)).statusCode, 404)
  t.equal((await helene.get(`/catalog/no-such-service?contract=${FE}`)).statusCode, 404)
  t.equal((await helene.get(`/catalog/expertise-pack?contract=${CLOUD_AVENUE}`)).statusCode, 200)
})

t.test('another company’s contract is a 404, on the catalog and on a service', async (t) => {
  const { app } = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  t.equal((await gabriel.get(`/catalog?contract=${HEXAGONE_FE}`)).statusCode, 404)
  t.equal((await gabriel.get(`/catalog/dedicated-cloud?contract=${HEXAGONE_FE}`)).statusCode, 404)
})

t.test('a user without the Services section gets a 403 naming the role', async (t) => {
  const { app } = await setup(t)
  const karine = await loginAs(app, 'karine.lopez')
  const page = await karine.get(`/catalog?contract=${HEXAGONE_FE}`)
  t.equal(page.statusCode, 403)
  t.equal((await karine.get(`/catalog/dedicated-cloud?contract=${HEXAGONE_FE}`)).statusCode, 403)
})

t.test('without a contract the catalog opens on the user’s first contract with Services, and the select lists those contracts', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'julien.blanc', '')
  t.equal(page.statusCode, 200)
  t.match(page.body, `<option value="${FE}" selected>Rivage Core Banking (${FE})</option>`)
  t.match(page.body, `<option value="${CLOUD_AVENUE}">Rivage Virtual Desktops (${CLOUD_AVENUE})</option>`)
})

t.test('the contract sent twice is a 400', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'julien.blanc', `contract=${FE}&contract=${CLOUD_AVENUE}`)
  t.equal(page.statusCode, 400)
})

t.test('a French reader gets the catalog in French, prices written the French way', async (t) => {
  const { app } = await setup(t)
  const page = await catalogOf(app, 'helene.fabre', `contract=${FE}`)
  t.match(page.body, '<title>Catalogue – Rivage Core Banking (OCB0000301)')
  t.match(page.body, 'Plus d’informations')
  t.match(page.body, 'Réservation d’instances Elastic Cloud Server standard ou flexibles')
  t.match(page.body, /90,00\s€ par mois/)
  t.match(page.body, 'Gratuit')
})

t.test('"More information" shows the description, the conditions and the order form’s fields, mandatory ones marked *', async (t) => {
  const { app } = await setup(t)
  const gabriel = await loginAs(app, 'gabriel.roux')
  const page = await gabriel.get(`/catalog/dedicated-cloud?contract=${FE}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, '<title>Dedicated Cloud (DeC) – Catalog – Rivage Core Banking (OCB0000301)')
  t.match(page.body, 'an agent contacts you to establish a quote')
  t.match(page.body, 'The order asks for a quote: nothing is billed before you accept it.')
  t.match(page.body, /Your needs <span class="field__required" aria-hidden="true">\*<\/span>/)
  t.match(page.body, 'Contact email')
  t.match(page.body, `href="/catalog/dedicated-cloud/order?contract=${FE}"`)
  t.match(page.body, `href="/catalog?contract=${FE}"`, 'breadcrumb back to the catalog')
})

t.test('a reservation’s page says it does not guarantee availability and lists the active subscriptions on offer with their prices', async (t) => {
  const { app, db } = await setup(t)
  await db.updateTable('subscription_offers').set({ active: 0 }).where('flavour', '=', 'm6.2xlarge.8').execute()
  const gabriel = await loginAs(app, 'gabriel.roux')
  const page = await gabriel.get(`/catalog/reserved-ecs-instances?contract=${FE}`)
  t.match(page.body, 'A reserved instance is a pricing option and does not guarantee resource availability.')
  t.match(page.body, 'Subscriptions on offer')
  t.match(page.body, 's6.large.2')
  t.match(page.body, '€29.90')
  t.match(page.body, '36 months')
  t.notMatch(page.body, 'm6.2xlarge.8', 'an inactive subscription is not offered')
  t.notMatch(page.body, 'Workspace Office', 'only the service’s own kinds')
})

t.test('on a multi-services grouping contract the referent sees the referent-only services as refused, with no Order link', async (t) => {
  const { app } = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  const page = await david.get(`/catalog?contract=${GROUPING}`)
  t.equal(page.statusCode, 200)
  t.same(listed(page.body), ['modify-invoice-references', 'modify-contract-name'])
  t.match(page.body, 'Indisponible sur un contrat multi-services de regroupement')
  t.notMatch(page.body, '/order?contract=')
})

t.test('a referent-only service’s page on a grouping contract is a 403 explaining references change through the account manager', async (t) => {
  const { app } = await setup(t)
  const david = await loginAs(app, 'david.moreau')
  const page = await david.get(`/catalog/modify-contract-name?contract=${GROUPING}`)
  t.equal(page.statusCode, 403)
  t.match(page.body, 'un contrat multi-services de regroupement est en lecture seule, ses références se changent auprès de votre chargé de compte')
})
