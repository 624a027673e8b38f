// The catalogs of the service catalog, one pair per area: shared messages,
// browsing (list and "More information"), order forms, the reservation steps,
// and what completing an order says to staff. Merged into en.ts and fr.ts;
// the back-office's catalog management is in ../admin/catalog.*.
import { catalogSharedEn } from './shared.en.js'
import { catalogSharedFr } from './shared.fr.js'
import { browseEn } from './browse.en.js'
import { browseFr } from './browse.fr.js'
import { orderEn } from './order.en.js'
import { orderFr } from './order.fr.js'
import { reservationEn } from './reservation.en.js'
import { reservationFr } from './reservation.fr.js'
import { completionEn } from './completion.en.js'
import { completionFr } from './completion.fr.js'

export const catalogEn = { ...catalogSharedEn, ...browseEn, ...orderEn, ...reservationEn, ...completionEn } as const
export const catalogFr = { ...catalogSharedFr, ...browseFr, ...orderFr, ...reservationFr, ...completionFr }
