// Back-office messages (shell: menu, roles, dashboard, guard), English: the reference for shell.fr.ts.
export const shellEn = {
  'admin.breadcrumb': 'Back-office',
  'admin.totp_required': 'Staff accounts must use two-factor authentication: turn it on to open the back-office.',
  'error.403.staff': 'This part of the back-office is open to these staff roles: {roles}.',

  'admin.nav.dashboard': 'Back-office',
  'admin.nav.companies': 'Companies and contracts',
  'admin.nav.users': 'Users',
  'admin.nav.platforms': 'Platforms',
  'admin.nav.inbox': 'Inbox',
  'admin.nav.billing': 'Billing',
  'admin.nav.emails': 'Emails',
  'admin.nav.audit': 'Audit log',

  'admin.role.admin': 'Administrator',
  'admin.role.support': 'Support',
  'admin.role.billing': 'Billing',
  'admin.role.account_manager': 'Account manager',

  'admin.dashboard.title': 'Back-office',
  'admin.dashboard.your_roles': 'Your roles: {roles}.',
  'admin.dashboard.needs_action': 'Needs action',
  'admin.dashboard.new_messages': 'new messages from customers',
  'admin.dashboard.new_messages.one': 'new message from a customer',
  'admin.dashboard.failed_emails': 'emails that failed',
  'admin.dashboard.failed_emails.one': 'email that failed',
  'admin.dashboard.late_emails': 'emails waiting for more than 15 minutes',
  'admin.dashboard.late_emails.one': 'email waiting for more than 15 minutes',
  'admin.dashboard.locked_accounts': 'accounts locked after failed logins',
  'admin.dashboard.locked_accounts.one': 'account locked after failed logins',
  'admin.dashboard.open_incidents': 'open platform incidents',
  'admin.dashboard.open_incidents.one': 'open platform incident',
} as const
