// The back-office's platforms pages (being built).
import type { FastifyInstance } from 'fastify'

export async function adminPlatformsRoutes(_app: FastifyInstance) {}
