/**
 * The back-office connectors' element templates: one per worker that calls a municipality's
 * back office (or the office that serves it), whatever vendor runs it.
 */
import { Type } from '@sinclair/typebox';
import { caseInputs as caseFields } from '../runtime/case-inputs.ts';
import { templateInputsOf, type ConnectorTemplate, type TemplateInput } from '../runtime/element-template.ts';

const caseInputs = templateInputsOf(Type.Object(caseFields));

const residentId: TemplateInput = { name: 'residentId', label: 'Einwohner-Id', description: 'Aus «Person im Einwohnerregister suchen».', value: '=resident.residentId' };
const deliveryAddress: TemplateInput = {
  name: 'deliveryAddress', label: 'Lieferadresse', description: 'Kontext mit recipient, street, houseNumber, postalCode, town.', value: '=deliveryAddress',
};

// Version 2: German names and labels (version 1 was English; previous/ keeps it for older diagrams).
export const BACK_OFFICE_TEMPLATES: readonly ConnectorTemplate[] = [
  {
    jobType: 'find-resident',
    version: 2,
    category: 'back-office',
    name: 'Person im Einwohnerregister suchen',
    description: 'Sucht die antragstellende Person im Einwohnerregister der Gemeinde und beurteilt ihren Wohnsitz.',
    inputs: [...caseInputs, { name: 'applicant', label: 'Antragsteller/in', description: 'Kontext mit firstName, lastName und dateOfBirth (JJJJ-MM-TT).', value: '=applicant' }],
    outputs: [
      { variable: 'residenceAssessment', label: 'Beurteilung', description: "'entitled', 'review' oder 'not-resident'." },
      { variable: 'resident', label: 'Einwohner/in', description: 'residentId, Wohnsitzart, seit, Sperre, Adresse; null ohne Wohnsitz.' },
    ],
    errors: ['PERSON_NOT_FOUND'],
  },
  {
    jobType: 'back-office-book-fee',
    version: 2,
    category: 'back-office',
    name: 'Gebühr im Finanzmodul buchen',
    description: 'Bucht eine Gebühr auf das Debitorenkonto der Person, einmal je Vorgang und Aufgabe, wie oft auch wiederholt wird.',
    inputs: [
      ...caseInputs,
      residentId,
      { name: 'amountRappen', label: 'Betrag (Rappen)', description: 'Ganzzahl, z. B. 3000 für CHF 30.00.', value: '=feeRappen' },
      { name: 'account', label: 'Ertragskonto', description: 'Das Konto der Gemeinde für diesen Dienst.', value: '=paymentAccount' },
      { name: 'bookingText', label: 'Buchungstext', description: 'Höchstens 80 Zeichen.', value: '=bookingText' },
    ],
    outputs: [{ variable: 'feeBooking', label: 'Buchung', description: 'bookingId und bookedOn.' }],
    errors: ['RESIDENT_NOT_FOUND'],
  },
  {
    jobType: 'back-office-list-open-items',
    version: 2,
    category: 'back-office',
    name: 'Offene Posten abfragen',
    description: 'Liest die unbezahlten Rechnungen der Person aus dem Finanzmodul, älteste Fälligkeit zuerst.',
    inputs: [...caseInputs, residentId],
    outputs: [{ variable: 'openItems', label: 'Offene Posten', description: 'Liste mit itemId, description, amountRappen, dueDate.' }],
    errors: ['RESIDENT_NOT_FOUND'],
  },
  {
    jobType: 'back-office-request-instalment-plan',
    version: 2,
    category: 'back-office',
    name: 'Ratenplan beantragen',
    description: 'Vereinbart mit dem Finanzmodul monatliche Raten für offene Posten.',
    inputs: [
      ...caseInputs,
      residentId,
      { name: 'itemIds', label: 'Offene Posten', description: 'Liste der Posten-Ids, die der Plan umfasst.', value: '=itemIds' },
      { name: 'instalments', label: 'Raten', description: '2 bis 12 Monatsraten.', value: '=instalments' },
      { name: 'firstDueDate', label: 'Erste Fälligkeit', description: 'JJJJ-MM-TT.', value: '=firstDueDate' },
    ],
    outputs: [{ variable: 'instalmentPlan', label: 'Ratenplan', description: 'planId, totalRappen und die Raten.' }],
    errors: ['INSTALMENT_PLAN_REFUSED'],
  },
  {
    jobType: 'back-office-forward-damage-report',
    version: 2,
    category: 'back-office',
    name: 'Schadenmeldung weiterleiten',
    description: 'Legt die Schadenmeldung einer Bürgerin oder eines Bürgers in die Ticket-Warteschlange des Werkhofs.',
    inputs: [
      ...caseInputs,
      { name: 'category', label: 'Kategorie', description: 'road, lighting, waste, water, green-space oder other.', value: '=category' },
      { name: 'description', label: 'Beschreibung', description: 'Der Text der Meldung, höchstens 2000 Zeichen.', value: '=description' },
      { name: 'location', label: 'Ort', description: 'Kontext mit latitude und longitude (WGS84).', value: '=location' },
      { name: 'reportedAt', label: 'Gemeldet am', description: 'ISO-8601-Zeitpunkt mit Zeitzone.', value: '=reportedAt' },
    ],
    outputs: [{ variable: 'damageTicketId', label: 'Ticket', description: 'Die Ticket-Id des Werkhofs.' }],
    errors: [],
  },
  {
    jobType: 'back-office-deliver-stock',
    version: 2,
    category: 'back-office',
    name: 'Aus dem Lager liefern',
    description: 'Versendet Artikel wie Kehrichtmarken aus dem Lager der Gemeinde.',
    inputs: [
      ...caseInputs,
      { name: 'articleCode', label: 'Artikel', description: 'Die Artikelnummer der Gemeinde, z. B. KEHRICHT-35L.', value: '=articleCode' },
      { name: 'quantity', label: 'Menge', description: '1 bis 100 Stück.', value: '=quantity' },
      deliveryAddress,
    ],
    outputs: [{ variable: 'delivery', label: 'Lieferung', description: 'deliveryId und expectedOn.' }],
    errors: ['OUT_OF_STOCK', 'UNKNOWN_ARTICLE'],
  },
  {
    jobType: 'back-office-request-debt-register-extract',
    version: 2,
    category: 'back-office',
    name: 'Betreibungsregisterauszug anfordern',
    description: 'Fordert beim Betreibungsamt, das die Gemeinde bedient, einen Auszug an.',
    inputs: [...caseInputs, { name: 'person', label: 'Person', description: 'Kontext mit firstName, lastName, dateOfBirth und address.', value: '=person' }],
    outputs: [{ variable: 'debtRegisterExtract', label: 'Auszug', description: 'extractId, issuedOn und die Zahl der Betreibungen.' }],
    errors: ['PERSON_NOT_IDENTIFIED'],
  },
  {
    jobType: 'back-office-order-birth-register-extract',
    version: 2,
    category: 'back-office',
    name: 'Geburtsregisterauszug bestellen',
    description: 'Bestellt beim regionalen Zivilstandsamt einen Geburtsregisterauszug, per Post an die Person.',
    inputs: [
      ...caseInputs,
      { name: 'person', label: 'Person', description: 'Kontext mit firstName, lastName, dateOfBirth und placeOfBirth.', value: '=person' },
      deliveryAddress,
    ],
    outputs: [{ variable: 'birthRegisterExtractOrder', label: 'Bestellung', description: 'orderId und expectedOn.' }],
    errors: [],
  },
  {
    jobType: 'back-office-read-contact-data',
    version: 1,
    category: 'back-office',
    name: 'Kontaktdaten im Register lesen',
    description: 'Liest Telefonnummer und E-Mail-Adresse, welche die Gemeinde neben dem Datenstandard führt (ADM-4), und zeigt sie der Prüfung.',
    inputs: [...caseInputs, residentId],
    outputs: [{ variable: 'registerContact', label: 'Kontaktdaten im Register', description: 'phone (E.164) und email; null, wo nichts geführt wird.' }],
    errors: ['RESIDENT_NOT_FOUND'],
  },
  {
    jobType: 'back-office-change-contact-data',
    version: 1,
    category: 'back-office',
    name: 'Kontaktdaten im Register ändern',
    description: 'Schreibt eine genehmigte Änderung von Telefonnummer oder E-Mail-Adresse ins Register (ADM-4), einmal je Vorgang und Aufgabe. Daten des Datenstandards ändert sie nie.',
    inputs: [
      ...caseInputs,
      residentId,
      { name: 'changes', label: 'Änderung', description: 'Kontext mit phone und/oder email; null löscht den Eintrag, was fehlt, bleibt.', value: '=request.changes' },
    ],
    outputs: [{ variable: 'contactDataChange', label: 'Änderung', description: 'contact (nach der Änderung) und changedOn.' }],
    errors: ['RESIDENT_NOT_FOUND'],
  },
];
