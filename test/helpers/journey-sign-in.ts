// Signing in through the real login page in a browser journey, as a
// customer or as staff (whose second factor is set as enrolment would set
// it, the code then typed on the second page).
import otplib from 'otplib'
import { DEMO_PASSWORD } from '../../scripts/seed-demo.js'
import { en } from '../../src/i18n/en.js'
import { fr } from '../../src/i18n/fr.js'
import { totpBox } from '../../src/features/security/totp.js'
import type { Journey, Portal } from './browser.js'

const { authenticator } = otplib

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A catalog text in either language, whole: for a page whose language depends on the browser. */
export const either = (key: keyof typeof en) => new RegExp(`^(${escaped(en[key])}|${escaped(fr[key])})$`)

/** Opens /login and signs in with the demo password (the login page speaks English in journeys). */
export async function signIn(journey: Journey, login: string) {
  await journey.open('/login')
  await journey.page.getByLabel('Login').fill(login)
  await journey.page.getByLabel('Password').fill(DEMO_PASSWORD)
  return journey.submit(() => journey.page.getByRole('button', { name: 'Log in' }).click())
}

export async function signInStaff(journey: Journey, portal: Portal, login: string) {
  const secret = authenticator.generateSecret(20)
  await portal.db.updateTable('users').set({ totp_secret: totpBox(portal.app.config.sessionSecret).seal(secret), totp_enabled_at: new Date().toISOString(), totp_last_step: null })
    .where('login', '=', login).execute()
  await signIn(journey, login)
  // The code page speaks the browser's language until the user is signed in.
  await journey.page.locator('input[name="code"]').fill(authenticator.generate(secret))
  await journey.submit(() => journey.page.getByRole('button', { name: either('login2fa.submit') }).click())
}
