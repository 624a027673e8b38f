// Sent when staff reset a user's two-factor authentication (a lost device):
// the owner learns it at once, and someone who talked support into it is
// noticed. The staff member's reason stays in the audit log, not here.
import type { EmailTemplate } from '../layout.js'
import { formatDateTime } from '../format.js'

export interface TotpResetData {
  firstName: string
  /** ISO time of the reset. */
  resetAt: string
  /** Absolute URL of "My security": `${config.publicUrl}/account/security`. */
  securityLink: string
}

export const totpReset: EmailTemplate<TotpResetData> = {
  en: (data) => ({
    subject: 'Two-factor authentication was reset on your account',
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.firstName},` },
      { kind: 'paragraph', text: `Our support team turned off two-factor authentication on your account on ${formatDateTime('en', data.resetAt)}, after you lost the device that gave your codes.` },
      { kind: 'paragraph', text: 'You were signed out everywhere. Log in with your password, then turn two-factor authentication on again with your new device.' },
      { kind: 'button', label: 'Open My security', href: data.securityLink },
      { kind: 'paragraph', text: 'If you did not ask for this, change your password now and tell your account manager.' },
    ],
  }),
  fr: (data) => ({
    subject: 'L’authentification à deux facteurs de votre compte a été réinitialisée',
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.firstName},` },
      { kind: 'paragraph', text: `Notre équipe support a désactivé l’authentification à deux facteurs de votre compte le ${formatDateTime('fr', data.resetAt)}, après la perte de l’appareil qui vous donnait les codes.` },
      { kind: 'paragraph', text: 'Vous avez été déconnecté partout. Connectez-vous avec votre mot de passe, puis réactivez l’authentification à deux facteurs avec votre nouvel appareil.' },
      { kind: 'button', label: 'Ouvrir Ma sécurité', href: data.securityLink },
      { kind: 'paragraph', text: 'Si vous n’avez rien demandé, changez votre mot de passe sans attendre et prévenez votre gestionnaire de compte.' },
    ],
  }),
}
