// The back-office's users pages (being built).
import type { FastifyInstance } from 'fastify'

export async function adminUsersRoutes(_app: FastifyInstance) {}
