// GET /admin/companies: the companies, searched by name, registration number,
// or the code or name of one of their contracts; sorted; paginated.
import type { FastifyInstance } from 'fastify'
import { cleanText } from '../../../lib/forms.js'
import { COMPANIES_PAGE_SIZE, COMPANY_SORTS, listCompanies, type CompanySort } from './companies.queries.js'
import { pageNumber, textQuery } from './params.js'

export async function companyListRoutes(app: FastifyInstance) {
  app.get('/admin/companies', { config: { policy: { staff: 'companies' } } }, async (request, reply) => {
    const q = cleanText(textQuery(request, 'q')).slice(0, 100)
    const sortAsked = textQuery(request, 'sort')
    const sort: CompanySort = (COMPANY_SORTS as readonly string[]).includes(sortAsked) ? sortAsked as CompanySort : 'name'
    const page = pageNumber(textQuery(request, 'page'))
    const { rows, total } = await listCompanies(app.db, { q, sort }, page)
    return reply.render('admin/companies/index', { rows, total, filters: { q, sort }, page, pages: Math.max(1, Math.ceil(total / COMPANIES_PAGE_SIZE)) })
  })
}
