// One place turns every error into a localized page with the right status. A
// 5xx shows only an error id, which is the request id in the log.
import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ForbiddenError, SecondFactorRequiredError } from '../lib/http-errors.js'
import { isLevel, isSection, isStaffArea, rolesOpening } from '../policy/index.js'
import { localeFromAcceptLanguage, translator } from '../i18n/index.js'
import { applySecurityHeaders } from './security.js'
import { bareLocals } from './view.js'

export const errorsPlugin = fp(async (app) => {
  app.setNotFoundHandler((request, reply) => renderError(request, reply, 404, 'errors/404'))

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof SecondFactorRequiredError) {
      reply.flash('info', 'security.required_by_contract', { contract: error.contractName })
      return reply.redirect('/account/security', 303)
    }
    const status = error.statusCode ?? 500
    if (status >= 500) {
      request.log.error({ err: error, errorId: request.id }, 'request failed')
      return renderError(request, reply, 500, 'errors/500', { errorId: request.id })
    }
    if (error instanceof ForbiddenError) return renderForbidden(request, reply, error)
    if (error.code?.startsWith('FST_CSRF')) return renderError(request, reply, 403, 'errors/csrf')
    if (status === 404) return renderError(request, reply, 404, 'errors/404')
    if (status === 413) return renderError(request, reply, 413, 'errors/413')
    if (status === 429) return renderError(request, reply, 429, 'errors/429')
    // Any other 403 comes from the static files (a NUL byte, a traversal): as good as not found.
    if (status === 403) return renderError(request, reply, 404, 'errors/404')
    request.log.info({ err: { message: error.message, code: error.code } }, 'bad request')
    return renderError(request, reply, 400, 'errors/400')
  })
})

/** Fastify's `frameworkErrors`: a URL it cannot route (bad percent-encoding,
 * a parameter over 100 characters) is answered before any hook runs, so the
 * language and the security headers are set here. */
export async function renderFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  applySecurityHeaders(request.server.config, request, reply)
  const i18n = translator(localeFromAcceptLanguage(request.headers['accept-language']) ?? 'en')
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 404 : 400
  // This reply has none of the plugins' decorators: render through the instance.
  const html = await request.server.view(`errors/${status}`, { ...bareLocals(i18n), path: '/' })
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html)
}

function renderForbidden(request: FastifyRequest, reply: FastifyReply, error: ForbiddenError) {
  const needed = error.needed
  const known = needed && isSection(needed.section) && isLevel(needed.level)
  const message = needed?.section === 'referent'
    ? request.i18n.t('error.403.referent')
    : needed?.section === 'contract_status' && (needed.level === 'suspended' || needed.level === 'closed')
    ? request.i18n.t(`contract.readonly.${needed.level}`)
    : needed?.section === 'staff' && isStaffArea(needed.level)
    ? request.i18n.t('error.403.staff', { roles: rolesOpening(needed.level).map((role) => request.i18n.t(`admin.role.${role}`)).join(', ') })
    : known
    ? request.i18n.t('error.403.needs', {
        role: request.i18n.t(`role.${needed.level}` as 'role.visitor'),
        section: request.i18n.t(`section.${needed.section}` as 'section.users'),
      })
    : request.i18n.t('error.403.body')
  return renderError(request, reply, 403, 'errors/403', { message })
}

async function renderError(request: FastifyRequest, reply: FastifyReply, status: number, view: string, data: Record<string, unknown> = {}) {
  reply.code(status).header('cache-control', 'no-store')
  try {
    return await reply.render(view, data)
  } catch (renderFailure) {
    // The error page itself failed (e.g. the database is gone): plain text, still no details.
    request.log.error({ err: renderFailure, errorId: request.id }, 'error page failed')
    return reply.type('text/plain; charset=utf-8').send(`Error ${status}. Reference: ${request.id}`)
  }
}
