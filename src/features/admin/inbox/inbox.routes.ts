// The back-office's inbox pages (being built).
import type { FastifyInstance } from 'fastify'

export async function adminInboxRoutes(_app: FastifyInstance) {}
