/** The back-office port over OBT's SOAP Gemeinde-Service v3 (see `./protocol.ts`). */
import { parseAhvNumber } from '../ahv-number.ts';
import { withTrailingSlash } from '../http/exchange.ts';
import { isQueryByAhv, type BackOfficeAdapterOptions, type BackOfficeCallContext, type BackOfficePort } from '../port.ts';
import { answerCodecs, type ObtAnswers } from './answers.ts';
import { callObt, type ObtSettings } from './call.ts';
import { usernameTokenOf } from './envelope.ts';
import { OBT, OBT_ENDPOINT_PATH, type PortOperation } from './protocol.ts';
import { requestCodecs, type ObtRequests } from './requests.ts';

/** Creates the OBT adapter; it holds no state besides its settings. */
export function createObtAdapter(options: BackOfficeAdapterOptions): BackOfficePort {
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new RangeError('createObtAdapter: timeoutMs must be a positive number');
  }
  const token = usernameTokenOf(options.credential);
  if (token === undefined) throw new RangeError("createObtAdapter: the credential must be 'user:password'");
  const settings: ObtSettings = {
    endpoint: new URL(OBT_ENDPOINT_PATH, withTrailingSlash(options.baseUrl)),
    token,
    timeoutMs: options.timeoutMs,
  };
  const { logger } = options;

  /** Sends `request` as the operation's payload and reads the answer with the operation's codec. */
  function ask<K extends PortOperation, T = ObtAnswers[K]>(
    operation: K,
    request: ObtRequests[K],
    context: BackOfficeCallContext,
    whenPersonUnknown?: () => T,
  ): Promise<ObtAnswers[K] | T> {
    return callObt<ObtAnswers[K] | T>(settings, {
      operation,
      payload: requestCodecs[operation].write(request),
      read: (answer) => answerCodecs[operation].read(answer),
      ...(whenPersonUnknown === undefined ? {} : { whenPersonUnknown }),
      context,
    });
  }
  const none = () => null;

  return {
    vendor: 'obt',

    async findResident(query, context) {
      const operation = 'findResident';
      let search: ObtRequests['findResident'];
      if (isQueryByAhv(query)) {
        const ahv = parseAhvNumber(query.ahvNumber);
        if (ahv === null) {
          // Nobody has an invalid number: a business answer, and no reason to ask OBT.
          logger.info({ correlationId: context.correlationId, vendor: OBT, operation }, 'invalid AHV number, not searched');
          return null;
        }
        search = { kind: 'vn', digits: ahv.digits };
      } else {
        search = { kind: 'name', firstName: query.firstName, lastName: query.lastName, dateOfBirth: query.dateOfBirth };
      }
      const persons = await ask(operation, search, context);
      const [person] = persons;
      if (persons.length > 1) {
        logger.info(
          { correlationId: context.correlationId, vendor: OBT, operation, matchCount: persons.length },
          'several residents match, none returned',
        );
        return null;
      }
      return person ?? null;
    },

    getResidence: (residentId, context) => ask('getResidence', { residentId }, context, none),
    getContactData: (residentId, context) => ask('getContactData', { residentId }, context, none),
    changeContactData: (change, context) => ask('changeContactData', change, context, none),
    bookFee: (booking, context) => ask('bookFee', booking, context, none),
    listOpenItems: (residentId, context) => ask('listOpenItems', { residentId }, context, none),
    requestInstalmentPlan: (request, context) => ask('requestInstalmentPlan', request, context),
    forwardDamageReport: (report, context) => ask('forwardDamageReport', report, context),
    deliverStock: (order, context) => ask('deliverStock', order, context),
    requestDebtRegisterExtract: (request, context) => ask('requestDebtRegisterExtract', request, context, none),
    orderBirthRegisterExtract: (order, context) => ask('orderBirthRegisterExtract', order, context),
  };
}
