// Who issues the invoices: the legal mentions every invoice and credit note
// prints (French invoicing rules: name, address, legal form and capital,
// registration, VAT number; the bank details for the transfer). Data.
export const PROVIDER = {
  name: 'Orange Cloud Services France SAS',
  address: ['6 place d’Alleray', '75015 Paris', 'France'],
  /** Legal form and share capital, RCS registration. */
  registration: 'SAS au capital de 1 000 000 € – RCS Paris 800 000 001',
  vatNumber: 'FR40800000001',
  iban: 'FR76 3000 4000 0100 0000 0000 001',
  bic: 'BNPAFRPPXXX',
} as const
