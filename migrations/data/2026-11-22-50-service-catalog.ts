// The service catalog as it was first published (spec 000 "Catalog" and
// "Ordering a service", the ordering answers of spec 003, spec 002's
// expertise packs), and the subscriptions offered for reservation.
// Frozen with its migration: later changes are new migrations or staff
// edits in /admin/catalog, never edits of this file.
//
// A service's fields follow src/lib/field-definitions.ts. Most order forms
// ask for the person to contact for the implementation (spec 000, "most
// often, this is the information concerning the person to be contacted").
// Prices are in cents excluding VAT.

const FE = 'fe,fe_hds'

const CONTACT = [
  { name: 'contact_name', type: 'text', required: true, maxLength: 100, label: { en: 'Contact person for the implementation', fr: 'Contact pour la mise en œuvre' } },
  { name: 'contact_email', type: 'email', required: true, maxLength: 254, label: { en: 'Contact email', fr: 'E-mail du contact' } },
  { name: 'contact_phone', type: 'tel', required: true, maxLength: 30, label: { en: 'Contact phone', fr: 'Téléphone du contact' } },
]

const NEEDS = {
  name: 'needs', type: 'textarea', required: true, maxLength: 2000,
  label: { en: 'Your needs', fr: 'Votre besoin' },
  hint: { en: 'The workloads, volumes and dates our expert should know before calling you.', fr: 'Les charges, volumes et dates que notre expert doit connaître avant de vous appeler.' },
}

const levelOption = (value: string, en: string, fr = en) => ({ value, label: { en, fr } })

export const CATALOG_CATEGORIES = [
  { code: 'compute', name_en: 'Compute and reservations', name_fr: 'Calcul et réservations' },
  { code: 'regions', name_en: 'Regions and dedicated infrastructure', name_fr: 'Régions et infrastructures dédiées' },
  { code: 'backup', name_en: 'Backup', name_fr: 'Sauvegarde' },
  { code: 'support', name_en: 'Support and expertise', name_fr: 'Support et expertise' },
  { code: 'contract', name_en: 'Contract administration', name_fr: 'Administration du contrat' },
]

