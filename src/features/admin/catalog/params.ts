// The records the catalog's URLs name: an id or a code that can't be one, or
// that no record has, is a 404, never a 500.
import type { FastifyRequest } from 'fastify'
import { NotFoundError } from '../../../lib/http-errors.js'
import type { CatalogCategory, CatalogService, SubscriptionOffer } from '../../../db/catalog.table.js'
import { idParam } from '../companies/params.js'
import { findCategory, findServiceByCode, findSubscriptionOffer } from './admin-catalog.queries.js'

const SERVICE_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/

export async function categoryOfParam(request: FastifyRequest): Promise<CatalogCategory> {
  return found(await findCategory(request.server.db, idParam(request)))
}

export async function serviceOfParam(request: FastifyRequest): Promise<CatalogService> {
  const code = (request.params as { code?: unknown }).code
  if (typeof code !== 'string' || !SERVICE_CODE.test(code)) throw new NotFoundError()
  return found(await findServiceByCode(request.server.db, code))
}

export async function offerOfParam(request: FastifyRequest): Promise<SubscriptionOffer> {
  return found(await findSubscriptionOffer(request.server.db, idParam(request)))
}

function found<T>(row: T | undefined): T {
  if (row === undefined) throw new NotFoundError()
  return row
}
