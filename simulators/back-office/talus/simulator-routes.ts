/** The simulated Talus API's resources: Talus's wire format over the simulated back office. */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { BackOfficeOperation, ResidentMatch } from '../../../connectors/back-office/port.ts';
import type { BackOfficeState } from '../back-office-state.ts';
import {
  IdempotencyKey,
  TalusBirthExtractRequest,
  TalusContactDetailsChange,
  TalusDebtExtractRequest,
  TalusDeliveryRequest,
  TalusErrorCode,
  TalusFeeRequest,
  TalusPersonSearch,
  TalusPlanRequest,
  TalusWorkOrderRequest,
} from '../../../connectors/back-office/talus/api.ts';
import {
  TALUS_DAMAGE_CATEGORY,
  fromTalusAddress,
  fromTalusDate,
  fromTalusRecipient,
  portValue,
  toTalusDate,
  toTalusDeliveryAnswer,
  toTalusOpenItem,
  toTalusPerson,
  toTalusPlanAnswer,
  toTalusResidence,
} from '../../../connectors/back-office/talus/encoding.ts';
import { page, pageSizeParameter, refuse, valid, type SimulatedAnswer } from './simulator-answers.ts';

/** What a route's handler gets once the tenant is known to be served. */
export type RouteInput = {
  readonly bfs: number;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  /** The Idempotency-Key header; VALIDATION_FAILED when absent or invalid. */
  reference(): string;
};

export type TalusRoute = {
  readonly method: 'GET' | 'POST';
  /** Fastify's route pattern; '::' is a literal colon. */
  readonly url: string;
  readonly operation: BackOfficeOperation;
  handle(input: RouteInput, state: BackOfficeState): SimulatedAnswer;
};

export const idempotencyKey = TypeCompiler.Compile(IdempotencyKey);
const personSearch = TypeCompiler.Compile(TalusPersonSearch);
const contactDetailsChange = TypeCompiler.Compile(TalusContactDetailsChange);
const feeRequest = TypeCompiler.Compile(TalusFeeRequest);
const planRequest = TypeCompiler.Compile(TalusPlanRequest);
const workOrderRequest = TypeCompiler.Compile(TalusWorkOrderRequest);
const deliveryRequest = TypeCompiler.Compile(TalusDeliveryRequest);
const debtExtractRequest = TypeCompiler.Compile(TalusDebtExtractRequest);
const birthExtractRequest = TypeCompiler.Compile(TalusBirthExtractRequest);

const TENANT = '/api/v2/tenants/:bfs';
const personNotFound = () => refuse(TalusErrorCode.personNotFound, 'no person with this id');

