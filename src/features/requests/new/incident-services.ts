// The services an incident may affect, per offer: the "Affected service"
// choice of the incident form. The value is what the request keeps
// (requests.service); the labels are shown in the reader's language.
import type { Offer } from '../../../db/contracts.table.js'
import type { Localized } from '../../../lib/field-definitions.js'

export interface IncidentService {
  value: string
  label: Localized
}

const s = (value: string, en: string, fr: string): IncidentService => ({ value, label: { en, fr } })

const OTHER = s('other', 'Other', 'Autre')

const FLEXIBLE_ENGINE = [
  s('ecs', 'Elastic Cloud Server', 'Elastic Cloud Server'),
  s('evs', 'Elastic Volume Service', 'Elastic Volume Service'),
  s('obs', 'Object Storage', 'Object Storage'),
  s('vpc', 'Virtual Private Cloud', 'Virtual Private Cloud'),
  s('elb', 'Elastic Load Balance', 'Elastic Load Balance'),
  s('rds', 'Relational Database', 'Relational Database'),
  s('cce', 'Cloud Container Engine', 'Cloud Container Engine'),
  s('iam', 'Identity and Access Management', 'Identity and Access Management'),
  s('dc', 'Direct Connect', 'Direct Connect'),
  s('console', 'Console or API', 'Console ou API'),
  OTHER,
]

const CLOUD_AVENUE = [
  s('vcd', 'vCloud Director', 'vCloud Director'),
  s('vm', 'Virtual machines', 'Machines virtuelles'),
  s('storage', 'Storage', 'Stockage'),
  s('network', 'Network and NSX', 'Réseau et NSX'),
  s('backup', 'Backup', 'Sauvegarde'),
  OTHER,
]

const FLEXIBLE_COMPUTING_ADVANCED = [
  s('vm', 'Virtual machines (VMware)', 'Machines virtuelles (VMware)'),
  s('storage', 'Storage', 'Stockage'),
  s('network', 'Network and firewall', 'Réseau et pare-feu'),
  s('backup', 'Backup', 'Sauvegarde'),
  s('hosting', 'Hosting and housing', 'Hébergement'),
  OTHER,
]

const ORANGE_BUSINESS = [
  s('connectivity', 'Connectivity', 'Connectivité'),
  s('equipment', 'Equipment on site', 'Équipement sur site'),
  s('portal', 'Customer portal', 'Portail client'),
  OTHER,
]

const GENERIC = [s('portal', 'Customer portal', 'Portail client'), s('billing', 'Billing', 'Facturation'), OTHER]

const BY_OFFER: Record<Offer, IncidentService[]> = {
  fe: FLEXIBLE_ENGINE,
  fe_hds: FLEXIBLE_ENGINE,
  cloud_avenue: CLOUD_AVENUE,
  fca: FLEXIBLE_COMPUTING_ADVANCED,
  orange_business: ORANGE_BUSINESS,
  multi_services: GENERIC,
}

export function incidentServices(offer: Offer): IncidentService[] {
  return BY_OFFER[offer]
}

/** The service of this offer with this value, if any. */
export function incidentService(offer: Offer, value: string): IncidentService | undefined {
  return BY_OFFER[offer].find((service) => service.value === value)
}
