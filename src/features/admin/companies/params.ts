// Reading the ids and codes the back-office's URLs carry: anything that isn't
// one is a 404 (or a 400 when a query parameter is repeated), never a 500.
import type { FastifyRequest } from 'fastify'
import { BadRequestError, NotFoundError } from '../../../lib/http-errors.js'

const ID = /^[1-9][0-9]{0,8}$/

/** The numeric `:id` of the route. */
export function idParam(request: FastifyRequest): number {
  return asId((request.params as { id?: unknown }).id)
}

/** A numeric query parameter, e.g. `?company=12`. */
export function idQuery(request: FastifyRequest, name: string): number {
  const value = (request.query as Record<string, unknown>)[name]
  if (Array.isArray(value)) throw new BadRequestError(`${name} sent twice`)
  return asId(value)
}

/** The `:code` of a contract route, as long as a code can be. */
export function codeParam(request: FastifyRequest): string {
  const code = (request.params as { code?: unknown }).code
  if (typeof code !== 'string' || code.length === 0 || code.length > 32) throw new NotFoundError()
  return code
}

/** A text query parameter (a filter): cleaned by the caller; a repeated one is a 400. */
export function textQuery(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown>)[name]
  if (Array.isArray(value)) throw new BadRequestError(`${name} sent twice`)
  return typeof value === 'string' ? value : ''
}

function asId(value: unknown): number {
  if (typeof value !== 'string' || !ID.test(value)) throw new NotFoundError()
  return Number(value)
}

/** The page number of a list: 1 for anything that isn't a plain number, at most 10,000. */
export function pageNumber(raw: string): number {
  return /^[0-9]{1,5}$/.test(raw) ? Math.min(10_000, Math.max(1, Number(raw))) : 1
}

/** Who did it, for the audit rows. */
export function actorOf(request: FastifyRequest) {
  return { userId: request.user!.id, ip: request.ip, name: `${request.user!.first_name} ${request.user!.last_name}` }
}
export type Actor = ReturnType<typeof actorOf>
