// The Rights journeys, in Chromium, as a referent and the person she invites
// do them, in French (Alice Martin's stored language):
// - desktop: Alice adds Léa Fontaine to Hexagone Production with the
//   three-step wizard (going back keeps what was typed), the welcome email
//   (a real SMTP server on loopback) lets Léa choose her password in her own
//   browser, Léa sees exactly the roles granted, a role change reaches her on
//   her next page, the deleted access is gone, and the referent's own access
//   cannot be deleted;
// - phone (360×740) and desktop without JavaScript: the wizard, from the menu
//   to the saved, pending invitation (without JavaScript, a mistake first).
// Every page gets the checks of Journey.see (screenshot, lang, headings,
// labels, focus, axe-core). Screenshots: test-results/screenshots/rights-*/.
import t, { type Test } from 'tap'
import type { Locator, Page, Response } from 'playwright-core'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { checkNewPassword } from '../../src/lib/password-rules.js'
import { deliverOutbox, Journey, launchBrowser, pathOf, redirectStatus, startPortal, type Locale, type Portal } from '../helpers/browser.js'
import { startSmtpServer, type ReceivedEmail } from '../helpers/smtp.js'

// Chromium starts slowly on a small machine: this tells the runner too.
t.setTimeout(300_000)

const desktop = await launchBrowser(t, { screen: 'desktop', javaScript: true })
const desktopNoJs = await launchBrowser(t, { screen: 'desktop', javaScript: false, auditor: desktop })
const phone = await launchBrowser(t, { screen: 'phone', javaScript: true })
// The invited person's own browser: another profile, so another session.
const newcomerBrowser = await launchBrowser(t, { screen: 'desktop', javaScript: true })

const CONTRACT = { code: 'OCB0000101', name: 'Hexagone Production' }

// The person Alice invites: an accent in the name, a login by the rule (8 to 64 letters without accents, digits, . _ -).
const LEA = {
  title: 'Mme', firstName: 'Léa', lastName: 'Fontaine', name: 'Léa Fontaine',
  email: 'lea.fontaine@hexagone.example', login: 'lea.fontaine',
}

// Step 2 as the section labels and roles read on screen: contracts visitor, bills manager, users none.
const GRANTED = { Contrats: 'Visiteur', Factures: 'Gestionnaire', Utilisateurs: 'Aucun accès' } as const

// What "My rights on this contract" must say for Léa on an FE contract: the
// roles granted, and no access to every other section (the wizard's default).
const LEA_RIGHTS = {
  'Tableau de bord': 'Aucun accès',
  Contrats: 'Visiteur',
  Souscriptions: 'Aucun accès',
  Documents: 'Aucun accès',
  Factures: 'Gestionnaire',
  Commandes: 'Aucun accès',
  'Catalogue / Services': 'Aucun accès',
  Support: 'Aucun accès',
  Utilisateurs: 'Aucun accès',
  'Gestionnaire de la console Flexible Engine': 'Aucun accès',
}

// Follows the rule (src/lib/password-rules.ts) and does not contain the login.
const LEA_PASSWORD = 'Harbour#Lights42'

