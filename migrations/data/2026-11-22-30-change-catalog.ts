// The standard change catalog as it was first published (spec 003: "Catalogue
// de Changement Standard" → "Gestion des Quotas" → change item → form).
// Frozen with its migration: later changes of the catalog are new migrations
// or staff edits, never edits of this file.
//
// Each field follows src/lib/field-definitions.ts: name, type (text, number,
// select, date, textarea, email, tel), required, labels and hints in both
// languages, options for a select, min/max for a number, maxLength for text.
// An item with `active: false` is never offered in the form: it names the
// changes the portal itself opens (a support-level downgrade).

const REGION = {
  name: 'region', type: 'select', required: true,
  label: { en: 'Region', fr: 'Région' },
  options: [
    { value: 'eu-west-0', label: { en: 'Paris (eu-west-0)', fr: 'Paris (eu-west-0)' } },
    { value: 'eu-west-1', label: { en: 'Amsterdam (eu-west-1)', fr: 'Amsterdam (eu-west-1)' } },
    { value: 'na-east-0', label: { en: 'Atlanta (na-east-0)', fr: 'Atlanta (na-east-0)' } },
  ],
}

const JUSTIFICATION = {
  name: 'justification', type: 'textarea', required: true, maxLength: 2000,
  label: { en: 'Why do you need it?', fr: 'Pourquoi en avez-vous besoin ?' },
  hint: { en: 'The project or the load the new quota is for.', fr: 'Le projet ou la charge que ce nouveau quota doit absorber.' },
}

const WANTED_BY = {
  name: 'wanted_by', type: 'date', required: false,
  label: { en: 'Wanted by', fr: 'Souhaité pour le' },
  hint: { en: 'Leave empty for as soon as possible.', fr: 'Laissez vide pour dès que possible.' },
}

const CONTACT = [
  { name: 'contact_name', type: 'text', required: true, maxLength: 100, label: { en: 'Contact person for the implementation', fr: 'Contact pour la mise en œuvre' } },
  { name: 'contact_email', type: 'email', required: true, maxLength: 254, label: { en: 'Contact email', fr: 'E-mail du contact' } },
  { name: 'contact_phone', type: 'tel', required: false, maxLength: 30, label: { en: 'Contact phone', fr: 'Téléphone du contact' } },
]

const FE = 'fe,fe_hds'

function quota(code: string, name_en: string, name_fr: string, description_en: string, description_fr: string, numbers: object[]) {
  return { code, name_en, name_fr, description_en, description_fr, offers: FE, fields: [REGION, ...numbers, JUSTIFICATION, WANTED_BY, ...CONTACT] }
}

function count(name: string, en: string, fr: string, max: number) {
  return { name, type: 'number', required: true, min: 1, max, label: { en, fr } }
}

