// Messages of the contracts features (dashboard), English: the reference for dashboard.fr.ts.
export const dashboardEn = {
  // Who may see the dashboard
  'dashboard.role_needed': 'The dashboard (weather, budget consumption) needs the Visitor role on the Dashboard section of one of your contracts. You hold it on none of them.',
  'dashboard.role_needed_hint': 'Ask the referent of one of your contracts to give you that role. Your contracts are listed below.',

  // Weather
  'dashboard.weather': 'Platform weather',
  'dashboard.weather_none': 'Your contracts run on no platform with a weather of its own.',
  'dashboard.weather.sunny': 'Sunny: operational',
  'dashboard.weather.cloudy': 'Cloudy: maintenance in progress or within 24 hours',
  'dashboard.weather.rainy': 'Rainy: degraded service',
  'dashboard.weather.stormy': 'Stormy: major incident',
  'dashboard.incidents': '{count} open incidents',
  'dashboard.incidents.one': '{count} open incident',
  'dashboard.since': 'since {date}',
  'dashboard.maintenance': '{count} maintenance windows in the next 7 days',
  'dashboard.maintenance.one': '{count} maintenance window in the next 7 days',
  'dashboard.maintenance_when': 'from {start} to {end}',
  'dashboard.maintenance_now': 'in progress, from {start} to {end}',
  'dashboard.no_maintenance': 'No maintenance planned in the next {days} days.',
  'dashboard.times_note': 'Times are Paris time (Europe/Paris).',

  // Budgets
  'dashboard.budgets': 'Budget consumption this month',
  'dashboard.budgets_lead': 'Consumption since the first of the month against the monthly budget, for the contracts of this page.',
  'dashboard.change_budget': 'Change the budget',

  // Contract list
  'dashboard.search': 'Search your contracts by code or name',
  'dashboard.search_submit': 'Search',
  'dashboard.search_clear': 'Show all contracts',
  'dashboard.search_none': 'None of your contracts has “{q}” in its code or name.',
  'dashboard.contract_menu': 'Sections of {name}',
  'dashboard.support_level.basic': 'Basic',
  'dashboard.support_level.standard': 'Standard',
  'dashboard.support_level.business': 'Business',
  'dashboard.support_level.premium': 'Premium',
  'dashboard.support_level.bronze': 'Bronze',
  'dashboard.support_level.silver': 'Silver',
  'dashboard.support_level.gold': 'Gold',

  // A contract's menu
  'dashboard.link.contract': 'Contract information',
  'dashboard.link.requests': 'Requests',
  'dashboard.link.order': 'Order a service',
  'dashboard.link.users': 'Users',
  'dashboard.link.subscriptions': 'Subscriptions',
  'dashboard.link.documents': 'Documents',
  'dashboard.link.bills': 'Bills',
  'dashboard.link.support_level': 'Support level',
  'dashboard.link.budget': 'Budget',
  'dashboard.link.help': 'Need help',

  // The contract page
  'contract_page.title': '{name} ({code})',
  'contract_page.support': 'Support level',
  'contract_page.support_none': 'This contract has no support level.',
  'contract_page.support_current': 'Current level: {level}',
  'contract_page.support_commitment': 'Committed until {date}: until then the level can only go up.',
  'contract_page.support_link': 'See or change the support level',
  'contract_page.budget': 'Budget',
  'contract_page.budget_none': 'No monthly budget is set on this contract.',
  'contract_page.budget_link': 'Set the budget and the alert threshold',
  'contract_page.sections': 'Subscriptions and documents',
  'contract_page.subscriptions_link': 'See the subscriptions',
  'contract_page.documents_link': 'See the documents',
  'contract_page.grouped': 'Contracts grouped under this one',
  'contract_page.grouped_none': 'No contract is grouped under this one yet.',
  'contract_page.grouped_under': 'The billing of this contract is grouped under {name} ({code}).',
  'contract_page.col.code': 'Contract',
  'contract_page.col.name': 'Name',
  'contract_page.col.offer': 'Offer',
} as const
