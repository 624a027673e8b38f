// A new user's first email: their login and the link to set a password (an
// invited account has none until then).
import type { EmailTemplate } from '../layout.js'
import { formatDuration } from '../format.js'

export interface WelcomeData {
  firstName: string
  login: string
  /** Absolute URL carrying the one-time token. */
  link: string
  expiresInHours: number
  contractName: string | null
  /** Full name of the person who created the account, if any. */
  invitedBy: string | null
}

export const welcome: EmailTemplate<WelcomeData> = {
  en: (data) => ({
    subject: 'Your Cloud Customer Space account',
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.firstName},` },
      {
        kind: 'paragraph',
        text: `${data.invitedBy ? `${data.invitedBy} created` : 'We created'} your Cloud Customer Space account`
          + (data.contractName ? ` for the contract ${data.contractName}.` : '.'),
      },
      { kind: 'facts', rows: [['Your login', data.login]] },
      {
        kind: 'paragraph',
        text: `Choose your password with this link; it works once, for ${formatDuration('en', data.expiresInHours, 'hour')}.`,
      },
      { kind: 'button', label: 'Choose my password', href: data.link },
      { kind: 'paragraph', text: 'If the link has expired, use “Forgot your password?” on the login page.' },
    ],
  }),
  fr: (data) => ({
    subject: 'Votre compte Espace Client Cloud',
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.firstName},` },
      {
        kind: 'paragraph',
        text: `${data.invitedBy ? `${data.invitedBy} a créé` : 'Nous avons créé'} votre compte Espace Client Cloud`
          + (data.contractName ? ` pour le contrat ${data.contractName}.` : '.'),
      },
      { kind: 'facts', rows: [['Votre identifiant', data.login]] },
      {
        kind: 'paragraph',
        text: `Choisissez votre mot de passe avec ce lien ; il ne sert qu’une fois, pendant ${formatDuration('fr', data.expiresInHours, 'hour')}.`,
      },
      { kind: 'button', label: 'Choisir mon mot de passe', href: data.link },
      { kind: 'paragraph', text: 'Si le lien a expiré, utilisez « Mot de passe oublié ? » sur la page de connexion.' },
    ],
  }),
}
