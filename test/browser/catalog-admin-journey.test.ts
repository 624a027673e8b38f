// The back-office catalog (issue 9 §6), in Chromium, each page through
// Journey.see: Marc Lefèvre (account manager, French) opens the back-office
// Catalog, creates a service with its French and English texts
// and one field, is shown a 422 with its message when the field definitions
// are not valid JSON (what he typed kept), fixes them, sees the order form
// as customers will, and deactivates the service; then he changes the
// instances a subscription offer has left to sell, and renames a change
// item of the change catalog. Every change is audited.
// Run on a desktop, on a phone (360 px) and on a desktop without JavaScript.
// Screenshots: test-results/screenshots/catalog-admin-*/.
import t, { type Test } from 'tap'
import type { Page } from 'playwright-core'
import { fr } from '../../src/i18n/fr.js'
import { Journey, launchBrowser, pathOf, redirectStatus, startPortal, type Browsing, type Portal } from '../helpers/browser.js'
import { signInStaff } from '../helpers/journey-sign-in.js'

t.setTimeout(600_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })

const SERVICE = {
  code: 'migration-workshop',
  name_en: 'Migration workshop', name_fr: 'Atelier de migration',
  summary_en: 'A day with our architects to plan your move to the cloud.', summary_fr: 'Une journée avec nos architectes pour préparer votre migration.',
}
const FIELD = { name: 'contact_name', type: 'text', required: true, maxLength: 100, label: { en: 'Contact person', fr: 'Personne à contacter' } }
const BROKEN_JSON = '[{"name": "contact_name", "type": "text", "required": true, "label": {"en": "Contact person", "fr": "Personne à contacter"}'
const OFFER = { kind: 'workspace' as const, region: 'eu-west-1', flavour: 'Workspace Office 2 vCPU 4 GB', available: 100, changedTo: 250 }

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A field by its label's start: a mandatory field's label ends with "*". */
const labelled = (page: Page, key: keyof typeof fr) => page.getByLabel(new RegExp(`^${escaped(fr[key])}`))

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim()
}

async function openCatalog(t: Test, journey: Journey) {
  const page = journey.page
  // From the back-office menu (collapsed behind "Menu" on a phone).
  await journey.open('/admin')
  if (journey.browsing.screen === 'phone') await page.locator('label[for="nav-toggle"]').tap()
  await journey.submit(() => page.getByRole('navigation', { name: fr['app.main_menu'] }).getByRole('link', { name: fr['admin.nav.catalog'], exact: true }).click())
  await journey.see('catalog', { lang: 'fr' })
  t.equal(await h1(page), fr['admin.catalog.title'])
}

async function createService(t: Test, journey: Journey) {
  const page = journey.page
  await journey.submit(() => page.getByRole('link', { name: fr['admin.catalog.new_service'] }).click())
  t.equal(pathOf(page), '/admin/catalog/services/new')
  await journey.see('new-service', { lang: 'fr' })
  await labelled(page, 'admin.catalog.field.code').fill(SERVICE.code)
  await labelled(page, 'admin.catalog.field.category').selectOption({ label: 'Support et expertise' })
  for (const name of ['name_en', 'name_fr', 'summary_en', 'summary_fr'] as const) {
    await labelled(page, `admin.catalog.field.${name}`).fill(SERVICE[name])
  }
  await page.getByRole('radio', { name: fr['admin.catalog.pricing_choice.quote'] }).check()
  await labelled(page, 'admin.catalog.field.fields_json').fill(BROKEN_JSON)
  const refused = await journey.submit(() => page.getByRole('button', { name: fr['admin.catalog.service.create'] }).click())
  t.equal(refused.status(), 422, 'field definitions that are not JSON are refused')
  await journey.see('new-service-refused', { lang: 'fr' })
  const summary = page.getByRole('alert')
  t.match(await summary.innerText(), 'Les définitions des champs ne sont pas valides', 'the error summary says why')
  t.equal(await summary.getByRole('link').first().getAttribute('href'), '#fields_json', 'and links to the field')
  t.equal(await labelled(page, 'admin.catalog.field.fields_json').inputValue(), BROKEN_JSON, 'what was typed is kept')
  t.equal(await labelled(page, 'admin.catalog.field.name_fr').inputValue(), SERVICE.name_fr, 'the other fields too')
  t.equal(await labelled(page, 'admin.catalog.field.fields_json').getAttribute('aria-invalid'), 'true')

  await labelled(page, 'admin.catalog.field.fields_json').fill(JSON.stringify([FIELD], null, 2))
  const created = await journey.submit(() => page.getByRole('button', { name: fr['admin.catalog.service.create'] }).click())
  t.equal(await redirectStatus(created), 303, 'the service is created (post/redirect/get)')
  t.equal(pathOf(page), `/admin/catalog/services/${SERVICE.code}`, 'on its page')
  await journey.see('service-created', { lang: 'fr' })
  t.match(await page.getByRole('status').first().innerText(), `Le service ${SERVICE.code} a été créé.`)
  const preview = page.getByRole('region', { name: fr['admin.catalog.preview.title'] })
  t.ok(await preview.getByRole('textbox', { name: /^Personne à contacter/ }).isVisible(), 'the order form as customers see it has the field, in French')
}