t.test(`${desktop.label}: a referent gives a new person access to a contract, from the invitation to the deletion`, async (t) => {
  const portal = await startPortal(t)
  const smtp = await startSmtpServer(t)
  const alice = await Journey.start(t, desktop, portal, `rights-referent-${desktop.label}`)
  const lea = await Journey.start(t, newcomerBrowser, portal, `rights-newcomer-${desktop.label}`)
  let link = ''

  // Each rule in its own subtest. A failed assertion leaves the story going
  // on; a step that could not be done (a timeout, a missing element) stops it,
  // as the later steps would only repeat that failure.
  let stoppedAt: string | undefined
  const rule = async (name: string, fn: (t: Test) => Promise<void>) => {
    if (stoppedAt) return t.test(name, { skip: `the journey stopped at: ${stoppedAt}` }, async () => {})
    return t.test(name, async (t) => {
      alice.reportTo(t)
      lea.reportTo(t)
      try {
        await fn(t)
      } catch (error) {
        stoppedAt = name
        throw error
      }
    })
  }

  await rule('the wizard keeps what was typed when going back, writes nothing before Save, and the new user is listed as "Invitation en attente"', async (t) => {
    await signInAsAlice(t, alice)
    await addLeaThroughWizard(t, alice)
    await newUserIsListedAsPending(t, alice)
  })

  await rule('the welcome email, in the inviter\'s language, names the contract and the login and links to a page where the new user chooses a password', async (t) => {
    t.same(await deliverOutbox(portal, smtp.url), { sent: 1, failed: 0, retried: 0 }, 'one email leaves the outbox')
    link = welcomeLink(t, smtp.received, portal)
    await choosePasswordFromLink(t, lea, link)
  })

  await rule('the new user sees exactly the roles granted: the "my rights" table says so, the Rights menu entry is absent and /rights answers 403', async (t) => {
    await logIn(lea, LEA.login, LEA_PASSWORD, 'en')
    t.equal(pathOf(lea.page), '/', 'her new password signs her in, to the dashboard')
    await lea.see('dashboard', { lang: 'fr' })
    t.equal(await h1(lea.page), 'Tableau de bord', 'in the language she was invited in, French')
    const row = lea.page.getByRole('region', { name: /Vos contrats/ }).locator('.contract-item').filter({ hasText: CONTRACT.code })
    t.same((await row.locator('.role-list li').allTextContents()).map((text) => text.trim()), ['Gestionnaire\u202f: Factures', 'Visiteur\u202f: Contrats'],
      'the dashboard lists her roles on the contract: manager of Bills, visitor of Contracts, nothing else')
    await leaSeesHerRights(t, lea)
    await menuHasNoRightsEntry(t, lea)
    await rightsPageIsRefused(t, lea)
  })

  await rule('a changed role applies on the user\'s next page: given Users visitor, the new user opens /rights, without the manager\'s "Add a user"', async (t) => {
    await aliceGivesUsersVisitor(t, alice)
    await leaNowOpensRights(t, lea)
  })

  await rule('deleting an access needs the box ticked; the user is then gone from the list, their session loses the contract, and they can no longer log in', async (t) => {
    await aliceDeletesLeasAccess(t, alice)
    await leaHasLostTheContract(t, lea)
  })

  await rule('the referent\'s access cannot be deleted: her profile offers no delete link, and the delete page refuses with the reason', async (t) => {
    await referentCannotBeDeleted(t, alice)
  })

  await rule('the welcome link, already used, no longer works', async (t) => {
    const response = await lea.submit(() => lea.page.goto(link))
    t.equal(response.status(), 410, 'the emailed link, opened again, is refused as used (410)')
    await lea.see('welcome-link-used', { lang: 'fr' })
  })
})

t.test(`${phone.label}: on a 360×740 phone, the referent opens Rights from the folded menu and adds a user in three steps, going back and forth without losing anything`, async (t) => {
  const journey = await Journey.start(t, phone, await startPortal(t), `rights-wizard-${phone.label}`)
  await signInAsAlice(t, journey)
  await addLeaThroughWizard(t, journey)
  await newUserIsListedAsPending(t, journey)
})

t.test(`${desktopNoJs.label}: without JavaScript, the wizard works page by page: a login breaking the rule is refused (422) with the values kept, then the user is added`, async (t) => {
  const journey = await Journey.start(t, desktopNoJs, await startPortal(t), `rights-wizard-${desktopNoJs.label}`)
  await signInAsAlice(t, journey)
  await addLeaThroughWizard(t, journey, { mistakeFirst: true })
  await newUserIsListedAsPending(t, journey)
})

// --- Alice's steps -----------------------------------------------------------

async function signInAsAlice(t: Test, journey: Journey) {
  await journey.open('/login')
  await journey.see('login-page', { lang: 'en' })
  await logIn(journey, 'alice.martin', DEMO_PASSWORD, 'en')
  t.equal(pathOf(journey.page), '/', 'Alice signs in, to the dashboard')
  await journey.see('dashboard', { lang: 'fr' })
}

