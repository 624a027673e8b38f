// Stylesheet and icons under /public/. The routes @fastify/static adds take no
// config of ours, so this scope marks them public for the route policy check.
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { PUBLIC_DIR } from '../lib/paths.js'

export async function staticFiles(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, public: true }
  })
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/public/',
    maxAge: app.config.nodeEnv === 'production' ? '1d' : 0,
    index: false,
    list: false,
  })
}