async function deactivateService(t: Test, journey: Journey) {
  const page = journey.page
  const active = page.getByRole('checkbox', { name: fr['admin.catalog.service.active_label'] })
  t.ok(await active.isChecked(), 'a new service is active')
  await active.uncheck()
  const saved = await journey.submit(() => page.getByRole('button', { name: fr['admin.catalog.save'], exact: true }).click())
  t.equal(await redirectStatus(saved), 303, 'the service is saved')
  await journey.see('service-inactive', { lang: 'fr' })
  t.match(await page.getByRole('status').first().innerText(), `Le service ${SERVICE.code} a été enregistré.`)
  t.match(await page.locator('main').innerText(), fr['admin.catalog.service.inactive_note'], 'the page says customers can no longer order it')
  t.notOk(await page.getByRole('checkbox', { name: fr['admin.catalog.service.active_label'] }).isChecked())

  await journey.submit(() => page.getByRole('navigation', { name: fr['app.breadcrumb'] }).getByRole('link', { name: fr['admin.catalog.title'] }).click())
  await journey.see('catalog-service-inactive', { lang: 'fr' })
  const row = page.locator('table.catalog-admin-table tbody tr', { hasText: SERVICE.code })
  t.match(await row.innerText(), new RegExp(`${SERVICE.name_fr}[\\s\\S]*${fr['admin.catalog.inactive']}`), 'the catalog lists it, inactive')
}

async function changeOfferInstances(t: Test, journey: Journey) {
  const page = journey.page
  const row = page.locator('table.catalog-admin-table tbody tr').filter({ hasText: OFFER.region }).filter({ hasText: OFFER.flavour })
  await journey.submit(() => row.getByRole('link').click())
  t.match(pathOf(page), /^\/admin\/catalog\/subscription-offers\/\d+$/, 'the offer opens')
  await journey.see('offer', { lang: 'fr' })
  const available = labelled(page, 'admin.catalog.field.available_quantity')
  t.equal(await available.inputValue(), String(OFFER.available), 'with the instances it has left')
  await available.fill('-5')
  const refused = await journey.submit(() => page.getByRole('button', { name: fr['admin.catalog.save'], exact: true }).click())
  t.equal(refused.status(), 422, 'a negative number of instances is refused')
  await journey.see('offer-refused', { lang: 'fr' })
  t.equal(await available.inputValue(), '-5', 'what was typed is kept')

  await available.fill(String(OFFER.changedTo))
  const saved = await journey.submit(() => page.getByRole('button', { name: fr['admin.catalog.save'], exact: true }).click())
  t.equal(await redirectStatus(saved), 303, 'the offer is saved')
  t.equal(new URL(page.url()).hash, '#subscription-offers', 'back to the offers of the catalog')
  await journey.see('offer-saved', { lang: 'fr' })
  t.match(await page.getByRole('status').first().innerText(), `L’offre d’abonnement ${OFFER.flavour} a été enregistrée.`)
  const listed = page.locator('table.catalog-admin-table tbody tr').filter({ hasText: OFFER.region }).filter({ hasText: OFFER.flavour })
  t.match(await listed.locator('td[data-label="Disponibles"]').innerText(), String(OFFER.changedTo), 'the catalog shows the instances left')
}

