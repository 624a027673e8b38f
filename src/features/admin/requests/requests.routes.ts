// The request queue (staff area `requests`).
import type { FastifyInstance } from 'fastify'

export async function adminRequestsRoutes(app: FastifyInstance) {
  void app
}
