import { Type } from '@sinclair/typebox';
import { backOfficeConnector } from '../back-office/connector.ts';
import { ResidentId } from '../back-office/inputs.ts';

/** Books a fee on the resident's debtor account in the municipality's finance module, once per case and task. */
export const backOfficeBookFee = backOfficeConnector({
  jobType: 'back-office-book-fee',
  target: 'municipality',
  input: {
    residentId: ResidentId,
    amountRappen: Type.Integer({ minimum: 1, title: 'Betrag (Rappen)', description: 'Ganzzahl, z. B. 3000 für CHF 30.00.', mapping: '=feeRappen' }),
    account: Type.String({ minLength: 1, title: 'Ertragskonto', description: 'Das Konto der Gemeinde für diesen Dienst.', mapping: '=paymentAccount' }),
    bookingText: Type.String({ minLength: 1, maxLength: 80, title: 'Buchungstext', description: 'Höchstens 80 Zeichen.' }),
  },
  async call({ port, context, reference, variables: v, complete, raise }) {
    const receipt = await port.bookFee({ reference, residentId: v.residentId, amountRappen: v.amountRappen, account: v.account, bookingText: v.bookingText }, context);
    return receipt ? complete({ feeBooking: receipt }) : raise('RESIDENT_NOT_FOUND');
  },
  outputs: { feeBooking: { label: 'Buchung', description: 'bookingId und bookedOn.' } },
  errors: { RESIDENT_NOT_FOUND: 'the finance module does not know the resident' },
  // Version 2: German names and labels (version 1 was English; previous/ keeps it for older diagrams).
  template: {
    version: 2,
    name: 'Gebühr im Finanzmodul buchen',
    description: 'Bucht eine Gebühr auf das Debitorenkonto der Person, einmal je Vorgang und Aufgabe, wie oft auch wiederholt wird.',
  },
});
