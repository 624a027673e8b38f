// Reading what the platforms pages' URLs carry: an id or a code that isn't
// one is a 404, a repeated query parameter a 400, never a 500.
import type { FastifyRequest } from 'fastify'
import { BadRequestError, NotFoundError } from '../../../lib/http-errors.js'
import { findPlatformByCode, INCIDENT_FILTERS, type IncidentFilter, type PlatformWithRegions } from './platforms.queries.js'
import type { Actor } from './incidents.writes.js'

const ID = /^[1-9][0-9]{0,8}$/

/** The numeric `:id` of the route. */
export function idParam(request: FastifyRequest): number {
  const id = (request.params as { id?: unknown }).id
  if (typeof id !== 'string' || !ID.test(id)) throw new NotFoundError()
  return Number(id)
}

/** A query parameter as a string ('' when absent); 400 when repeated. */
export function textQuery(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name]
  if (Array.isArray(value)) throw new BadRequestError(`${name} sent twice`)
  return typeof value === 'string' ? value : ''
}

/** The platform of `:code` or of `?platform=`: 404 when there is no such platform. */
export async function platformOf(request: FastifyRequest, code: unknown): Promise<PlatformWithRegions> {
  if (typeof code !== 'string' || code.length === 0 || code.length > 40) throw new NotFoundError()
  const platform = await findPlatformByCode(request.server.db, code)
  if (!platform) throw new NotFoundError()
  return platform
}

export const platformOfQuery = (request: FastifyRequest) => platformOf(request, textQuery(request, 'platform'))
export const platformOfParam = (request: FastifyRequest) => platformOf(request, (request.params as { code?: unknown }).code)

/** The page number of a list: 1 for anything that isn't a plain number, at most 10,000. */
export function pageQuery(request: FastifyRequest): number {
  const raw = textQuery(request, 'page')
  return /^[0-9]{1,5}$/.test(raw) ? Math.min(10_000, Math.max(1, Number(raw))) : 1
}

/** The incidents filter: anything unknown shows them all. */
export function incidentFilterQuery(request: FastifyRequest): IncidentFilter {
  const raw = textQuery(request, 'status')
  return (INCIDENT_FILTERS as readonly string[]).includes(raw) ? (raw as IncidentFilter) : 'all'
}

/** Who did it, for the audit rows. */
export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user!.id, ip: request.ip }
}