/** From the dashboard: the menu's Rights, "Add a user", the three steps
 * (back from the summary to step 1 and forward again), Save. Ends on the
 * new user's profile. */
async function addLeaThroughWizard(t: Test, journey: Journey, options: { mistakeFirst?: boolean } = {}) {
  const page = journey.page
  const portal = journey.portal
  await openRightsFromMenu(t, journey)
  t.equal(await h1(page), `Droits sur ${CONTRACT.name} (${CONTRACT.code})`, 'the Rights page opens on her first contract')

  await journey.submit(() => page.getByRole('link', { name: 'Ajouter un utilisateur' }).click())
  t.equal(pathOf(page), `/rights/new?contract=${CONTRACT.code}`, '"Ajouter un utilisateur" opens the wizard for this contract')
  await journey.see('step-1', { lang: 'fr' })
  t.equal(await h1(page), `Ajouter un utilisateur à ${CONTRACT.name}`)
  t.ok(await page.getByText('Étape 1 sur 3').isVisible(), 'it says which step of three')

  if (options.mistakeFirst) {
    await fillStepOne(page, { ...LEA, login: 'léa' })
    const response = await journey.submit(() => page.getByRole('button', { name: 'Continuer' }).click())
    t.equal(response.status(), 422, 'a login with an accent and too short is refused (422)')
    t.equal(pathOf(page), '/rights/new', 'on the same step')
    await journey.see('step-1-login-refused', { lang: 'fr' })
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Il y a un problème' }) })
    t.ok(await summary.isVisible(), 'an error summary says there is a problem')
    const message = 'Utilisez seulement des lettres sans accent, des chiffres et . _ -'
    t.equal(await summary.getByRole('link', { name: message }).getAttribute('href'), '#login', 'it names the rule and links to the login field')
    t.match(await loginField(page).getAttribute('aria-describedby') ?? '', /login-error/, 'the field points to its message')
    t.equal(await loginField(page).getAttribute('aria-invalid'), 'true', 'and is marked invalid')
    await stepOneShows(t, page, { ...LEA, login: 'léa' }, 'what was typed is kept')
    await loginField(page).fill(LEA.login)
  } else {
    await fillStepOne(page, LEA)
  }
  await journey.see('step-1-filled', { lang: 'fr' })

  let response = await journey.submit(() => page.getByRole('button', { name: 'Continuer' }).click())
  t.equal(await redirectStatus(response), 303, 'step 1 is answered with a redirect')
  t.equal(pathOf(page), `/rights/new/roles?contract=${CONTRACT.code}`, 'to step 2')
  await journey.see('step-2', { lang: 'fr' })
  t.ok(await page.getByText('Étape 2 sur 3').isVisible())
  t.match(await page.getByRole('heading', { level: 2 }).first().innerText(), LEA.name, 'step 2 names the person')
  t.equal(await checkedRole(page, 'Contrats'), 'Visiteur', 'Contracts starts at visitor, its lowest role')
  t.equal(await checkedRole(page, 'Utilisateurs'), 'Aucun accès', 'Users starts at no access')
  for (const [section, role] of Object.entries(GRANTED)) await roleGroup(page, section).getByRole('radio', { name: role, exact: true }).check()
  await journey.see('step-2-chosen', { lang: 'fr' })

  response = await journey.submit(() => page.getByRole('button', { name: 'Continuer' }).click())
  t.equal(await redirectStatus(response), 303, 'step 2 is answered with a redirect')
  t.equal(pathOf(page), `/rights/new/summary?contract=${CONTRACT.code}`, 'to the summary')
  await journey.see('summary', { lang: 'fr' })
  await summaryShowsLea(t, page)
  t.notOk(await portal.db.selectFrom('users').select('id').where('email', '=', LEA.email).executeTakeFirst(), 'nothing is written before Save: no user yet')
  t.equal((await portal.db.selectFrom('outbox').select('id').execute()).length, 0, 'and no email queued')

  await journey.submit(() => page.getByRole('link', { name: 'Retour', exact: true }).click())
  t.equal(pathOf(page), `/rights/new/roles?contract=${CONTRACT.code}`, 'Back leads from the summary to step 2')
  await journey.see('back-to-step-2', { lang: 'fr' })
  for (const [section, role] of Object.entries(GRANTED)) t.equal(await checkedRole(page, section), role, `the role chosen for ${section} is kept (${role})`)
  await journey.submit(() => page.getByRole('link', { name: 'Retour', exact: true }).click())
  t.equal(pathOf(page), `/rights/new?contract=${CONTRACT.code}`, 'and Back again to step 1')
  await journey.see('back-to-step-1', { lang: 'fr' })
  await stepOneShows(t, page, LEA, 'step 1 shows what was typed')

  await journey.submit(() => page.getByRole('button', { name: 'Continuer' }).click())
  t.equal(pathOf(page), `/rights/new/roles?contract=${CONTRACT.code}`)
  await journey.see('step-2-again', { lang: 'fr' })
  for (const [section, role] of Object.entries(GRANTED)) t.equal(await checkedRole(page, section), role, `going through step 1 again keeps the role of ${section}`)
  await journey.submit(() => page.getByRole('button', { name: 'Continuer' }).click())
  t.equal(pathOf(page), `/rights/new/summary?contract=${CONTRACT.code}`)
  await journey.see('summary-again', { lang: 'fr' })
  await summaryShowsLea(t, page)

  response = await journey.submit(() => page.getByRole('button', { name: 'Enregistrer', exact: true }).click())
  t.equal(await redirectStatus(response), 303, 'Save is answered with a redirect')
  t.equal(pathOf(page), `/rights/users/${LEA.login}?contract=${CONTRACT.code}`, 'to the new user\'s profile')
  await journey.see('saved-profile', { lang: 'fr' })
  t.equal(await h1(page), `${LEA.name} sur ${CONTRACT.name}`)
  t.equal((await page.getByRole('status').innerText()).trim(), `${LEA.name} a désormais accès au contrat.`, 'a notice says she now has access')
  t.ok(await page.getByText('Invitation en attente').isVisible(), 'her profile says the invitation is pending')
  t.ok(await page.getByRole('button', { name: 'Renvoyer l’invitation' }).isVisible(), 'and offers to send it again')
}

