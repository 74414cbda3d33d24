/** The Dialog API of `./api.ts`, served by the simulator harness over the simulated back office. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { parseAhvNumber } from '../../../connectors/back-office/ahv-number.ts';
import type { ResidentMatch } from '../../../connectors/back-office/port.ts';
import type { ProtocolContext, VendorProtocol } from '../vendor-simulator.ts';
import {
  DialogBirthExtractRequest,
  DialogContactChangeRequest,
  DialogDamageReportRequest,
  DialogDebtExtractRequest,
  DialogDeliveryRequest,
  DialogFeeBookingRequest,
  DialogInstalmentPlanRequest,
  DialogProblemType,
  DialogSearchRequest,
  type DialogContact,
  type DialogPerson,
  type DialogProblem,
  type DialogResidence,
} from '../../../connectors/back-office/dialog/api.ts';

const OPERATION_BY_ROUTE: Readonly<Record<string, string>> = {
  '/api/v1/municipalities/:bfs/residents/search': 'findResident',
  '/api/v1/municipalities/:bfs/residents/:id/residence': 'getResidence',
  '/api/v1/municipalities/:bfs/residents/:id/contact': 'getContactData',
  '/api/v1/municipalities/:bfs/residents/contact-changes/:reference': 'changeContactData',
  '/api/v1/municipalities/:bfs/finance/fee-bookings/:reference': 'bookFee',
  '/api/v1/municipalities/:bfs/finance/debtors/:id/open-items': 'listOpenItems',
  '/api/v1/municipalities/:bfs/finance/instalment-plans/:reference': 'requestInstalmentPlan',
  '/api/v1/municipalities/:bfs/works/damage-reports/:reference': 'forwardDamageReport',
  '/api/v1/municipalities/:bfs/stock/deliveries/:reference': 'deliverStock',
  '/api/v1/municipalities/:bfs/debt-enforcement/extracts/:reference': 'requestDebtRegisterExtract',
  '/api/v1/municipalities/:bfs/civil-registry/birth-register-extracts/:reference': 'orderBirthRegisterExtract',
};

type Params = { bfs: string; id: string; reference: string };

export const dialogProtocol: VendorProtocol = {
  vendor: 'dialog',

  classify(request) {
    const bfs = Number((request.params as Partial<Params>).bfs);
    return {
      operation: OPERATION_BY_ROUTE[request.routeOptions.url ?? ''] ?? 'unknown',
      municipalityBfs: Number.isInteger(bfs) ? bfs : undefined,
    };
  },

  faultAnswer(fault) {
    switch (fault) {
      case 'error5xx':
        return { status: 503, contentType: 'application/problem+json', headers: { 'retry-after': '1' }, body: JSON.stringify(problem(503, DialogProblemType.unavailable, 'Service Unavailable')) };
      case 'rateLimited':
        return { status: 429, contentType: 'application/problem+json', headers: { 'retry-after': '2' }, body: JSON.stringify(problem(429, DialogProblemType.rateLimited, 'Too Many Requests')) };
      case 'expiredCredentials':
        return { status: 401, contentType: 'application/problem+json', body: JSON.stringify(problem(401, DialogProblemType.credentialExpired, 'API key expired')) };
      case 'malformed':
        return { status: 200, contentType: 'application/json', body: '{"persons":[{"id":"P-0000-0000","officialName":"Mu' };
      case 'wrongShape':
        return { status: 200, contentType: 'application/json', body: JSON.stringify({ result: 'ok', items: 'none', padding: 'x'.repeat(64) }) };
    }
  },

  async register(app: FastifyInstance, context: ProtocolContext) {
    const { state } = context;

    app.addHook('preHandler', async (request, reply) => {
      if (reply.sent) return;
      const key = request.headers['x-api-key'];
      if (!context.sameSecret(typeof key === 'string' ? key : undefined, context.credential)) {
        return sendProblem(reply, 401, DialogProblemType.unauthorized, 'Missing or wrong API key');
      }
      const bfs = Number((request.params as Partial<Params>).bfs);
      if (state.municipalityName(bfs) === undefined) {
        return sendProblem(reply, 404, DialogProblemType.municipalityNotFound, 'Municipality not served');
      }
    });

    const route = <S extends TSchema>(method: 'GET' | 'POST' | 'PUT', path: string, schema: S | null, handle: (bfs: number, params: Params, body: never, reply: FastifyReply) => unknown) => {
      const check = schema === null ? null : TypeCompiler.Compile(schema);
      app.route({
        method,
        url: `/api/v1/municipalities/:bfs/${path}`,
        handler: async (request: FastifyRequest, reply) => {
          if (check !== null && !check.Check(request.body)) {
            return sendProblem(reply, 400, DialogProblemType.invalidRequest, 'Invalid request body');
          }
          const params = request.params as Params;
          return handle(Number(params.bfs), params, request.body as never, reply);
        },
      });
    };
    const notFound = (reply: FastifyReply) => sendProblem(reply, 404, DialogProblemType.residentNotFound, 'Resident not found');
    const created = <T>(reply: FastifyReply, answer: T, firstTime: boolean) => reply.code(firstTime ? 201 : 200).send(answer);
    /** Whether a write with this reference is new: repeats answer 200 instead of 201. */
    const isNew = (before: number, after: number) => after > before;

    route('POST', 'residents/search', DialogSearchRequest, (bfs, _params, search: DialogSearchRequest) => {
      const found = 'vn' in search
        ? state.searchResidents(bfs, { kind: 'vn', digits: parseAhvNumber(search.vn)?.digits ?? search.vn })
        : state.searchResidents(bfs, { kind: 'name', firstName: search.firstName, lastName: search.officialName, dateOfBirth: search.dateOfBirth });
      return { persons: found.map((r) => toDialogPerson({ residentId: r.id, ...r })) };
    });

    route('GET', 'residents/:id/residence', null, (bfs, params, _body, reply) => {
      const residence = state.residence(bfs, params.id);
      if (residence === undefined) return notFound(reply);
      const answer: DialogResidence = {
        personId: params.id,
        typeOfResidence: residence.residenceType === 'main' ? 1 : 2,
        arrivalDate: residence.since,
        departureDate: residence.movedOutOn,
        municipality: residence.municipality,
        dwellingAddress: {
          street: residence.address.street,
          houseNumber: residence.address.houseNumber,
          swissZipCode: residence.address.postalCode,
          town: residence.address.town,
        },
        dataLock: residence.blocked ? 2 : 0,
        household: residence.household.map(toDialogPerson),
      };
      return answer;
    });

    route('GET', 'residents/:id/contact', null, (bfs, params, _body, reply) => {
      const contact = state.contactData(bfs, params.id);
      if (contact === undefined) return notFound(reply);
      const answer: DialogContact = { personId: params.id, phoneNumber: contact.phone, emailAddress: contact.email };
      return answer;
    });

    route('PUT', 'residents/contact-changes/:reference', DialogContactChangeRequest, (bfs, params, body: DialogContactChangeRequest, reply) => {
      const before = state.written().contactDataChanges;
      const receipt = state.changeContactData(bfs, {
        reference: params.reference, residentId: body.personId,
        ...(body.phoneNumber === undefined ? {} : { phone: body.phoneNumber }),
        ...(body.emailAddress === undefined ? {} : { email: body.emailAddress }),
      });
      if (receipt === 'resident-not-found') return notFound(reply);
      const answer = { contact: { phoneNumber: receipt.contact.phone, emailAddress: receipt.contact.email }, changeDate: receipt.changedOn };
      return created(reply, answer, isNew(before, state.written().contactDataChanges));
    });

    route('PUT', 'finance/fee-bookings/:reference', DialogFeeBookingRequest, (bfs, params, body: { personId: string; amountRappen: number; account: string; text: string }, reply) => {
      const before = state.written().feeBookings;
      const receipt = state.bookFee(bfs, { reference: params.reference, residentId: body.personId, amountRappen: body.amountRappen, account: body.account, bookingText: body.text });
      if (receipt === 'resident-not-found') return notFound(reply);
      return created(reply, { bookingId: receipt.bookingId, bookingDate: receipt.bookedOn }, isNew(before, state.written().feeBookings));
    });

    route('GET', 'finance/debtors/:id/open-items', null, (bfs, params, _body, reply) => {
      const items = state.openItems(bfs, params.id);
      if (items === 'resident-not-found') return notFound(reply);
      return { items: items.map((item) => ({ itemId: item.itemId, text: item.description, openAmountRappen: item.amountRappen, dueDate: item.dueDate })) };
    });

    route('PUT', 'finance/instalment-plans/:reference', DialogInstalmentPlanRequest, (bfs, params, body: { personId: string; openItemIds: string[]; numberOfInstalments: number; firstDueDate: string }, reply) => {
      const before = state.written().instalmentPlans;
      const result = state.requestInstalmentPlan(bfs, { reference: params.reference, residentId: body.personId, itemIds: body.openItemIds, instalments: body.numberOfInstalments, firstDueDate: body.firstDueDate });
      if (result.outcome === 'refused') {
        return reply.code(422).type('application/problem+json').send({ ...problem(422, DialogProblemType.instalmentPlanRefused, 'Instalment plan refused'), reason: result.reason });
      }
      return created(reply, { planId: result.planId, totalRappen: result.totalRappen, instalments: result.schedule }, isNew(before, state.written().instalmentPlans));
    });

    route('PUT', 'works/damage-reports/:reference', DialogDamageReportRequest, (bfs, params, body: { category: 'road'; description: string; position: { lat: number; lon: number }; reportedAt: string }, reply) => {
      const before = state.written().damageReports;
      const receipt = state.forwardDamageReport(bfs, { reference: params.reference, category: body.category, description: body.description, location: { latitude: body.position.lat, longitude: body.position.lon }, reportedAt: body.reportedAt });
      return created(reply, receipt, isNew(before, state.written().damageReports));
    });

    route('PUT', 'stock/deliveries/:reference', DialogDeliveryRequest, (bfs, params, body: { articleNumber: string; quantity: number; deliverTo: { recipient: string; street: string; houseNumber: string | null; swissZipCode: string; town: string } }, reply) => {
      const before = state.written().stockDeliveries;
      const { deliverTo } = body;
      const result = state.deliverStock(bfs, {
        reference: params.reference, articleCode: body.articleNumber, quantity: body.quantity,
        deliveryAddress: { recipient: deliverTo.recipient, street: deliverTo.street, houseNumber: deliverTo.houseNumber, postalCode: deliverTo.swissZipCode, town: deliverTo.town },
      });
      if (result.outcome === 'out-of-stock') {
        return reply.code(409).type('application/problem+json').send({ ...problem(409, DialogProblemType.outOfStock, 'Out of stock'), available: result.available });
      }
      if (result.outcome === 'unknown-article') return sendProblem(reply, 404, DialogProblemType.articleNotFound, 'Unknown article');
      return created(reply, { deliveryId: result.deliveryId, expectedDeliveryDate: result.expectedOn }, isNew(before, state.written().stockDeliveries));
    });

    route('PUT', 'debt-enforcement/extracts/:reference', DialogDebtExtractRequest, (bfs, params, body: { officialName: string; firstName: string; dateOfBirth: string; address: { street: string; houseNumber: string | null; swissZipCode: string; town: string } }, reply) => {
      const before = state.written().debtRegisterExtracts;
      const extract = state.requestDebtRegisterExtract(bfs, {
        reference: params.reference,
        person: { firstName: body.firstName, lastName: body.officialName, dateOfBirth: body.dateOfBirth, address: { street: body.address.street, houseNumber: body.address.houseNumber, postalCode: body.address.swissZipCode, town: body.address.town } },
      });
      if (extract === null) return sendProblem(reply, 404, DialogProblemType.personNotIdentified, 'Person not identified');
      return created(reply, extract, isNew(before, state.written().debtRegisterExtracts));
    });

    route('PUT', 'civil-registry/birth-register-extracts/:reference', DialogBirthExtractRequest, (bfs, params, body: { officialName: string; firstName: string; dateOfBirth: string; placeOfBirth: string; deliverTo: { recipient: string; street: string; houseNumber: string | null; swissZipCode: string; town: string } }, reply) => {
      const before = state.written().birthRegisterExtractOrders;
      const { deliverTo } = body;
      const receipt = state.orderBirthRegisterExtract(bfs, {
        reference: params.reference,
        person: { firstName: body.firstName, lastName: body.officialName, dateOfBirth: body.dateOfBirth, placeOfBirth: body.placeOfBirth },
        deliveryAddress: { recipient: deliverTo.recipient, street: deliverTo.street, houseNumber: deliverTo.houseNumber, postalCode: deliverTo.swissZipCode, town: deliverTo.town },
      });
      return created(reply, { orderId: receipt.orderId, expectedDeliveryDate: receipt.expectedOn }, isNew(before, state.written().birthRegisterExtractOrders));
    });
  },
};

function problem(status: number, type: string, title: string): DialogProblem {
  return { type, title, status };
}

function sendProblem(reply: FastifyReply, status: number, type: string, title: string) {
  return reply.code(status).type('application/problem+json').send(problem(status, type, title));
}

function toDialogPerson(person: ResidentMatch): DialogPerson {
  return { id: person.residentId, officialName: person.lastName, firstName: person.firstName, dateOfBirth: person.dateOfBirth };
}
