// To the referent and the billing managers when instances of a subscription
// are scheduled for cancellation: the bill changes from the 1st of next month,
// and whoever pays should hear of it even if they never open the portal.
import type { EmailTemplate } from '../layout.js'
import type { Locale } from '../../db/users.table.js'

export interface SubscriptionCancellationData {
  firstName: string
  contractName: string
  contractCode: string
  kind: 'reserved_ecs_standard' | 'reserved_ecs_flexible' | 'workspace'
  flavour: string
  region: string
  quantity: number
  /** Instances left once every scheduled cancellation applies. */
  remaining: number
  /** YYYY-MM-DD, the first day of a month. */
  effectiveOn: string
  requestedBy: string
  /** Absolute URL of the contract's subscriptions page. */
  link: string
}

const KINDS: Record<Locale, Record<SubscriptionCancellationData['kind'], string>> = {
  en: { reserved_ecs_standard: 'Reserved ECS instances (standard)', reserved_ecs_flexible: 'Reserved ECS instances (flexible)', workspace: 'Workspaces' },
  fr: { reserved_ecs_standard: 'Instances ECS réservées (standard)', reserved_ecs_flexible: 'Instances ECS réservées (flexibles)', workspace: 'Workspaces' },
}

function day(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
}

export const subscriptionCancellation: EmailTemplate<SubscriptionCancellationData> = {
  en: (data) => ({
    subject: `Cancellation of ${data.quantity} ${data.quantity === 1 ? 'instance' : 'instances'} on ${data.contractName} from ${day('en', data.effectiveOn)}`,
    blocks: [
      { kind: 'paragraph', text: `Hello ${data.firstName},` },
      { kind: 'paragraph', text: `${data.requestedBy} scheduled the cancellation of ${data.quantity} ${data.quantity === 1 ? 'instance' : 'instances'} of a subscription of the contract ${data.contractName} (${data.contractCode}). It takes effect on ${day('en', data.effectiveOn)}; it can be withdrawn until then.` },
      { kind: 'facts', rows: [
        ['Subscription', `${KINDS.en[data.kind]}, ${data.flavour}`],
        ['Region', data.region],
        ['Instances cancelled', String(data.quantity)],
        ['Instances remaining', String(data.remaining)],
        ['Effective on', day('en', data.effectiveOn)],
      ] },
      { kind: 'button', label: 'See the subscriptions', href: data.link },
    ],
  }),
  fr: (data) => ({
    subject: `Résiliation de ${data.quantity} ${data.quantity === 1 ? 'instance' : 'instances'} sur ${data.contractName} au ${day('fr', data.effectiveOn)}`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${data.firstName},` },
      { kind: 'paragraph', text: `${data.requestedBy} a programmé la résiliation de ${data.quantity} ${data.quantity === 1 ? 'instance' : 'instances'} d’une souscription du contrat ${data.contractName} (${data.contractCode}). Elle prend effet le ${day('fr', data.effectiveOn)} ; elle peut être annulée d’ici là.` },
      { kind: 'facts', rows: [
        ['Souscription', `${KINDS.fr[data.kind]}, ${data.flavour}`],
        ['Région', data.region],
        ['Instances résiliées', String(data.quantity)],
        ['Instances restantes', String(data.remaining)],
        ['Date d’effet', day('fr', data.effectiveOn)],
      ] },
      { kind: 'button', label: 'Voir les souscriptions', href: data.link },
    ],
  }),
}
