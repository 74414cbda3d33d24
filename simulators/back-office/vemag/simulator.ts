/**
 * A stand-in for a Vemag installation: the API of `./protocol.ts` over the simulated back office,
 * answering in ISO-8859-1 and always with 200 and Vemag's envelope, as the real application does.
 * Faults render what the gateway in front of Vemag sends (HTML 503, 429) or Vemag's own codes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { parseAhvNumber } from '../../../connectors/back-office/ahv-number.ts';
import type { BackOfficeOperation } from '../../../connectors/back-office/port.ts';
import type { RenderedFault } from '../faults.ts';
import type { FaultAnswer, ProtocolContext, VendorProtocol } from '../vendor-simulator.ts';
import { fromFrancs, fromSwissDate, fromZurichDateTime, latin1Json, toFrancs, toSwissDate } from '../../../connectors/back-office/vemag/encoding.ts';
import { CATEGORY_BY_KATEGORIE, CODE_BY_REFUSAL, fromAdresse } from '../../../connectors/back-office/vemag/mapping.ts';
import {
  AuslieferungAnfrage,
  BetreibungsauszugAnfrage,
  BuchungAnfrage,
  GeburtsregisterauszugAnfrage,
  KontaktmutationAnfrage,
  RatenplanAnfrage,
  SchadenmeldungAnfrage,
  SucheAnfrage,
  VEMAG_API_ROOT,
  VEMAG_AUTH_SCHEME,
  VEMAG_CONTENT_TYPE,
  VEMAG_MANDANT_HEADER,
  VemagFehlercode,
} from '../../../connectors/back-office/vemag/protocol.ts';
import { daten, fehler, renderAuslieferung, renderPerson, renderRatenplan, renderWohnsitz, type Antwort } from './simulator-answers.ts';

/** One endpoint: its operation, request schema (POST) and what it answers for a valid request. */
type Endpoint = {
  readonly operation: BackOfficeOperation;
  readonly method: 'GET' | 'POST';
  /** Below `/vemag/api/`, in Fastify's route syntax. */
  readonly path: string;
  readonly body?: TSchema;
  answer(bfs: number, body: never, id: string, context: ProtocolContext): Antwort;
};

const personUnbekannt = fehler(VemagFehlercode.personUnbekannt);
const validierung = fehler(VemagFehlercode.validierung);