async function openRightsFromMenu(t: Test, journey: Journey) {
  const page = journey.page
  const rights = page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Droits', exact: true })
  if (journey.browsing.screen === 'phone' && journey.browsing.javaScript) {
    t.notOk(await rights.isVisible(), 'on a phone the menu starts folded')
    await page.getByText('Menu', { exact: true }).tap()
    t.ok(await rights.isVisible(), 'tapping "Menu" unfolds it')
    await journey.see('menu-open', { lang: 'fr' })
  }
  await journey.submit(() => rights.click())
  t.equal(pathOf(page), '/rights', 'the menu\'s "Droits" opens the Rights page')
  await journey.see('rights', { lang: 'fr' })
}

async function fillStepOne(page: Page, person: typeof LEA) {
  await page.getByRole('group', { name: 'Civilité' }).getByRole('radio', { name: person.title, exact: true }).check()
  await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill(person.firstName)
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(person.lastName)
  await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(person.email)
  await loginField(page).fill(person.login)
}

async function stepOneShows(t: Test, page: Page, person: typeof LEA, what: string) {
  t.same({
    title: await page.getByRole('group', { name: 'Civilité' }).getByRole('radio', { name: person.title, exact: true }).isChecked(),
    firstName: await page.getByRole('textbox', { name: 'Prénom', exact: true }).inputValue(),
    lastName: await page.getByRole('textbox', { name: 'Nom', exact: true }).inputValue(),
    email: await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).inputValue(),
    login: await loginField(page).inputValue(),
  }, { title: true, firstName: person.firstName, lastName: person.lastName, email: person.email, login: person.login },
  `${what}: ${person.title} ${person.firstName} ${person.lastName}, ${person.email}, ${person.login}`)
}

function loginField(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Identifiant', exact: true })
}

