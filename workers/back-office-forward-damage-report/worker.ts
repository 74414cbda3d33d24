import { Type } from '@sinclair/typebox';
import { backOfficeConnector } from '../back-office/connector.ts';

const CATEGORIES = ['road', 'lighting', 'waste', 'water', 'green-space', 'other'] as const;

/** Forwards a damage report to the works department's ticket queue, once per case and task. */
export const backOfficeForwardDamageReport = backOfficeConnector({
  jobType: 'back-office-forward-damage-report',
  target: 'municipality',
  input: {
    category: Type.Union(CATEGORIES.map((category) => Type.Literal(category)), {
      title: 'Kategorie', description: 'road, lighting, waste, water, green-space oder other.',
    }),
    description: Type.String({ minLength: 1, maxLength: 2000, title: 'Beschreibung', description: 'Der Text der Meldung, höchstens 2000 Zeichen.' }),
    location: Type.Object({ latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }) }, {
      title: 'Ort', description: 'Kontext mit latitude und longitude (WGS84).',
    }),
    reportedAt: Type.String({ minLength: 20, title: 'Gemeldet am', description: 'ISO-8601-Zeitpunkt mit Zeitzone.' }),
  },
  async call({ port, context, reference, variables: v, complete }) {
    const receipt = await port.forwardDamageReport(
      { reference, category: v.category, description: v.description, location: v.location, reportedAt: v.reportedAt },
      context,
    );
    return complete({ damageTicketId: receipt.ticketId });
  },
  outputs: { damageTicketId: { label: 'Ticket', description: 'Die Ticket-Id des Werkhofs.' } },
  errors: {},
  // Version 2: German names and labels (version 1 was English; previous/ keeps it for older diagrams).
  template: {
    version: 2,
    name: 'Schadenmeldung weiterleiten',
    description: 'Legt die Schadenmeldung einer Bürgerin oder eines Bürgers in die Ticket-Warteschlange des Werkhofs.',
  },
});
