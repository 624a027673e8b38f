// The link that lets the owner of the address choose a new password.
import type { EmailTemplate } from '../layout.js'
import { formatDuration } from '../format.js'

export interface PasswordResetData {
  firstName: string
  /** Absolute URL carrying the one-time token. */
  link: string
  expiresInMinutes: number
}

export const passwordReset: EmailTemplate<PasswordResetData> = {
  en: (data) => ({
    subject: 'Reset your password',
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.firstName},` },
      {
        kind: 'paragraph',
        text: `A new password was asked for your account. This link lets you choose it; it works once, for ${formatDuration('en', data.expiresInMinutes, 'minute')}.`,
      },
      { kind: 'button', label: 'Choose a new password', href: data.link },
      { kind: 'paragraph', text: 'If you did not ask for it, ignore this email: your password stays as it is.' },
    ],
  }),
  fr: (data) => ({
    subject: 'Réinitialisation de votre mot de passe',
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.firstName},` },
      {
        kind: 'paragraph',
        text: `Un nouveau mot de passe a été demandé pour votre compte. Ce lien vous permet de le choisir ; il ne sert qu’une fois, pendant ${formatDuration('fr', data.expiresInMinutes, 'minute')}.`,
      },
      { kind: 'button', label: 'Choisir un nouveau mot de passe', href: data.link },
      { kind: 'paragraph', text: 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.' },
    ],
  }),
}