const ENDPOINTS: readonly Endpoint[] = [
  {
    operation: 'findResident', method: 'POST', path: 'einwohner/suche', body: SucheAnfrage,
    answer(bfs, body: SucheAnfrage, _id, { state }) {
      if ('ahvNr' in body) {
        const ahv = parseAhvNumber(body.ahvNr);
        if (ahv === null) return validierung;
        return daten({ treffer: state.searchResidents(bfs, { kind: 'vn', digits: ahv.digits }).map(renderPerson) });
      }
      const search = { kind: 'name', firstName: body.vorname, lastName: body.name, dateOfBirth: fromSwissDate(body.geburtsdatum) ?? '' } as const;
      return daten({ treffer: state.searchResidents(bfs, search).map(renderPerson) });
    },
  },
  {
    operation: 'getResidence', method: 'GET', path: 'einwohner/:id/wohnsitz',
    answer(bfs, _body, id, { state }) {
      const residence = state.residence(bfs, id);
      return residence === undefined ? personUnbekannt : daten(renderWohnsitz(id, residence));
    },
  },
  {
    operation: 'getContactData', method: 'GET', path: 'einwohner/:id/kontakt',
    answer(bfs, _body, id, { state }) {
      const contact = state.contactData(bfs, id);
      return contact === undefined ? personUnbekannt : daten({ id, telefon: contact.phone, email: contact.email });
    },
  },
  {
    operation: 'changeContactData', method: 'POST', path: 'einwohner/kontaktmutationen', body: KontaktmutationAnfrage,
    answer(bfs, body: KontaktmutationAnfrage, _id, { state }) {
      const receipt = state.changeContactData(bfs, {
        reference: body.referenz,
        residentId: body.personId,
        ...(body.telefon === undefined ? {} : { phone: body.telefon }),
        ...(body.email === undefined ? {} : { email: body.email }),
      });
      if (receipt === 'resident-not-found') return personUnbekannt;
      return daten({ telefon: receipt.contact.phone, email: receipt.contact.email, mutiertAm: toSwissDate(receipt.changedOn) });
    },
  },
  {
    operation: 'bookFee', method: 'POST', path: 'finanzen/buchungen', body: BuchungAnfrage,
    answer(bfs, body: BuchungAnfrage, _id, { state }) {
      const receipt = state.bookFee(bfs, {
        reference: body.referenz,
        residentId: body.personId,
        amountRappen: fromFrancs(body.betrag) ?? 0,
        account: body.konto,
        bookingText: body.text,
      });
      if (receipt === 'resident-not-found') return personUnbekannt;
      return daten({ belegNr: receipt.bookingId, buchungsdatum: toSwissDate(receipt.bookedOn) });
    },
  },
  {
    operation: 'listOpenItems', method: 'GET', path: 'finanzen/debitoren/:id/offene-posten',
    answer(bfs, _body, id, { state }) {
      const items = state.openItems(bfs, id);
      if (items === 'resident-not-found') return personUnbekannt;
      return daten({
        posten: items.map((item) => ({
          postenNr: item.itemId,
          bezeichnung: item.description,
          offenerBetrag: toFrancs(item.amountRappen),
          faelligAm: toSwissDate(item.dueDate),
        })),
      });
    },
  },
  {
    operation: 'requestInstalmentPlan', method: 'POST', path: 'finanzen/ratenplaene', body: RatenplanAnfrage,
    answer(bfs, body: RatenplanAnfrage, _id, { state }) {
      const result = state.requestInstalmentPlan(bfs, {
        reference: body.referenz,
        residentId: body.personId,
        itemIds: body.postenNr,
        instalments: body.anzahlRaten,
        firstDueDate: fromSwissDate(body.ersteFaelligkeit) ?? '',
      });
      return result.outcome === 'refused' ? fehler(CODE_BY_REFUSAL[result.reason]) : daten(renderRatenplan(result));
    },
  },
  {
    operation: 'forwardDamageReport', method: 'POST', path: 'werkhof/schadenmeldungen', body: SchadenmeldungAnfrage,
    answer(bfs, body: SchadenmeldungAnfrage, _id, { state }) {
      const reportedAt = fromZurichDateTime(body.gemeldetAm);
      if (reportedAt === undefined) return validierung;
      const receipt = state.forwardDamageReport(bfs, {
        reference: body.referenz,
        category: CATEGORY_BY_KATEGORIE[body.kategorie],
        description: body.beschreibung,
        location: { latitude: body.standort.breite, longitude: body.standort.laenge },
        reportedAt,
      });
      return daten({ ticketNr: receipt.ticketId });
    },
  },
  {
    operation: 'deliverStock', method: 'POST', path: 'lager/auslieferungen', body: AuslieferungAnfrage,
    answer(bfs, body: AuslieferungAnfrage, _id, { state }) {
      const { empfaenger, ...adresse } = body.lieferadresse;
      const result = state.deliverStock(bfs, {
        reference: body.referenz,
        articleCode: body.artikelNr,
        quantity: body.menge,
        deliveryAddress: { recipient: empfaenger, ...fromAdresse(adresse) },
      });
      if (result.outcome === 'unknown-article') return fehler(VemagFehlercode.artikelUnbekannt);
      if (result.outcome === 'out-of-stock') return fehler(VemagFehlercode.bestandUngenuegend, result.available);
      return daten(renderAuslieferung(result));
    },
  },
  {
    operation: 'requestDebtRegisterExtract', method: 'POST', path: 'betreibungsamt/auszuege', body: BetreibungsauszugAnfrage,
    answer(bfs, body: BetreibungsauszugAnfrage, _id, { state }) {
      const { person } = body;
      const extract = state.requestDebtRegisterExtract(bfs, {
        reference: body.referenz,
        person: {
          firstName: person.vorname,
          lastName: person.name,
          dateOfBirth: fromSwissDate(person.geburtsdatum) ?? '',
          address: fromAdresse(person.adresse),
        },
      });
      if (extract === null) return personUnbekannt;
      return daten({ auszugNr: extract.extractId, ausgestelltAm: toSwissDate(extract.issuedOn), anzahlBetreibungen: extract.proceedings });
    },
  },
  {
    operation: 'orderBirthRegisterExtract', method: 'POST', path: 'zivilstandsamt/geburtsregisterauszuege', body: GeburtsregisterauszugAnfrage,
    answer(bfs, body: GeburtsregisterauszugAnfrage, _id, { state }) {
      const { person } = body;
      const { empfaenger, ...adresse } = body.lieferadresse;
      const receipt = state.orderBirthRegisterExtract(bfs, {
        reference: body.referenz,
        person: { firstName: person.vorname, lastName: person.name, dateOfBirth: fromSwissDate(person.geburtsdatum) ?? '', placeOfBirth: person.geburtsort },
        deliveryAddress: { recipient: empfaenger, ...fromAdresse(adresse) },
      });
      return daten({ bestellNr: receipt.orderId, voraussichtlichAm: toSwissDate(receipt.expectedOn) });
    },
  },
];

