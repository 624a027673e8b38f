// The catalogs of requests (list and details, new requests, the change
// catalog's forms) and Need help, one pair per area; merged into en.ts and
// fr.ts. The staff side's texts are in ../admin/requests.*.
import { requestsSharedEn } from './shared.en.js'
import { requestsSharedFr } from './shared.fr.js'
import { listEn } from './list.en.js'
import { listFr } from './list.fr.js'
import { newEn } from './new.en.js'
import { newFr } from './new.fr.js'
import { helpEn } from './help.en.js'
import { helpFr } from './help.fr.js'

export const requestsEn = { ...requestsSharedEn, ...listEn, ...newEn, ...helpEn } as const
export const requestsFr = { ...requestsSharedFr, ...listFr, ...newFr, ...helpFr }