/** The change catalog, reached from the catalog: its list, then an item renamed in French. */
async function renameChangeItem(t: Test, journey: Journey) {
  const page = journey.page
  await journey.open('/admin/catalog')
  await journey.submit(() => page.getByRole('link', { name: fr['admin.change_catalog.link'] }).click())
  t.equal(pathOf(page), '/admin/change-catalog', 'the change catalog opens from the catalog')
  await journey.see('change-catalog', { lang: 'fr' })
  await journey.submit(() => page.getByRole('link', { name: 'Augmenter les quotas Elastic Cloud Server', exact: true }).click())
  t.equal(pathOf(page), '/admin/change-catalog/items/quota_ecs', 'an item opens')
  await journey.see('change-item', { lang: 'fr' })
  await labelled(page, 'admin.catalog.field.name_fr').fill('Augmenter les quotas ECS')
  const saved = await journey.submit(() => page.getByRole('button', { name: fr['admin.catalog.save'], exact: true }).click())
  t.equal(await redirectStatus(saved), 303, 'the item is saved')
  await journey.see('change-item-saved', { lang: 'fr' })
  t.equal(pathOf(page), '/admin/change-catalog/items/quota_ecs', 'back on the item')
  t.match(await page.getByRole('status').first().innerText(), 'quota_ecs', 'which says it was saved')
  t.equal(await labelled(page, 'admin.catalog.field.name_fr').inputValue(), 'Augmenter les quotas ECS', 'with the new name')
}

async function audited(portal: Portal) {
  return (await portal.db.selectFrom('audit_log').select('action').where('action', 'like', 'admin.catalog.%').orderBy('id').execute()).map((row) => row.action)
}

for (const browsing of [desktop, phone, desktopNoJs]) {
  t.test(`${browsing.label}: an account manager creates a service (its invalid JSON refused first), deactivates it, and changes a subscription offer's instances`, async (t) => {
    const portal = await startPortal(t)
    const journey = await Journey.start(t, browsing, portal, `catalog-admin-marc-${browsing.label}`)
    await signInStaff(journey, portal, 'marc.lefevre')
    await openCatalog(t, journey)
    await createService(t, journey)
    const created = await portal.db.selectFrom('catalog_services').select(['name_en', 'name_fr', 'pricing', 'active', 'fields_json']).where('code', '=', SERVICE.code).executeTakeFirst()
    t.match(created, { name_en: SERVICE.name_en, name_fr: SERVICE.name_fr, pricing: 'quote', active: 1 }, 'the service is written with both languages')
    t.same(JSON.parse(created?.fields_json ?? '[]'), [FIELD], 'and its field')
    await deactivateService(t, journey)
    const saved = await portal.db.selectFrom('catalog_services').select('active').where('code', '=', SERVICE.code).executeTakeFirstOrThrow()
    t.equal(saved.active, 0, 'the service is inactive')
    await changeOfferInstances(t, journey)
    const offer = await portal.db.selectFrom('subscription_offers').select('available_quantity')
      .where('kind', '=', OFFER.kind).where('region_code', '=', OFFER.region).where('flavour', '=', OFFER.flavour).executeTakeFirstOrThrow()
    t.equal(offer.available_quantity, OFFER.changedTo, 'the offer has the new number of instances')
    t.same(await audited(portal), ['admin.catalog.service_created', 'admin.catalog.service_updated', 'admin.catalog.offer_updated'], 'each change is audited, the refused ones are not')
    await renameChangeItem(t, journey)
    const item = await portal.db.selectFrom('change_items').select('name_fr').where('code', '=', 'quota_ecs').executeTakeFirstOrThrow()
    t.equal(item.name_fr, 'Augmenter les quotas ECS', 'the change item is renamed')
  })
}