async function summaryShowsLea(t: Test, page: Page) {
  t.ok(await page.getByText('Étape 3 sur 3').isVisible(), 'the summary is step 3')
  const rows = await summaryRows(page)
  t.same({ Nom: rows.Nom, 'Adresse e-mail': rows['Adresse e-mail'], Identifiant: rows.Identifiant }, { Nom: `${LEA.title} ${LEA.name}`, 'Adresse e-mail': LEA.email, Identifiant: LEA.login },
    'the summary shows who: title and name, email, login')
  for (const [section, role] of Object.entries(GRANTED)) t.equal(rows[section], role, `and the roles: ${section}, ${role}`)
  t.ok(await page.getByText('Le nouvel utilisateur reçoit un e-mail avec un lien pour choisir son mot de passe.').isVisible(), 'it says an email will let the new user choose a password')
}

async function newUserIsListedAsPending(t: Test, journey: Journey) {
  const page = journey.page
  await journey.submit(() => page.getByRole('link', { name: 'Retour aux utilisateurs du contrat' }).click())
  t.equal(pathOf(page), `/rights?contract=${CONTRACT.code}`, 'the profile leads back to the list')
  await journey.see('list-with-pending', { lang: 'fr' })
  const row = userRow(page, LEA.name)
  t.equal(await row.count(), 1, `${LEA.name} is in the list of the contract's users`)
  t.match(await row.innerText(), 'Invitation en attente', 'marked "Invitation en attente"')
  t.match(await row.innerText(), LEA.email, 'with her email')
}

async function aliceGivesUsersVisitor(t: Test, alice: Journey) {
  const page = alice.page
  await alice.submit(() => userRow(page, LEA.name).getByRole('link', { name: `Voir le profil ${LEA.name}` }).click())
  t.equal(pathOf(page), `/rights/users/${LEA.login}?contract=${CONTRACT.code}`, '"Voir le profil" opens the new user\'s profile')
  await alice.see('lea-profile', { lang: 'fr' })
  t.equal(await page.getByText('Invitation en attente').count(), 0, 'her invitation is no longer pending: she chose her password')
  for (const [section, role] of Object.entries(GRANTED)) t.equal(await checkedRole(page, section), role, `the form shows her current role on ${section}`)
  await roleGroup(page, 'Utilisateurs').getByRole('radio', { name: 'Visiteur', exact: true }).check()
  await alice.see('lea-users-visitor-chosen', { lang: 'fr' })
  const response = await alice.submit(() => page.getByRole('button', { name: 'Enregistrer les rôles' }).click())
  t.equal(await redirectStatus(response), 303, 'saving the roles is answered with a redirect')
  t.equal(pathOf(page), `/rights/users/${LEA.login}?contract=${CONTRACT.code}`, 'back to her profile')
  await alice.see('lea-roles-saved', { lang: 'fr' })
  t.equal((await page.getByRole('status').innerText()).trim(), `Les rôles de ${LEA.name} sont enregistrés. Ils s’appliquent dès sa prochaine page.`, 'a notice says they apply from her next page')
  t.equal(await checkedRole(page, 'Utilisateurs'), 'Visiteur', 'Users is now visitor')
  t.equal(await checkedRole(page, 'Factures'), 'Gestionnaire', 'the other roles are unchanged')
}

