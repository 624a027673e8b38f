// The back-office's platforms area (PRODUCT.md, "Back-office"): platforms and
// their regions, incidents and maintenance windows, from which the customers'
// weather is computed. Every route is the `platforms` area of the staff table.
import type { FastifyInstance } from 'fastify'
import { platformPage, platformsPage } from './platform-pages.handlers.js'
import { createIncident, incidentPage, newIncidentPage, postIncidentClose, postIncidentUpdate } from './incidents.handlers.js'
import { createMaintenance, maintenancePage, newMaintenancePage, postMaintenanceCancel, postMaintenanceUpdate } from './maintenance.handlers.js'

const platforms = { policy: { staff: 'platforms' as const } }

export async function adminPlatformsRoutes(app: FastifyInstance) {
  app.get('/admin/platforms', { config: platforms }, platformsPage)
  app.get('/admin/platforms/:code', { config: platforms }, platformPage)

  app.get('/admin/incidents/new', { config: platforms }, newIncidentPage)
  app.post('/admin/incidents/new', { config: platforms }, createIncident)
  app.get('/admin/incidents/:id', { config: platforms }, incidentPage)
  app.post('/admin/incidents/:id', { config: platforms }, postIncidentUpdate)
  app.post('/admin/incidents/:id/close', { config: platforms }, postIncidentClose)

  app.get('/admin/maintenance/new', { config: platforms }, newMaintenancePage)
  app.post('/admin/maintenance/new', { config: platforms }, createMaintenance)
  app.get('/admin/maintenance/:id', { config: platforms }, maintenancePage)
  app.post('/admin/maintenance/:id', { config: platforms }, postMaintenanceUpdate)
  app.post('/admin/maintenance/:id/cancel', { config: platforms }, postMaintenanceCancel)
}
