import { Type } from '@sinclair/typebox';
import { backOfficeConnector } from '../back-office/connector.ts';
import { DeliveryAddress, Person } from '../back-office/inputs.ts';

/** Orders a birth register extract from the regional civil registry office that serves the municipality. */
export const backOfficeOrderBirthRegisterExtract = backOfficeConnector({
  jobType: 'back-office-order-birth-register-extract',
  target: 'civil-registry-office',
  input: {
    person: Type.Composite([Person, Type.Object({ placeOfBirth: Type.String({ minLength: 1 }) })], {
      title: 'Person', description: 'Kontext mit firstName, lastName, dateOfBirth und placeOfBirth.',
    }),
    deliveryAddress: DeliveryAddress,
  },
  async call({ port, context, reference, variables: v, complete }) {
    const receipt = await port.orderBirthRegisterExtract({ reference, person: v.person, deliveryAddress: v.deliveryAddress }, context);
    return complete({ birthRegisterExtractOrder: receipt });
  },
  outputs: { birthRegisterExtractOrder: { label: 'Bestellung', description: 'orderId und expectedOn.' } },
  errors: {},
  // Version 2: German names and labels (version 1 was English; previous/ keeps it for older diagrams).
  template: {
    version: 2,
    name: 'Geburtsregisterauszug bestellen',
    description: 'Bestellt beim regionalen Zivilstandsamt einen Geburtsregisterauszug, per Post an die Person.',
  },
});