export const CATALOG_SERVICES = [
  {
    code: 'reserved-ecs-instances', category: 'compute', offers: FE, pricing: 'reservation', effect: 'subscription',
    subscription_kinds: 'reserved_ecs_standard,reserved_ecs_flexible',
    name_en: 'Reservation of standard or flexible Elastic Cloud Server instances',
    name_fr: 'Réservation d’instances Elastic Cloud Server standard ou flexibles',
    summary_en: 'Pay a fixed monthly amount per instance for 12 to 36 months: cheaper than pay as you go.',
    summary_fr: 'Un montant mensuel fixe par instance pendant 12 à 36 mois : moins cher que le paiement à l’usage.',
    description_en: 'Reserving Elastic Cloud Server instances saves money compared with pay-per-use billing. A standard reservation gives the largest discount; a flexible reservation lets you modify the reserved instances during the commitment. Choose the region, the template and the number of instances, pick one of the available subscriptions, check the summary and order.',
    description_fr: 'Réserver des instances Elastic Cloud Server coûte moins cher que la facturation à l’usage. La réservation standard offre la remise la plus forte ; la réservation flexible permet de modifier les instances réservées pendant l’engagement. Choisissez la région, le modèle et le nombre d’instances, sélectionnez un des abonnements disponibles, vérifiez le récapitulatif et commandez.',
    conditions_en: 'A reserved instance is a pricing option and does not guarantee resource availability. If your target flavour is not already in use, check its availability on the technical console first. The subscription starts on the first day of the month after completion.',
    conditions_fr: 'Une instance réservée est une option tarifaire et ne garantit pas la disponibilité de la ressource. Si le gabarit visé n’est pas déjà utilisé, vérifiez d’abord sa disponibilité sur la console technique. L’abonnement commence le premier jour du mois qui suit la réalisation.',
    fields: [],
  },
  {
    code: 'workspace-reservation', category: 'compute', offers: 'fe', pricing: 'reservation', effect: 'subscription', subscription_kinds: 'workspace',
    name_en: 'Reserve Workspace resources', name_fr: 'Réserver des ressources Workspace',
    summary_en: 'Virtual desktops at a fixed monthly price per desktop.', summary_fr: 'Des postes de travail virtuels à prix mensuel fixe par poste.',
    description_en: 'Select the characteristics of your subscription (region, template and number of instances), check the desired subscription in the list of available subscriptions, then check the summary of your order and the payment method before ordering. You can later cancel some or all of the instances from the Subscriptions tab: the cancellation takes effect on the first day of the following month.',
    description_fr: 'Choisissez les caractéristiques de votre abonnement (région, modèle et nombre d’instances), cochez l’abonnement voulu dans la liste des abonnements disponibles, puis vérifiez le récapitulatif et le mode de paiement avant de commander. Vous pourrez ensuite résilier tout ou partie des instances depuis l’onglet Abonnements : la résiliation prend effet le premier jour du mois suivant.',
    conditions_en: 'Subscribing to reserved Workspace resources is a pricing option and does not guarantee resource availability.',
    conditions_fr: 'Souscrire des ressources Workspace réservées est une option tarifaire et ne garantit pas la disponibilité de la ressource.',
    fields: [],
  },
  {
    code: 'cloud-alliance-regions', category: 'regions', offers: FE, pricing: 'free',
    name_en: 'Cloud Alliance regions', name_fr: 'Régions Cloud Alliance',
    summary_en: 'Reach partner data centers in more than 10 regions around the world.', summary_fr: 'Accédez aux centres de données partenaires dans plus de 10 régions du monde.',
    description_en: 'Through the Cloud Alliance, a partnership of cloud service providers, Flexible Engine users can also use partner data centers around the world. Fill in the form and order: you will receive an email asking for the information needed to set up your access, then your identifiers for the Cloud Alliance regions.',
    description_fr: 'Grâce à la Cloud Alliance, un partenariat de fournisseurs de cloud, les utilisateurs de Flexible Engine peuvent aussi utiliser des centres de données partenaires dans le monde entier. Remplissez le formulaire et commandez : vous recevrez un e-mail demandant les informations nécessaires à vos accès, puis vos identifiants pour les régions Cloud Alliance.',
    conditions_en: 'Access is free; what you use in a partner region is billed at that region’s price list.',
    conditions_fr: 'L’accès est gratuit ; ce que vous consommez dans une région partenaire est facturé au tarif de cette région.',
    fields: [
      { name: 'regions', type: 'select', required: true, label: { en: 'Regions wanted', fr: 'Régions souhaitées' },
        options: [levelOption('americas', 'Americas', 'Amériques'), levelOption('asia_pacific', 'Asia Pacific', 'Asie-Pacifique'), levelOption('middle_east_africa', 'Middle East and Africa', 'Moyen-Orient et Afrique'), levelOption('all', 'Every partner region', 'Toutes les régions partenaires')] },
      ...CONTACT,
    ],
  },
  {
    code: 'dedicated-cloud', category: 'regions', offers: FE, pricing: 'quote',
    name_en: 'Dedicated Cloud (DeC)', name_fr: 'Dedicated Cloud (DeC)',
    summary_en: 'Physical resources reserved for your tenant, on quote.', summary_fr: 'Des ressources physiques réservées à votre tenant, sur devis.',
    description_en: 'Order the DeC service on your tenant: an agent contacts you to establish a quote adapted to your needs and explain the procedure. Once the quote is validated, the service is installed on your tenant.',
    description_fr: 'Commandez le service DeC sur votre tenant : un conseiller vous contacte pour établir un devis adapté à vos besoins et vous expliquer la démarche. Une fois le devis validé, le service est installé sur votre tenant.',
    conditions_en: 'The order asks for a quote: nothing is billed before you accept it.', conditions_fr: 'La commande demande un devis : rien n’est facturé avant votre accord.',
    fields: [NEEDS, ...CONTACT],
  },
  {
    code: 'dedicated-security', category: 'regions', offers: FE, pricing: 'quote',
    name_en: 'Dedicated Security Services (DSS)', name_fr: 'Dedicated Security Services (DSS)',
    summary_en: 'Dedicated storage and security appliances, on quote.', summary_fr: 'Stockage et équipements de sécurité dédiés, sur devis.',
    description_en: 'Order the DSS service on your tenant: an agent contacts you to establish a quote adapted to your needs and explain the procedure. Once the quote is validated, the service is installed on your tenant.',
    description_fr: 'Commandez le service DSS sur votre tenant : un conseiller vous contacte pour établir un devis adapté à vos besoins et vous expliquer la démarche. Une fois le devis validé, le service est installé sur votre tenant.',
    conditions_en: 'The order asks for a quote: nothing is billed before you accept it.', conditions_fr: 'La commande demande un devis : rien n’est facturé avant votre accord.',
    fields: [NEEDS, ...CONTACT],
  },
  {
    code: 'file-applicative-backup', category: 'backup', offers: FE, pricing: 'fixed', price_cents: 9_000, price_period: 'monthly', effect: 'backup_console',
    name_en: 'File and Applicative Backup (FAB)', name_fr: 'File and Applicative Backup (FAB)',
    summary_en: 'Back up files and applications of your servers, managed from the backup console.', summary_fr: 'Sauvegardez les fichiers et applications de vos serveurs, depuis la console de sauvegarde.',
    description_en: 'Once the service is activated on your tenant, the domain manager receives access to the backup console. They can then give the other users of the tenant access to it: in Rights, the “Backup console” section, role Cust_Admin.',
    description_fr: 'Une fois le service activé sur votre tenant, le gestionnaire du domaine reçoit un accès à la console de sauvegarde. Il peut ensuite y donner accès aux autres utilisateurs du tenant : dans Droits, section « Console de sauvegarde », rôle Cust_Admin.',
    conditions_en: 'A monthly service fee; the protected volume is billed on usage.', conditions_fr: 'Un forfait mensuel ; le volume protégé est facturé à l’usage.',
    fields: [
      { name: 'protected_servers', type: 'number', required: true, min: 1, max: 500, label: { en: 'Servers to protect', fr: 'Serveurs à protéger' } },
      { name: 'retention', type: 'select', required: true, label: { en: 'Retention', fr: 'Rétention' },
        options: [levelOption('30d', '30 days', '30 jours'), levelOption('90d', '90 days', '90 jours'), levelOption('1y', '1 year', '1 an')] },
      ...CONTACT,
    ],
  },
  {
    code: 'expertise-pack', category: 'support', offers: 'cloud_avenue', pricing: 'fixed', price_cents: 60_000, price_period: 'one_time', quantity_field: 'packs',
    name_en: 'Cloud expertise pack (4 hours)', name_fr: 'Pack d’expertise Cloud (4 heures)',
    summary_en: 'Hours with the Cloud Expertise team, for customers without a support option.', summary_fr: 'Des heures avec la cellule Cloud Expertise, pour les clients sans option de support.',
    description_en: 'The Cloud Expertise team is made of Orange Cloud Avenue experts. They help you use the platform at its best: design reviews, migrations, performance. Customers on standard support order packs of four hours here; customers with a support option use the monthly hours of their option.',
    description_fr: 'La cellule Cloud Expertise est constituée d’experts Orange Cloud Avenue. Ils vous aident à tirer le meilleur de la plateforme : revues d’architecture, migrations, performance. Les clients en support standard commandent ici des packs de quatre heures ; les clients avec option de support utilisent les heures mensuelles de leur option.',
    conditions_en: 'Hours are used within 12 months of the order.', conditions_fr: 'Les heures sont à utiliser dans les 12 mois suivant la commande.',
    fields: [
      { name: 'packs', type: 'number', required: true, min: 1, max: 10, label: { en: 'Number of packs', fr: 'Nombre de packs' }, hint: { en: 'Four hours each.', fr: 'Quatre heures chacun.' } },
      { name: 'subject', type: 'textarea', required: true, maxLength: 2000, label: { en: 'What the experts should help with', fr: 'Ce sur quoi les experts doivent vous aider' } },
      ...CONTACT,
    ],
  },
  {
    code: 'support-option', category: 'support', offers: 'cloud_avenue', pricing: 'quote', effect: 'support_level',
    name_en: 'Support option (Bronze, Silver, Gold)', name_fr: 'Option de support (Bronze, Silver, Gold)',
    summary_en: 'Expertise hours each month and a committed time to repair.', summary_fr: 'Des heures d’expertise chaque mois et un délai de rétablissement garanti.',
    description_en: 'A support option adds monthly expertise hours with the Cloud Expertise team and a committed time to repair for P1 incidents (Bronze and Silver 8 hours, Gold 4 hours). A higher level applies as soon as the order is completed.',
    description_fr: 'Une option de support ajoute des heures d’expertise mensuelles avec la cellule Cloud Expertise et un délai de rétablissement garanti pour les incidents P1 (Bronze et Silver 8 heures, Gold 4 heures). Un niveau supérieur s’applique dès que la commande est réalisée.',
    conditions_en: 'Billed at your contract’s rates from the first day of the next month. A lower level goes through support.',
    conditions_fr: 'Facturée aux tarifs de votre contrat à partir du premier jour du mois suivant. Un niveau inférieur passe par le support.',
    fields: [
      { name: 'level', type: 'select', required: true, label: { en: 'Support level', fr: 'Niveau de support' }, options: [levelOption('bronze', 'Bronze'), levelOption('silver', 'Silver'), levelOption('gold', 'Gold')] },
    ],
  },
  {
    code: 'fe-support-level', category: 'support', offers: FE, pricing: 'quote', effect: 'support_level',
    name_en: 'Flexible Engine support level', name_fr: 'Niveau de support Flexible Engine',
    summary_en: 'Basic, Standard, Business or Premium support for your tenant.', summary_fr: 'Un support Basic, Standard, Business ou Premium pour votre tenant.',
    description_en: 'Four levels of support: Basic, Standard, Business and Premium. A new level applies from the first day of the next month and commits the tenant for six months; during a commitment the level can only go up.',
    description_fr: 'Quatre niveaux de support : Basic, Standard, Business et Premium. Un nouveau niveau s’applique le premier jour du mois suivant et engage le tenant pour six mois ; pendant un engagement, le niveau ne peut que monter.',
    conditions_en: 'Six-month minimum commitment; billed at your contract’s rates.', conditions_fr: 'Engagement minimal de six mois ; facturé aux tarifs de votre contrat.',
    fields: [
      { name: 'level', type: 'select', required: true, label: { en: 'Support level', fr: 'Niveau de support' },
        options: [levelOption('basic', 'Basic'), levelOption('standard', 'Standard'), levelOption('business', 'Business'), levelOption('premium', 'Premium')] },
    ],
  },
  {
    code: 'modify-invoice-references', category: 'contract', pricing: 'free', referent_only: 1, effect: 'set_ref1',
    name_en: 'Modify your invoices external references', name_fr: 'Modifier les références externes de vos factures',
    summary_en: 'The reference (REF1) printed on your invoices, for the contract’s referent.', summary_fr: 'La référence (REF1) imprimée sur vos factures, pour le référent du contrat.',
    description_en: 'Only the contract’s referent can change the external reference (REF1) printed on the invoices. It applies to the invoices issued after the order is completed.',
    description_fr: 'Seul le référent du contrat peut changer la référence externe (REF1) imprimée sur les factures. Elle s’applique aux factures émises après la réalisation de la commande.',
    conditions_en: 'Free. Not available on a multi-services grouping contract: its references change through your account manager.',
    conditions_fr: 'Gratuit. Indisponible sur un contrat multi-services de regroupement : ses références se changent auprès de votre chargé de compte.',
    fields: [
      { name: 'ref1', type: 'text', required: true, maxLength: 50, label: { en: 'New external reference (REF1)', fr: 'Nouvelle référence externe (REF1)' }, hint: { en: 'Your purchase order number, for example.', fr: 'Votre numéro de bon de commande, par exemple.' } },
    ],
  },
  {
    code: 'modify-contract-name', category: 'contract', pricing: 'free', referent_only: 1, effect: 'rename_contract',
    name_en: 'Modify the name of your contract', name_fr: 'Modifier le nom de votre contrat',
    summary_en: 'The name your users see everywhere in the customer space, for the contract’s referent.', summary_fr: 'Le nom que vos utilisateurs voient partout dans l’espace client, pour le référent du contrat.',
    description_en: 'Only the contract’s referent can rename it. The new name takes effect as soon as the order is completed.',
    description_fr: 'Seul le référent du contrat peut le renommer. Le nouveau nom prend effet dès que la commande est réalisée.',
    conditions_en: 'Free. Not available on a multi-services grouping contract: its name changes through your account manager.',
    conditions_fr: 'Gratuit. Indisponible sur un contrat multi-services de regroupement : son nom se change auprès de votre chargé de compte.',
    fields: [
      { name: 'new_name', type: 'text', required: true, maxLength: 100, label: { en: 'New name of the contract', fr: 'Nouveau nom du contrat' } },
    ],
  },
  {
    code: 'create-tenant', category: 'contract', offers: 'fe', pricing: 'free', effect: 'create_tenant',
    name_en: 'Create a new tenant', name_fr: 'Créer un nouveau tenant',
    summary_en: 'A new Flexible Engine tenant for your company, with you as its referent.', summary_fr: 'Un nouveau tenant Flexible Engine pour votre société, dont vous serez le référent.',
    description_en: 'Offered to companies with the “create a tenant online” option. The new tenant belongs to your company, with you as its referent and domain owner; you can then declare its users in Rights.',
    description_fr: 'Proposé aux sociétés qui ont l’option « création de tenant en ligne ». Le nouveau tenant appartient à votre société ; vous en êtes le référent et le propriétaire du domaine, et vous pouvez ensuite déclarer ses utilisateurs dans Droits.',
    conditions_en: 'Free; what the tenant uses is billed at your company’s rates.', conditions_fr: 'Gratuit ; ce que consomme le tenant est facturé aux tarifs de votre société.',
    fields: [
      { name: 'tenant_name', type: 'text', required: true, maxLength: 100, label: { en: 'Name of the new tenant', fr: 'Nom du nouveau tenant' } },
      { name: 'level', type: 'select', required: true, label: { en: 'Support level', fr: 'Niveau de support' },
        options: [levelOption('basic', 'Basic'), levelOption('standard', 'Standard'), levelOption('business', 'Business'), levelOption('premium', 'Premium')] },
    ],
  },
]