export const TALUS_ROUTES: readonly TalusRoute[] = [
  {
    method: 'POST',
    url: `${TENANT}/persons::search`,
    operation: 'findResident',
    handle(input, state) {
      const { page_size: pageSize, page_token: pageToken, ...query } = valid(personSearch, input.body, 'request body');
      const found = state.searchResidents(
        input.bfs,
        'ahv_number' in query
          ? { kind: 'vn', digits: query.ahv_number }
          : { kind: 'name', firstName: query.given_name, lastName: query.family_name, dateOfBirth: fromTalusDate(query.birth_date) },
      );
      const persons = found
        .map((r): ResidentMatch => ({ residentId: r.id, firstName: r.firstName, lastName: r.lastName, dateOfBirth: r.dateOfBirth }))
        .sort((a, b) => a.residentId.localeCompare(b.residentId))
        .map(toTalusPerson);
      return { status: 200, body: page(persons, { pageSize, pageToken, query: `${input.bfs} ${JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)))}` }) };
    },
  },
  {
    method: 'GET',
    url: `${TENANT}/persons/:id/residence`,
    operation: 'getResidence',
    handle(input, state) {
      const id = input.params.id ?? '';
      const residence = state.residence(input.bfs, id) ?? personNotFound();
      return { status: 200, body: toTalusResidence(id, residence) };
    },
  },
  {
    method: 'GET',
    url: `${TENANT}/persons/:id/contact-details`,
    operation: 'getContactData',
    handle(input, state) {
      const id = input.params.id ?? '';
      const contact = state.contactData(input.bfs, id) ?? personNotFound();
      return { status: 200, body: { person_id: id, phone_number: contact.phone, email: contact.email } };
    },
  },
  {
    method: 'POST',
    url: `${TENANT}/persons/:id/contact-details-changes`,
    operation: 'changeContactData',
    handle(input, state) {
      const change = valid(contactDetailsChange, input.body, 'request body');
      const receipt = state.changeContactData(input.bfs, {
        reference: input.reference(),
        residentId: input.params.id ?? '',
        ...(change.phone_number === undefined ? {} : { phone: change.phone_number }),
        ...(change.email === undefined ? {} : { email: change.email }),
      });
      if (receipt === 'resident-not-found') return personNotFound();
      return {
        status: 201,
        body: {
          contact_details: { phone_number: receipt.contact.phone, email: receipt.contact.email },
          change_date: toTalusDate(receipt.changedOn),
        },
      };
    },
  },
  {
    method: 'POST',
    url: `${TENANT}/debtors/:id/fees`,
    operation: 'bookFee',
    handle(input, state) {
      const fee = valid(feeRequest, input.body, 'request body');
      const receipt = state.bookFee(input.bfs, {
        reference: input.reference(),
        residentId: input.params.id ?? '',
        amountRappen: fee.amount_cents,
        account: fee.revenue_account,
        bookingText: fee.booking_text,
      });
      if (receipt === 'resident-not-found') return personNotFound();
      return { status: 201, body: { booking_id: receipt.bookingId, booking_date: toTalusDate(receipt.bookedOn) } };
    },
  },
  {
    method: 'GET',
    url: `${TENANT}/debtors/:id/open-items`,
    operation: 'listOpenItems',
    handle(input, state) {
      const id = input.params.id ?? '';
      const pageSize = pageSizeParameter(input.query.page_size);
      const pageToken = typeof input.query.page_token === 'string' ? input.query.page_token : undefined;
      const items = state.openItems(input.bfs, id);
      if (items === 'resident-not-found') return personNotFound();
      return { status: 200, body: page(items.map(toTalusOpenItem), { pageSize, pageToken, query: `${input.bfs} ${id}` }) };
    },
  },
  {
    method: 'POST',
    url: `${TENANT}/debtors/:id/instalment-plans`,
    operation: 'requestInstalmentPlan',
    handle(input, state) {
      const plan = valid(planRequest, input.body, 'request body');
      const reference = input.reference();
      const residentId = input.params.id ?? '';
      if (state.resident(input.bfs, residentId) === undefined) return personNotFound();
      const result = state.requestInstalmentPlan(input.bfs, {
        reference,
        residentId,
        itemIds: plan.item_ids,
        instalments: plan.instalment_count,
        firstDueDate: fromTalusDate(plan.first_due_date),
      });
      return { status: result.outcome === 'agreed' ? 201 : 200, body: toTalusPlanAnswer(result) };
    },
  },
  {
    method: 'POST',
    url: `${TENANT}/work-orders`,
    operation: 'forwardDamageReport',
    handle(input, state) {
      const order = valid(workOrderRequest, input.body, 'request body');
      const receipt = state.forwardDamageReport(input.bfs, {
        reference: input.reference(),
        category: portValue(TALUS_DAMAGE_CATEGORY, order.category),
        description: order.description,
        location: order.location,
        reportedAt: order.reported_at,
      });
      return { status: 201, body: { ticket_id: receipt.ticketId } };
    },
  },
  {
    method: 'POST',
    url: `${TENANT}/stock-deliveries`,
    operation: 'deliverStock',
    handle(input, state) {
      const delivery = valid(deliveryRequest, input.body, 'request body');
      const result = state.deliverStock(input.bfs, {
        reference: input.reference(),
        articleCode: delivery.article_code,
        quantity: delivery.quantity,
        deliveryAddress: fromTalusRecipient(delivery.recipient),
      });
      return { status: result.outcome === 'dispatched' ? 201 : 200, body: toTalusDeliveryAnswer(result) };
    },
  },
  {
    method: 'POST',
    url: `${TENANT}/debt-register-extracts`,
    operation: 'requestDebtRegisterExtract',
    handle(input, state) {
      const { person } = valid(debtExtractRequest, input.body, 'request body');
      const extract = state.requestDebtRegisterExtract(input.bfs, {
        reference: input.reference(),
        person: {
          firstName: person.given_name,
          lastName: person.family_name,
          dateOfBirth: fromTalusDate(person.birth_date),
          address: fromTalusAddress(person.address),
        },
      });
      if (extract === null) return refuse(TalusErrorCode.personNotFound, 'person not identified');
      return {
        status: 201,
        body: { extract_id: extract.extractId, issue_date: toTalusDate(extract.issuedOn), proceedings_count: extract.proceedings },
      };
    },
  },
  {
    method: 'POST',
    url: `${TENANT}/birth-register-extracts`,
    operation: 'orderBirthRegisterExtract',
    handle(input, state) {
      const order = valid(birthExtractRequest, input.body, 'request body');
      const receipt = state.orderBirthRegisterExtract(input.bfs, {
        reference: input.reference(),
        person: {
          firstName: order.person.given_name,
          lastName: order.person.family_name,
          dateOfBirth: fromTalusDate(order.person.birth_date),
          placeOfBirth: order.person.place_of_birth,
        },
        deliveryAddress: fromTalusRecipient(order.delivery_address),
      });
      return { status: 201, body: { order_id: receipt.orderId, expected_delivery_date: toTalusDate(receipt.expectedOn) } };
    },
  },
];
