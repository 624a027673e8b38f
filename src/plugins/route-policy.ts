// Secure by default: every route declares `config.public`, or a `policy`
// ('authenticated' or { section, level }). A route that declares neither
// stops the app at start. The list of routes with their policy is kept for
// the rights-matrix test and docs/routes.md.
import fp from 'fastify-plugin'
import type { RouteOptions } from 'fastify'
import { contractGuard, staffGuard } from '../policy/index.js'

export interface DeclaredRoute {
  method: string
  url: string
  policy: string
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes(): DeclaredRoute[]
  }
}

export const routePolicyPlugin = fp(async (app) => {
  const routes: RouteOptions[] = []
  app.addHook('onRoute', (route) => {
    routes.push(route)
    const policy = route.config?.policy
    if (typeof policy === 'object') {
      const guard = 'staff' in policy ? staffGuard(policy) : contractGuard(policy)
      route.preHandler = [guard, ...asArray(route.preHandler)]
    }
  })
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((route) => !route.config?.public && !route.config?.policy)
    if (undeclared.length > 0) {
      const names = undeclared.map((route) => `${String(route.method)} ${route.url}`).join(', ')
      throw new Error(`routes without a declared policy (config.public or config.policy): ${names}`)
    }
    // The staff namespace: every /admin route behind the staff guard, and the staff guard only there.
    const misplaced = routes.filter((route) => isAdminUrl(route.url) !== isStaffPolicy(route.config?.policy))
    if (misplaced.length > 0) {
      const names = misplaced.map((route) => `${String(route.method)} ${route.url}`).join(', ')
      throw new Error(`/admin routes need a { staff } policy, and only they: ${names}`)
    }
  })
  app.decorate('declaredRoutes', () => routes.flatMap(describe))
})

function describe(route: RouteOptions): DeclaredRoute[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  const policy = route.config?.public ? 'public' : JSON.stringify(route.config?.policy)
  return methods.filter((method) => method !== 'HEAD').map((method) => ({ method, url: route.url, policy }))
}

function isAdminUrl(url: string): boolean {
  return url === '/admin' || url.startsWith('/admin/')
}

function isStaffPolicy(policy: unknown): boolean {
  return typeof policy === 'object' && policy !== null && 'staff' in policy
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}
