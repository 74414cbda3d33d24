import { backOfficeConnector } from '../back-office/connector.ts';
import { ResidentId } from '../back-office/inputs.ts';

/** Reads the resident's open items from the municipality's finance module. */
export const backOfficeListOpenItems = backOfficeConnector({
  jobType: 'back-office-list-open-items',
  target: 'municipality',
  input: { residentId: ResidentId },
  async call({ port, context, variables: v, complete, raise }) {
    const openItems = await port.listOpenItems(v.residentId, context);
    return openItems ? complete({ openItems }) : raise('RESIDENT_NOT_FOUND');
  },
  outputs: { openItems: { label: 'Offene Posten', description: 'Liste mit itemId, description, amountRappen, dueDate.' } },
  errors: { RESIDENT_NOT_FOUND: 'the finance module does not know the resident' },
  // Version 2: German names and labels (version 1 was English; previous/ keeps it for older diagrams).
  template: {
    version: 2,
    name: 'Offene Posten abfragen',
    description: 'Liest die unbezahlten Rechnungen der Person aus dem Finanzmodul, älteste Fälligkeit zuerst.',
  },
});