async function aliceDeletesLeasAccess(t: Test, alice: Journey) {
  const page = alice.page
  await alice.submit(() => page.getByRole('link', { name: 'Supprimer l’accès de cet utilisateur au contrat' }).click())
  t.equal(pathOf(page), `/rights/users/${LEA.login}/delete?contract=${CONTRACT.code}`, 'the profile links to the delete page')
  await alice.see('delete-page', { lang: 'fr' })
  t.equal(await h1(page), `Supprimer l’accès de ${LEA.name}`)
  t.ok(await page.getByText(`${LEA.name} perdra l’accès à ${CONTRACT.name} (${CONTRACT.code}), définitivement.`).isVisible(), 'it says what will be lost')

  let response = await alice.submit(() => page.getByRole('button', { name: 'Supprimer l’accès' }).click())
  t.equal(response.status(), 422, 'without the box ticked, nothing is deleted (422)')
  await alice.see('delete-not-confirmed', { lang: 'fr' })
  const summary = page.getByRole('alert')
  t.match(await summary.innerText(), 'Cochez la case pour confirmer la suppression', 'the error summary asks to tick the box')
  t.equal(await summary.getByRole('link').getAttribute('href'), '#confirm', 'and links to it')
  const confirm = page.getByRole('checkbox', { name: 'Je confirme la suppression de cet accès' })
  // As every field of the portal (views/partials/field.eta, radios.eta): reached
  // from the summary's link, the box must say why it is in error.
  t.match(await confirm.getAttribute('aria-describedby') ?? '(none)', /\bconfirm-error\b/,
    'the box points to its error message (aria-describedby="confirm-error"), so a screen reader reads the error with it')

  await confirm.check()
  response = await alice.submit(() => page.getByRole('button', { name: 'Supprimer l’accès' }).click())
  t.equal(await redirectStatus(response), 303, 'the confirmed deletion is answered with a redirect')
  t.equal(pathOf(page), `/rights?contract=${CONTRACT.code}`, 'to the list of the contract\'s users')
  await alice.see('access-deleted', { lang: 'fr' })
  t.equal((await page.getByRole('status').innerText()).trim(), `${LEA.name} n’a plus accès à ${CONTRACT.name}.`, 'a notice says she no longer has access')
  t.equal(await userRow(page, LEA.name).count(), 0, `${LEA.name} is gone from the list`)
}

async function referentCannotBeDeleted(t: Test, alice: Journey) {
  const page = alice.page
  await alice.submit(() => userRow(page, 'Alice Martin').getByRole('link', { name: 'Voir le profil Alice Martin' }).click())
  t.equal(pathOf(page), `/rights/users/alice.martin?contract=${CONTRACT.code}`)
  await alice.see('own-profile', { lang: 'fr' })
  t.ok(await page.getByText('Le référent a le rôle gestionnaire sur chaque section du contrat.').isVisible(), 'her profile says the referent holds manager everywhere')
  t.equal(await page.getByRole('link', { name: /Supprimer l’accès/ }).count(), 0, 'and offers no link to delete her access')

  // What a person who knows the address of the delete page would try.
  await alice.open(`/rights/users/alice.martin/delete?contract=${CONTRACT.code}`)
  await alice.see('own-delete-page', { lang: 'fr' })
  t.equal(await page.getByRole('button', { name: 'Supprimer l’accès' }).count(), 0, 'the delete page offers no button for the referent')
  t.ok(await page.getByText('L’accès du référent ne peut pas être supprimé : par sécurité, un contrat garde toujours son référent. Confiez d’abord le rôle de référent à un autre utilisateur.').isVisible(),
    'it says why, and what to do')

  await alice.open(`/rights?contract=${CONTRACT.code}`)
  await alice.see('referent-still-listed', { lang: 'fr' })
  t.match(await userRow(page, 'Alice Martin').innerText(), 'Référent', 'Alice is still listed, as the referent')
}

// --- Léa's steps -------------------------------------------------------------

function welcomeLink(t: Test, received: ReceivedEmail[], portal: Portal): string {
  t.equal(received.length, 1, 'the SMTP server received one message')
  const email = received[0]!
  t.same(email.recipients, [LEA.email], `addressed to ${LEA.email}`)
  t.equal(email.subject, 'Votre compte Espace Client Cloud', 'in French, the language the referent used')
  t.match(email.text, `Bonjour ${LEA.firstName},`, 'it greets her by her first name')
  t.match(email.text, `Alice Martin a créé votre compte Espace Client Cloud pour le contrat ${CONTRACT.name}.`, 'it says who invited her, to which contract')
  t.match(email.text, /Votre identifiant\W+lea\.fontaine/, 'it gives her login')
  const escaped = portal.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const link = new RegExp(`${escaped}/password/reset/[A-Za-z0-9_-]+`).exec(email.text)?.[0]
  t.ok(link, `it carries a link to this portal's password page (${link?.slice(0, 60)}…)`)
  t.match(email.html, `href="${link}"`, 'the HTML part links to the same address')
  return link ?? `${portal.url}/password/reset/missing`
}

