import { Type } from '@sinclair/typebox';
import { backOfficeConnector } from '../back-office/connector.ts';
import { DeliveryAddress } from '../back-office/inputs.ts';

/** Dispatches articles (e.g. waste stamps) from the municipality's stock; shortages are BPMN errors. */
export const backOfficeDeliverStock = backOfficeConnector({
  jobType: 'back-office-deliver-stock',
  target: 'municipality',
  input: {
    articleCode: Type.String({ minLength: 1, maxLength: 40, title: 'Artikel', description: 'Die Artikelnummer der Gemeinde, z. B. KEHRICHT-35L.' }),
    quantity: Type.Integer({ minimum: 1, maximum: 100, title: 'Menge', description: '1 bis 100 Stück.' }),
    deliveryAddress: DeliveryAddress,
  },
  async call({ port, context, reference, variables: v, complete, raise }) {
    const result = await port.deliverStock({ reference, articleCode: v.articleCode, quantity: v.quantity, deliveryAddress: v.deliveryAddress }, context);
    switch (result.outcome) {
      case 'dispatched':
        return complete({ delivery: { deliveryId: result.deliveryId, expectedOn: result.expectedOn } });
      case 'out-of-stock':
        return raise('OUT_OF_STOCK', { availableUnits: result.available });
      case 'unknown-article':
        return raise('UNKNOWN_ARTICLE');
    }
  },
  outputs: { delivery: { label: 'Lieferung', description: 'deliveryId und expectedOn.' } },
  errors: { OUT_OF_STOCK: 'not enough units in stock', UNKNOWN_ARTICLE: 'the municipality does not keep this article' },
  // Version 2: German names and labels (version 1 was English; previous/ keeps it for older diagrams).
  template: { version: 2, name: 'Aus dem Lager liefern', description: 'Versendet Artikel wie Kehrichtmarken aus dem Lager der Gemeinde.' },
});
