// Creating a request: choose the contract and the type, then report an
// incident or request a change from the change catalog.
import type { FastifyInstance } from 'fastify'

export async function newRequestRoutes(app: FastifyInstance) {
  void app
}