async function choosePasswordFromLink(t: Test, lea: Journey, link: string) {
  const page = lea.page
  let response = await lea.submit(() => page.goto(link))
  t.equal(response.status(), 200, 'the link opens in her own browser')
  // Nobody is signed in there: the page speaks the browser's language (en-GB).
  await lea.see('choose-password', { lang: 'en' })
  t.equal(await h1(page), 'Choose your password', 'the page invites her to choose her first password')
  t.same(checkNewPassword(LEA_PASSWORD, LEA.login), [], `${LEA_PASSWORD} follows the password rule`)
  await page.getByLabel(/^New password/).fill(LEA_PASSWORD)
  await page.getByLabel('Type the new password again').fill(LEA_PASSWORD)
  await lea.see('password-typed', { lang: 'en' })
  response = await lea.submit(() => page.getByRole('button', { name: 'Save the password' }).click())
  t.equal(await redirectStatus(response), 303, 'saving is answered with a redirect')
  t.equal(pathOf(page), '/login', 'to the login page')
  await lea.see('password-saved', { lang: 'en' })
  t.equal((await page.getByRole('status').innerText()).trim(), 'Your password is saved. Log in with it.')
}

async function leaSeesHerRights(t: Test, lea: Journey) {
  const page = lea.page
  const entry = page.locator('.contract-item').filter({ hasText: CONTRACT.code })
  await entry.locator('summary').click()
  await lea.submit(() => entry.getByRole('link', { name: /^Informations du contrat/ }).click())
  t.equal(pathOf(page), `/contracts/${CONTRACT.code}`, 'the contract opens from her dashboard')
  await lea.see('contract', { lang: 'fr' })
  const table = page.getByRole('region', { name: 'Mes droits sur ce contrat' }).getByRole('table')
  const rows = await table.locator('tbody tr').evaluateAll((trs: Array<{ querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }>) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())))
  t.same(Object.fromEntries(rows.map(([section, role]) => [section, role])), LEA_RIGHTS,
    '"Mes droits sur ce contrat" shows exactly the roles granted: Contracts visitor, Bills manager, no access elsewhere')
  const allows = Object.fromEntries(rows.map(([section, , what]) => [section, what]))
  t.equal(allows.Factures, 'Tout : consommation valorisée, simulation du mois en cours, factures, téléchargement groupé', 'and what Bills manager allows')
  t.equal(allows.Contrats, 'Voir les informations du contrat, sans celles de la société', 'and what Contracts visitor allows')
  t.ok(await page.getByText('Vous n’avez aucun rôle sur les consoles de ce contrat.').isVisible(), 'no console role')
  t.equal(await page.getByText('Vous êtes le référent de ce contrat').count(), 0, 'she is not its referent')
}

async function menuHasNoRightsEntry(t: Test, lea: Journey) {
  const menu = lea.page.getByRole('navigation', { name: 'Menu principal' })
  const entries = (await menu.getByRole('link').allInnerTexts()).map((text) => text.trim())
  t.notOk(entries.includes('Droits'), `with Users at no access, the menu has no "Droits" entry (menu: ${entries.join(', ')})`)
}

async function rightsPageIsRefused(t: Test, lea: Journey) {
  const page = lea.page
  // What she would type, the menu offering no way there.
  let response = await lea.open('/rights')
  t.equal(response.status(), 403, '/rights, typed in the address bar, answers 403: her role on Users is too low')
  await lea.see('rights-typed', { lang: 'fr' })
  t.equal(await h1(page), 'Accès refusé', 'the page says access is refused')

  response = await lea.open(`/rights?contract=${CONTRACT.code}`)
  t.equal(response.status(), 403, `/rights?contract=${CONTRACT.code} answers 403`)
  await lea.see('rights-refused', { lang: 'fr' })
  t.equal(await h1(page), 'Accès refusé')
  t.ok(await page.getByText('Cette page nécessite le rôle Visiteur sur la section Utilisateurs de ce contrat.').isVisible(), 'and names the role needed')
}

