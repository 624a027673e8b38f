// To an existing user given access to one more contract (the add-user
// wizard found their email): no new identity, no new password.
import type { EmailTemplate } from '../layout.js'

export interface ContractAccessData {
  firstName: string
  contractName: string
  contractCode: string
  invitedBy: string | null
  /** Absolute URL of the contract's page in the portal. */
  link: string
}

export const contractAccess: EmailTemplate<ContractAccessData> = {
  en: (data) => ({
    subject: `You now have access to the contract ${data.contractName}`,
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.firstName},` },
      { kind: 'paragraph', text: `${data.invitedBy ?? 'The contract’s manager'} gave you access to the contract ${data.contractName} (${data.contractCode}) in your Cloud Customer Space. Log in with your usual login and password.` },
      { kind: 'button', label: 'Open the contract', href: data.link },
    ],
  }),
  fr: (data) => ({
    subject: `Vous avez désormais accès au contrat ${data.contractName}`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.firstName},` },
      { kind: 'paragraph', text: `${data.invitedBy ?? 'Le gestionnaire du contrat'} vous a donné accès au contrat ${data.contractName} (${data.contractCode}) dans votre Espace Client Cloud. Connectez-vous avec votre identifiant et votre mot de passe habituels.` },
      { kind: 'button', label: 'Ouvrir le contrat', href: data.link },
    ],
  }),
}
