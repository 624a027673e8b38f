// Sent after any password change, so that an owner who did not change it
// learns it at once and can take the account back.
import type { EmailTemplate } from '../layout.js'
import { formatDateTime } from '../format.js'

export interface PasswordChangedData {
  firstName: string
  /** ISO time of the change. */
  changedAt: string
  /** The address the change came from, when known. */
  ip: string | null
  /** Absolute URL of the "forgot password" page: `${config.publicUrl}/password/forgot`. */
  forgotLink: string
}

export const passwordChanged: EmailTemplate<PasswordChangedData> = {
  en: (data) => ({
    subject: 'Your password was changed',
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.firstName},` },
      {
        kind: 'paragraph',
        text: `The password of your account was changed on ${formatDateTime('en', data.changedAt)}`
          + (data.ip ? ` from the IP address ${data.ip}.` : '.'),
      },
      { kind: 'paragraph', text: 'If it was you, there is nothing else to do.' },
      { kind: 'paragraph', text: 'If it was not you, reset your password now: someone else may know it.' },
      { kind: 'button', label: 'Reset my password', href: data.forgotLink },
    ],
  }),
  fr: (data) => ({
    subject: 'Votre mot de passe a été modifié',
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.firstName},` },
      {
        kind: 'paragraph',
        text: `Le mot de passe de votre compte a été modifié le ${formatDateTime('fr', data.changedAt)}`
          + (data.ip ? ` depuis l’adresse IP ${data.ip}.` : '.'),
      },
      { kind: 'paragraph', text: 'Si c’est vous, vous n’avez rien d’autre à faire.' },
      { kind: 'paragraph', text: 'Si ce n’est pas vous, réinitialisez votre mot de passe sans attendre : quelqu’un d’autre le connaît peut-être.' },
      { kind: 'button', label: 'Réinitialiser mon mot de passe', href: data.forgotLink },
    ],
  }),
}
