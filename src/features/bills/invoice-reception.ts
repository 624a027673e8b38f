// The provider's invoice reception service: where customers write or call
// about an invoice (spec 003: "specifying your invoice number, your domain
// name… and describing your billing problem"). Data, shown on the bills page.
export const INVOICE_RECEPTION = {
  email: 'facturation.cloud@provider.example',
  phone: '+33 1 70 00 20 00',
  /** Postal address lines, as printed on an envelope. */
  address: ['Cloud Customer Space – Service Réception Factures', 'TSA 70012', '92794 Issy-les-Moulineaux Cedex 9', 'France'],
} as const
