// (support-level: being built)
import type { FastifyInstance } from 'fastify'

export async function supportLevelRoutes(_app: FastifyInstance) {}