async function leaNowOpensRights(t: Test, lea: Journey) {
  const page = lea.page
  // Her next page: the 403 page's way back to the dashboard.
  await lea.submit(() => page.getByRole('main').getByRole('link', { name: 'Retour au tableau de bord' }).click())
  t.equal(pathOf(page), '/')
  await lea.see('dashboard-after-role-change', { lang: 'fr' })
  const rights = page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Droits', exact: true })
  t.equal(await rights.count(), 1, 'on her next page, without signing in again, the menu has the "Droits" entry')
  const response = await lea.submit(() => rights.click())
  t.equal(response.status(), 200, '/rights now opens')
  t.equal(pathOf(page), '/rights')
  await lea.see('rights-opens', { lang: 'fr' })
  t.equal(await h1(page), `Droits sur ${CONTRACT.name} (${CONTRACT.code})`)
  t.equal(await userRow(page, LEA.name).count(), 1, 'she sees the contract\'s users, herself among them')
  t.equal(await userRow(page, 'Alice Martin').count(), 1, 'and Alice')
  t.equal(await page.getByRole('link', { name: 'Ajouter un utilisateur' }).count(), 0, 'as a visitor she is not offered "Ajouter un utilisateur"')
}

async function leaHasLostTheContract(t: Test, lea: Journey) {
  const page = lea.page
  let response = await lea.submit(() => page.reload())
  t.equal(response.status(), 404, 'on her next page, /rights answers 404: she holds no role on any contract any more')
  await lea.see('rights-after-deletion', { lang: 'fr' })
  response = await lea.open(`/contracts/${CONTRACT.code}`)
  t.equal(response.status(), 404, 'and the contract page answers 404')
  await lea.see('contract-after-deletion', { lang: 'fr' })

  response = await lea.submit(() => page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click())
  t.equal(pathOf(page), '/login')
  await lea.see('logged-out', { lang: 'fr' })
  response = await logIn(lea, LEA.login, LEA_PASSWORD, 'fr')
  t.equal(response.status(), 422, 'her password no longer signs her in (422)')
  await lea.see('login-no-access', { lang: 'fr' })
  t.match(await page.getByRole('alert').innerText(), 'Votre compte n’a plus accès à aucun contrat. Demandez au référent de votre société de vous ajouter à nouveau.',
    'the login page says her account has no contract any more')
}

// --- shared ------------------------------------------------------------------

const LOGIN_FORM = {
  en: { login: 'Login', password: 'Password', submit: 'Log in' },
  fr: { login: 'Identifiant', password: 'Mot de passe', submit: 'Se connecter' },
} as const

/** Types the login and password on the login page and sends the form. */
async function logIn(journey: Journey, login: string, password: string, lang: Locale): Promise<Response> {
  const page = journey.page
  const text = LOGIN_FORM[lang]
  await page.getByRole('textbox', { name: text.login, exact: true }).fill(login)
  await page.getByLabel(text.password).fill(password)
  return journey.submit(() => page.getByRole('button', { name: text.submit, exact: true }).click())
}

/** A section's radio group (step 2, the profile's roles form). */
function roleGroup(page: Page, section: string): Locator {
  return page.getByRole('group', { name: section, exact: true })
}

/** The label of the ticked role of a section. */
async function checkedRole(page: Page, section: string): Promise<string | undefined> {
  const radios = roleGroup(page, section).getByRole('radio')
  for (let i = 0; i < (await radios.count()); i++) {
    const radio = radios.nth(i)
    if (await radio.isChecked()) return (await radio.locator('xpath=..').innerText()).trim()
  }
  return undefined
}

/** The summary's term → description pairs (both lists: the person and the roles). */
function summaryRows(page: Page): Promise<Record<string, string>> {
  return page.locator('.summary-list > div').evaluateAll((rows: Array<{ querySelector(s: string): { textContent: string | null } | null }>) =>
    Object.fromEntries(rows.map((row) => [row.querySelector('dt')?.textContent?.trim() ?? '', (row.querySelector('dd')?.textContent ?? '').replace(/\s+/g, ' ').trim()])))
}

/** The row of the users list naming this person. */
function userRow(page: Page, name: string): Locator {
  return page.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell').filter({ hasText: name }) })
}

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim()
}
