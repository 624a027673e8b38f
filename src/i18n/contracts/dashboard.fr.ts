// Messages des fonctions des contrats (dashboard), en français : mêmes clés que dashboard.en.ts.
import type { dashboardEn } from './dashboard.en.js'

export const dashboardFr: Record<keyof typeof dashboardEn, string> = {
  // Qui peut voir le tableau de bord
  'dashboard.role_needed': 'Le tableau de bord (météo, consommation du budget) demande le rôle Visiteur sur la section Tableau de bord de l’un de vos contrats. Vous ne l’avez sur aucun.',
  'dashboard.role_needed_hint': 'Demandez ce rôle au référent de l’un de vos contrats. Vos contrats sont listés ci-dessous.',

  // Météo
  'dashboard.weather': 'Météo des plateformes',
  'dashboard.weather_none': 'Vos contrats ne tournent sur aucune plateforme ayant sa propre météo.',
  'dashboard.weather.sunny': 'Ensoleillé : opérationnelle',
  'dashboard.weather.cloudy': 'Nuageux : maintenance en cours ou dans les 24 heures',
  'dashboard.weather.rainy': 'Pluvieux : service dégradé',
  'dashboard.weather.stormy': 'Orageux : incident majeur',
  'dashboard.incidents': '{count} incidents en cours',
  'dashboard.incidents.one': '{count} incident en cours',
  'dashboard.since': 'depuis le {date}',
  'dashboard.maintenance': '{count} maintenances dans les 7 prochains jours',
  'dashboard.maintenance.one': '{count} maintenance dans les 7 prochains jours',
  'dashboard.maintenance_when': 'du {start} au {end}',
  'dashboard.maintenance_now': 'en cours, du {start} au {end}',
  'dashboard.no_maintenance': 'Aucune maintenance prévue dans les {days} prochains jours.',
  'dashboard.times_note': 'Heures de Paris (Europe/Paris).',

  // Budgets
  'dashboard.budgets': 'Consommation du budget ce mois-ci',
  'dashboard.budgets_lead': 'Consommation depuis le premier du mois rapportée au budget mensuel, pour les {count} premiers contrats de cette page ayant un budget.',
  'dashboard.budgets_lead.one': 'Consommation depuis le premier du mois rapportée au budget mensuel.',
  'dashboard.budgets_more': '{count} autres contrats de cette page ont un budget : voyez-le sur la page de chaque contrat.',
  'dashboard.budgets_more.one': '{count} autre contrat de cette page a un budget : voyez-le sur la page du contrat.',
  'dashboard.change_budget': 'Modifier le budget',

  // Liste des contrats
  'dashboard.search': 'Chercher parmi vos contrats par code ou nom',
  'dashboard.search_submit': 'Chercher',
  'dashboard.search_clear': 'Afficher tous les contrats',
  'dashboard.search_none': 'Aucun de vos contrats n’a « {q} » dans son code ou son nom.',
  'dashboard.contract_menu': 'Sections de {name}',
  'dashboard.support_level.basic': 'Basic',
  'dashboard.support_level.standard': 'Standard',
  'dashboard.support_level.business': 'Business',
  'dashboard.support_level.premium': 'Premium',
  'dashboard.support_level.bronze': 'Bronze',
  'dashboard.support_level.silver': 'Silver',
  'dashboard.support_level.gold': 'Gold',

  // Le menu d’un contrat
  'dashboard.link.contract': 'Informations du contrat',
  'dashboard.link.requests': 'Demandes',
  'dashboard.link.order': 'Commander un service',
  'dashboard.link.users': 'Utilisateurs',
  'dashboard.link.subscriptions': 'Souscriptions',
  'dashboard.link.documents': 'Documents',
  'dashboard.link.bills': 'Factures',
  'dashboard.link.support_level': 'Niveau de support',
  'dashboard.link.budget': 'Budget',
  'dashboard.link.help': 'Besoin d’aide',

  // La page du contrat
  'contract_page.title': '{name} ({code})',
  'contract_page.support': 'Niveau de support',
  'contract_page.support_none': 'Ce contrat n’a pas de niveau de support.',
  'contract_page.support_current': 'Niveau actuel : {level}',
  'contract_page.support_commitment': 'Engagement jusqu’au {date} : d’ici là, le niveau ne peut que monter.',
  'contract_page.support_link': 'Voir ou changer le niveau de support',
  'contract_page.budget': 'Budget',
  'contract_page.budget_none': 'Aucun budget mensuel n’est défini sur ce contrat.',
  'contract_page.budget_link': 'Définir le budget et le seuil d’alerte',
  'contract_page.sections': 'Souscriptions et documents',
  'contract_page.subscriptions_link': 'Voir les souscriptions',
  'contract_page.documents_link': 'Voir les documents',
  'contract_page.grouped': 'Contrats regroupés sous celui-ci',
  'contract_page.grouped_none': 'Aucun contrat n’est encore regroupé sous celui-ci.',
  'contract_page.grouped_under': 'La facturation de ce contrat est regroupée sous {name} ({code}).',
  'contract_page.col.code': 'Contrat',
  'contract_page.col.name': 'Nom',
  'contract_page.col.offer': 'Offre',
}
