import { Type } from '@sinclair/typebox';
import { backOfficeConnector } from '../back-office/connector.ts';
import { Person, PostalAddress } from '../back-office/inputs.ts';

/** Asks the district's debt-enforcement office that serves the municipality for a register extract. */
export const backOfficeRequestDebtRegisterExtract = backOfficeConnector({
  jobType: 'back-office-request-debt-register-extract',
  target: 'debt-enforcement-office',
  input: {
    person: Type.Composite([Person, Type.Object({ address: PostalAddress })], {
      title: 'Person', description: 'Kontext mit firstName, lastName, dateOfBirth und address.',
    }),
  },
  async call({ port, context, reference, variables: v, complete, raise }) {
    const extract = await port.requestDebtRegisterExtract({ reference, person: v.person }, context);
    return extract ? complete({ debtRegisterExtract: extract }) : raise('PERSON_NOT_IDENTIFIED');
  },
  outputs: { debtRegisterExtract: { label: 'Auszug', description: 'extractId, issuedOn und die Zahl der Betreibungen.' } },
  errors: { PERSON_NOT_IDENTIFIED: 'the office could not identify the person' },
  // Version 2: German names and labels (version 1 was English; previous/ keeps it for older diagrams).
  template: { version: 2, name: 'Betreibungsregisterauszug anfordern', description: 'Fordert beim Betreibungsamt, das die Gemeinde bedient, einen Auszug an.' },
});
