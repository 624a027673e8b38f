// Need help: the contract's support level and contacts, the FAQ, and a
// customer advisor by email or by a call back.
import type { FastifyInstance } from 'fastify'

export async function helpRoutes(app: FastifyInstance) {
  void app
}