const OPERATION_BY_ROUTE = new Map(ENDPOINTS.map((endpoint) => [`/${VEMAG_API_ROOT}${endpoint.path}`, endpoint.operation]));

export const vemagProtocol: VendorProtocol = {
  vendor: 'vemag',

  register(app: FastifyInstance, context: ProtocolContext) {
    // Vemag never answers with a status of its own: unreadable bodies are E-VALIDIERUNG too.
    app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
      const code = (error.statusCode ?? 500) < 500 ? VemagFehlercode.validierung : VemagFehlercode.system;
      return reply.code(200).type(VEMAG_CONTENT_TYPE).send(latin1Json(fehler(code)));
    });
    for (const endpoint of ENDPOINTS) {
      const bodyCheck = endpoint.body === undefined ? undefined : TypeCompiler.Compile(endpoint.body);
      app.route({
        method: endpoint.method,
        url: `/${VEMAG_API_ROOT}${endpoint.path}`,
        handler: async (request, reply) => {
          const answer = answerFor(request, context, (bfs) => {
            if (bodyCheck !== undefined && !bodyCheck.Check(request.body)) return validierung;
            const id = (request.params as { id?: string }).id ?? '';
            return endpoint.answer(bfs, request.body as never, id, context);
          });
          return reply.code(200).type(VEMAG_CONTENT_TYPE).send(latin1Json(answer));
        },
      });
    }
  },

  classify(request: FastifyRequest) {
    const operation = OPERATION_BY_ROUTE.get(request.routeOptions.url ?? '') ?? 'unknown';
    return { operation, municipalityBfs: mandantOf(request) };
  },

  faultAnswer(fault: RenderedFault): FaultAnswer {
    switch (fault) {
      case 'error5xx':
        return gatewayPage(503, 'Service Unavailable', 'Der Dienst ist vorübergehend nicht verfügbar.', '1');
      case 'rateLimited':
        return gatewayPage(429, 'Too Many Requests', 'Zu viele Anfragen, bitte später wiederholen.', '2');
      case 'malformed':
        return { status: 200, contentType: VEMAG_CONTENT_TYPE, body: latin1Bytes('{"ok": true, "daten": {"treffer": [{"id": "P-') };
      case 'wrongShape':
        return { status: 200, contentType: VEMAG_CONTENT_TYPE, body: latin1Json({ status: 'OK', resultat: [{ feld: 'wert' }] }) };
      case 'expiredCredentials':
        return { status: 200, contentType: VEMAG_CONTENT_TYPE, body: latin1Json(fehler(VemagFehlercode.authAbgelaufen)) };
    }
  },
};

/** Authentication and Mandant first, as Vemag checks them, then the endpoint's own answer. */
function answerFor(request: FastifyRequest, context: ProtocolContext, answer: (bfs: number) => Antwort): Antwort {
  const authorization = request.headers.authorization ?? '';
  const [scheme, key] = authorization.split(' ', 2);
  if (scheme !== VEMAG_AUTH_SCHEME || !context.sameSecret(key, context.credential)) return fehler(VemagFehlercode.authUngueltig);
  const bfs = mandantOf(request);
  if (bfs === undefined) return validierung;
  if (context.state.municipalityName(bfs) === undefined) return fehler(VemagFehlercode.mandantUnbekannt);
  return answer(bfs);
}

function mandantOf(request: FastifyRequest): number | undefined {
  const header = request.headers[VEMAG_MANDANT_HEADER];
  return typeof header === 'string' && /^\d{1,4}$/.test(header) ? Number(header) : undefined;
}

function gatewayPage(status: number, title: string, text: string, retryAfter: string): FaultAnswer {
  const html = `<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>\n`;
  return { status, contentType: 'text/html; charset=iso-8859-1', body: latin1Bytes(html), headers: { 'retry-after': retryAfter } };
}

function latin1Bytes(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}
