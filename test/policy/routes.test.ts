// The reviewable list of every (method, URL) with its policy. When a route is
// added, this list changes in the same commit: review it like a rights table.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { ADMIN_EXPECTED } from './admin-routes.js'
import { CONTRACT_FEATURES_EXPECTED } from './features/index.js'
import { REQUESTS_EXPECTED } from './requests/index.js'
import { BILLS_EXPECTED } from './bills/index.js'
import { CATALOG_EXPECTED } from './catalog/index.js'

const EXPECTED = [
  'GET /contracts/:code {"section":"contracts","level":"visitor"}',
  'POST /contracts/:code/referent {"section":"contracts","level":"visitor","referentOnly":true}',
  'POST /contracts/:code/domain-owner {"section":"contracts","level":"visitor","referentOrDomainOwner":true}',
  'POST /contracts/:code/require-2fa {"section":"contracts","level":"visitor","referentOnly":true}',
  'POST /contracts/:code/share-requests {"section":"contracts","level":"visitor","referentOnly":true}',
  'GET /contracts/:code/audit {"section":"contracts","level":"visitor","referentOnly":true}',
  'GET /account "authenticated"',
  'GET /account/company "authenticated"',
  'GET /account/contact "authenticated"',
  'GET /account/password "authenticated"',
  'POST /account/company/contact "authenticated"',
  'POST /account/contact "authenticated"',
  'POST /account/password "authenticated"',
  'GET /account/security "authenticated"',
  'POST /account/sessions/end "authenticated"',
  'POST /account/sessions/end-others "authenticated"',
  'POST /account/totp/confirm "authenticated"',
  'POST /account/totp/disable "authenticated"',
  'POST /account/totp/recovery-codes "authenticated"',
  'POST /account/totp/start "authenticated"',
  'GET /notifications "authenticated"',
  'POST /notifications/:id/read "authenticated"',
  'POST /notifications/read-all "authenticated"',
  'POST /notifications/preferences "authenticated"',
  'GET /rights {"section":"users","level":"visitor","defaultContract":true}',
  'GET /rights/users/:login {"section":"users","level":"visitor"}',
  'POST /rights/users/:login/resend {"section":"users","level":"manager"}',
  'GET /rights/new {"section":"users","level":"manager"}',
  'POST /rights/new {"section":"users","level":"manager"}',
  'GET /rights/new/roles {"section":"users","level":"manager"}',
  'POST /rights/new/roles {"section":"users","level":"manager"}',
  'GET /rights/new/summary {"section":"users","level":"manager"}',
  'POST /rights/new/save {"section":"users","level":"manager"}',
  'POST /rights/users/:login/roles {"section":"users","level":"manager"}',
  'GET /rights/users/:login/delete {"section":"users","level":"manager"}',
  'POST /rights/users/:login/delete {"section":"users","level":"manager"}',
  'GET /login/2fa public',
  'POST /login/2fa public',
  'GET /password/forgot public',
  'GET /password/forgot/sent public',
  'POST /password/forgot public',
  'GET /password/reset/:token public',
  'POST /password/reset/:token public',
  'GET / "authenticated"',
  'GET /healthz public',
  'GET /login public',
  'GET /public/* public',
  'GET /readyz public',
  'POST /lang public',
  'POST /login public',
  'POST /logout public',
  ...ADMIN_EXPECTED,
  ...CONTRACT_FEATURES_EXPECTED,
  ...REQUESTS_EXPECTED,
  ...BILLS_EXPECTED,
  ...CATALOG_EXPECTED,
]

t.test('every route declares its policy, and the list is the one reviewed here', async (t) => {
  const app = await buildTestApp(t)
  const listed = app.declaredRoutes().map((route) => `${route.method} ${route.url} ${route.policy}`).sort()
  t.same(listed, [...EXPECTED].sort())
})

t.test('the app refuses to start when an /admin route is not behind the staff guard, or a staff policy is outside /admin', async (t) => {
  const unguarded = buildTestApp(t, { extraRoutes: async (app) => { app.get('/admin/open', { config: { policy: 'authenticated' } }, async () => 'oops') } })
  await t.rejects(unguarded, /\/admin routes need a \{ staff \} policy, and only they: GET \/admin\/open/)
  const misplaced = buildTestApp(t, { extraRoutes: async (app) => { app.get('/elsewhere', { config: { policy: { staff: 'audit' } } }, async () => 'oops') } })
  await t.rejects(misplaced, /GET \/elsewhere/)
})

t.test('the app refuses to start when a route declares no policy', async (t) => {
  const started = buildTestApp(t, {
    extraRoutes: async (app) => {
      app.get('/forgotten', async () => 'anyone?')
    },
  })
  await t.rejects(started, /routes without a declared policy.*GET \/forgotten/)
})