/** What a customer may reserve: kind × region × template × commitment, with the instances left. */
const offer = (kind: string, region_code: string, flavour: string, commitment_months: number, monthly_price_cents: number, payment_method: 'monthly' | 'upfront', available_quantity: number) =>
  ({ kind, region_code, flavour, commitment_months, monthly_price_cents, payment_method, available_quantity })

export const SUBSCRIPTION_OFFERS = [
  offer('reserved_ecs_standard', 'eu-west-0', 's6.large.2', 12, 3_980, 'monthly', 200),
  offer('reserved_ecs_standard', 'eu-west-0', 's6.large.2', 36, 2_990, 'upfront', 200),
  offer('reserved_ecs_standard', 'eu-west-0', 'c6.2xlarge.2', 12, 15_380, 'monthly', 80),
  offer('reserved_ecs_standard', 'eu-west-1', 's6.large.2', 12, 4_120, 'monthly', 120),
  offer('reserved_ecs_standard', 'eu-west-1', 'm6.xlarge.8', 24, 12_100, 'monthly', 40),
  offer('reserved_ecs_standard', 'na-east-0', 's6.large.2', 12, 4_350, 'monthly', 60),
  offer('reserved_ecs_flexible', 'eu-west-0', 's6.large.2', 12, 4_590, 'monthly', 150),
  offer('reserved_ecs_flexible', 'eu-west-0', 'm6.xlarge.8', 12, 13_350, 'monthly', 30),
  offer('reserved_ecs_flexible', 'eu-west-1', 'm6.2xlarge.8', 12, 26_700, 'monthly', 12),
  offer('workspace', 'eu-west-0', 'Workspace Office 2 vCPU 4 GB', 12, 3_250, 'monthly', 500),
  offer('workspace', 'eu-west-0', 'Workspace Developer 4 vCPU 8 GB', 12, 5_490, 'monthly', 300),
  offer('workspace', 'eu-west-0', 'Workspace Developer 4 vCPU 8 GB', 36, 4_790, 'upfront', 300),
  offer('workspace', 'eu-west-1', 'Workspace Office 2 vCPU 4 GB', 12, 3_390, 'monthly', 100),
]
