// The back-office's catalogs, one pair per area so that each area's messages
// sit next to each other; merged into en.ts and fr.ts.
import { shellEn } from './shell.en.js'
import { shellFr } from './shell.fr.js'
import { companiesEn } from './companies.en.js'
import { companiesFr } from './companies.fr.js'
import { usersEn } from './users.en.js'
import { usersFr } from './users.fr.js'
import { platformsEn } from './platforms.en.js'
import { platformsFr } from './platforms.fr.js'
import { inboxEn } from './inbox.en.js'
import { inboxFr } from './inbox.fr.js'
import { recordsEn } from './records.en.js'
import { recordsFr } from './records.fr.js'
import { adminRequestsEn } from './requests.en.js'
import { adminRequestsFr } from './requests.fr.js'
import { adminInvoicingEn } from './invoicing.en.js'
import { adminInvoicingFr } from './invoicing.fr.js'
import { adminCatalogEn } from './catalog.en.js'
import { adminCatalogFr } from './catalog.fr.js'
import { adminChangeCatalogEn } from './change-catalog.en.js'
import { adminChangeCatalogFr } from './change-catalog.fr.js'

export const adminEn = { ...shellEn, ...companiesEn, ...usersEn, ...platformsEn, ...inboxEn, ...recordsEn, ...adminRequestsEn, ...adminInvoicingEn, ...adminCatalogEn, ...adminChangeCatalogEn } as const
export const adminFr = { ...shellFr, ...companiesFr, ...usersFr, ...platformsFr, ...inboxFr, ...recordsFr, ...adminRequestsFr, ...adminInvoicingFr, ...adminCatalogFr, ...adminChangeCatalogFr }