export const CHANGE_CATALOG = [
  {
    code: 'standard', name_en: 'Standard change catalog', name_fr: 'Catalogue de Changement Standard',
    categories: [
      {
        code: 'quotas', name_en: 'Quota management', name_fr: 'Gestion des Quotas',
        items: [
          quota('quota_ecs', 'Increase Elastic Cloud Server quotas', 'Augmenter les quotas Elastic Cloud Server',
            'Raise the number of instances, vCPUs and memory your tenant may use in a region.',
            'Augmenter le nombre d’instances, de vCPU et la mémoire utilisables par votre tenant dans une région.',
            [count('instances', 'Instances wanted in total', 'Nombre total d’instances souhaité', 10_000),
              count('vcpus', 'vCPUs wanted in total', 'Nombre total de vCPU souhaité', 100_000),
              count('memory_gb', 'Memory wanted in total (GB)', 'Mémoire totale souhaitée (Go)', 1_000_000)]),
          quota('quota_evs', 'Increase Elastic Volume Service quotas', 'Augmenter les quotas Elastic Volume Service',
            'Raise the number of disks and the storage your tenant may use in a region.',
            'Augmenter le nombre de disques et le stockage utilisables par votre tenant dans une région.',
            [count('volumes', 'Disks wanted in total', 'Nombre total de disques souhaité', 10_000),
              count('capacity_gb', 'Storage wanted in total (GB)', 'Stockage total souhaité (Go)', 10_000_000)]),
          quota('quota_eip', 'Increase Elastic IP quotas', 'Augmenter les quotas d’IP élastiques',
            'Raise the number of public IP addresses your tenant may reserve in a region.',
            'Augmenter le nombre d’adresses IP publiques réservables par votre tenant dans une région.',
            [count('addresses', 'Public IP addresses wanted in total', 'Nombre total d’adresses IP publiques souhaité', 1_000)]),
          quota('quota_vpc', 'Increase Virtual Private Cloud quotas', 'Augmenter les quotas Virtual Private Cloud',
            'Raise the number of VPCs and subnets your tenant may create in a region.',
            'Augmenter le nombre de VPC et de sous-réseaux créables par votre tenant dans une région.',
            [count('vpcs', 'VPCs wanted in total', 'Nombre total de VPC souhaité', 500),
              count('subnets', 'Subnets wanted in total', 'Nombre total de sous-réseaux souhaité', 5_000)]),
        ],
      },
      {
        code: 'network', name_en: 'Network', name_fr: 'Réseau',
        items: [
          {
            code: 'dc_route', name_en: 'Add a route on a Direct Connect link', name_fr: 'Ajouter une route sur un lien Direct Connect',
            description_en: 'Announce one more of your private networks over an existing Direct Connect connection.',
            description_fr: 'Annoncer un réseau privé supplémentaire sur une connexion Direct Connect existante.',
            offers: FE,
            fields: [
              REGION,
              { name: 'connection', type: 'text', required: true, maxLength: 64, label: { en: 'Direct Connect connection ID', fr: 'Identifiant de la connexion Direct Connect' } },
              { name: 'cidr', type: 'text', required: true, maxLength: 43, label: { en: 'Network to announce (CIDR)', fr: 'Réseau à annoncer (CIDR)' }, hint: { en: 'For example 10.20.0.0/16.', fr: 'Par exemple 10.20.0.0/16.' } },
              WANTED_BY, ...CONTACT,
            ],
          },
        ],
      },
      {
        code: 'operations', name_en: 'Operations', name_fr: 'Exploitation',
        items: [
          {
            code: 'restore', name_en: 'Restore data from a backup', name_fr: 'Restaurer des données depuis une sauvegarde',
            description_en: 'Our teams restore a file, a folder or a virtual machine from one of your backups.',
            description_fr: 'Nos équipes restaurent un fichier, un dossier ou une machine virtuelle depuis l’une de vos sauvegardes.',
            offers: null,
            fields: [
              { name: 'scope', type: 'select', required: true, label: { en: 'What to restore', fr: 'Que restaurer' }, options: [
                { value: 'file', label: { en: 'Files or folders', fr: 'Des fichiers ou des dossiers' } },
                { value: 'vm', label: { en: 'A whole virtual machine', fr: 'Une machine virtuelle entière' } },
              ] },
              { name: 'resource', type: 'text', required: true, maxLength: 200, label: { en: 'Server or path', fr: 'Serveur ou chemin' } },
              { name: 'backup_date', type: 'date', required: true, label: { en: 'Date of the backup to restore', fr: 'Date de la sauvegarde à restaurer' } },
              { name: 'details', type: 'textarea', required: false, maxLength: 2000, label: { en: 'Details', fr: 'Précisions' } },
              ...CONTACT,
            ],
          },
          {
            // Opened by the support-level page when a contracts manager asks for
            // a lower level (src/features/support-level/support-level.writes.ts):
            // named on the request's page, never chosen in the form.
            code: 'support_level_downgrade', name_en: 'Support level change', name_fr: 'Changement de niveau de support',
            description_en: 'Move the contract to a lower support level.',
            description_fr: 'Passer le contrat à un niveau de support inférieur.',
            offers: null, active: false,
            fields: [
              { name: 'from', type: 'text', required: true, maxLength: 40, label: { en: 'Current support level', fr: 'Niveau de support actuel' } },
              { name: 'to', type: 'text', required: true, maxLength: 40, label: { en: 'Requested support level', fr: 'Niveau de support demandé' } },
            ],
          },
        ],
      },
    ],
  },
]
