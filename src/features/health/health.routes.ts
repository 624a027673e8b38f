import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'

export async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { config: { public: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }))

  app.get('/readyz', { config: { public: true }, logLevel: 'warn' }, async (request, reply) => {
    try {
      await sql`select 1`.execute(app.db)
      return { status: 'ready' }
    } catch (error) {
      request.log.error({ err: error }, 'database not ready')
      return reply.code(503).send({ status: 'unavailable' })
    }
  })
}
