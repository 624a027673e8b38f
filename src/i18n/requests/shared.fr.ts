// Messages communs aux demandes, en français : mêmes clés que shared.en.ts.
import type { requestsSharedEn } from './shared.en.js'

export const requestsSharedFr: Record<keyof typeof requestsSharedEn, string> = {
  'requests.type.incident': 'Incident',
  'requests.type.order': 'Commande',
  'requests.type.change': 'Changement',
  'requests.status.transmitted': 'Transmise',
  'requests.status.in_progress': 'En cours',
  'requests.status.completed': 'Terminée',
  'requests.status.rejected': 'Rejetée',
  'requests.priority.P1': 'P1 – critique',
  'requests.priority.P2': 'P2 – majeur',
  'requests.priority.P3': 'P3 – mineur',
  'requests.priority.P4': 'P4 – question ou demande d’information',
  'requests.priority_hint.P1': 'Un service de production est arrêté ou inutilisable, sans contournement.',
  'requests.priority_hint.P2': 'Un service de production est fortement dégradé, ou arrêté avec un contournement.',
  'requests.priority_hint.P3': 'Un service fonctionne avec un défaut limité, non bloquant.',
  'requests.priority_hint.P4': 'Sans impact sur le service : une question, un conseil, un défaut d’affichage.',
  'requests.repair.hours': '{priority} en {hours} h',
  'requests.repair.none': 'Pas de délai de rétablissement garanti',
  'requests.attachment.label': 'Pièce jointe (facultative)',
  'requests.attachment.hint': 'PDF, PNG, JPEG, texte, CSV, Excel ou Word, jusqu’à 10 Mo.',
  'requests.attachment.error.too_large': 'Le fichier dépasse {max} : choisissez un fichier plus petit',
  'requests.attachment.error.empty': 'Le fichier est vide : choisissez un autre fichier',
  'requests.attachment.error.type_refused': 'Ce type de fichier n’est pas accepté : choisissez un fichier PDF, PNG, JPEG, texte, CSV, Excel ou Word',
  'requests.attachment.error.type_mismatch': 'Le contenu du fichier ne correspond pas à l’extension de son nom',
}
