// Messages du back-office (cadre : menu, rôles, tableau de bord, garde), en français : mêmes clés que shell.en.ts.
import type { shellEn } from './shell.en.js'

export const shellFr: Record<keyof typeof shellEn, string> = {
  'admin.breadcrumb': 'Back-office',
  'admin.totp_required': 'Les comptes du personnel doivent utiliser la double authentification : activez-la pour ouvrir le back-office.',
  'error.403.staff': 'Cette partie du back-office est ouverte à ces rôles du personnel : {roles}.',

  'admin.nav.dashboard': 'Back-office',
  'admin.nav.companies': 'Sociétés et contrats',
  'admin.nav.users': 'Utilisateurs',
  'admin.nav.platforms': 'Plateformes',
  'admin.nav.requests': 'Demandes',
  'admin.nav.inbox': 'Messages',
  'admin.nav.billing': 'Facturation',
  'admin.nav.catalog': 'Catalogue',
  'admin.nav.emails': 'E-mails',
  'admin.nav.audit': 'Journal d’audit',

  'admin.role.admin': 'Administrateur',
  'admin.role.support': 'Support',
  'admin.role.billing': 'Facturation',
  'admin.role.account_manager': 'Gestionnaire de compte',

  'admin.dashboard.title': 'Back-office',
  'admin.dashboard.your_roles': 'Vos rôles : {roles}.',
  'admin.dashboard.needs_action': 'À traiter',
  'admin.dashboard.new_requests': 'nouvelles demandes de clients',
  'admin.dashboard.new_requests.one': 'nouvelle demande de client',
  'admin.dashboard.overdue_requests': 'demandes en retard',
  'admin.dashboard.overdue_requests.one': 'demande en retard',
  'admin.dashboard.new_messages': 'nouveaux messages de clients',
  'admin.dashboard.new_messages.one': 'nouveau message d’un client',
  'admin.dashboard.failed_emails': 'e-mails en échec',
  'admin.dashboard.failed_emails.one': 'e-mail en échec',
  'admin.dashboard.late_emails': 'e-mails en attente depuis plus de 15 minutes',
  'admin.dashboard.late_emails.one': 'e-mail en attente depuis plus de 15 minutes',
  'admin.dashboard.locked_accounts': 'comptes bloqués après des échecs de connexion',
  'admin.dashboard.locked_accounts.one': 'compte bloqué après des échecs de connexion',
  'admin.dashboard.open_incidents': 'incidents de plateforme en cours',
  'admin.dashboard.open_incidents.one': 'incident de plateforme en cours',
} as const
