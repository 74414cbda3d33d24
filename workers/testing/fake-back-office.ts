// Support for the workers' unit tests: back offices that answer as the test says and record what they were asked.
import { BACK_OFFICE_OPERATIONS, type BackOfficeCallContext, type BackOfficeOperation, type BackOfficePort } from '../../connectors/back-office/port.ts';
import { UnknownBackOfficeError, type BackOfficeRegistry } from '../../connectors/back-office/registry.ts';
import type { GuardedPort } from '../../connectors/back-office/resilience/circuit-breaker.ts';
import type { BackOfficeConnectorDeps } from '../back-office/connector.ts';
import { fakeCatalogue } from './fake-catalogue.ts';
import { fakeCaseRecords } from './fake-case-records.ts';

/** The answers of the port's operations; an operation without one fails the test when called. */
export type PortAnswers = { [Operation in BackOfficeOperation]?: BackOfficePort[Operation] };

/** One call a back office received: at which endpoint, which operation, with what. */
export type PortCall = { url: string; operation: BackOfficeOperation; request: unknown; context: BackOfficeCallContext };

/** A registry whose every endpoint answers with `answers`, for the vendors this installation has. */
export function fakeBackOffices(answers: PortAnswers, vendors: readonly string[] = ['dialog', 'obt', 'vemag']) {
  const calls: PortCall[] = [];
  const backOffices: BackOfficeRegistry = {
    forEndpoint(endpoint) {
      if (!vendors.includes(endpoint.vendor)) throw new UnknownBackOfficeError(`no adapter for back-office vendor "${endpoint.vendor}"`);
      const operations = Object.fromEntries(BACK_OFFICE_OPERATIONS.map((operation) => [operation, async (request: unknown, context: BackOfficeCallContext) => {
        calls.push({ url: endpoint.url, operation, request, context });
        const answer = answers[operation] as ((request: unknown, context: BackOfficeCallContext) => Promise<unknown>) | undefined;
        if (!answer) throw new Error(`${operation} was not expected in this test`);
        return answer(request, context);
      }]));
      return { vendor: endpoint.vendor, ...operations, breakerState: () => 'closed' } as GuardedPort;
    },
  };
  return { backOffices, calls };
}

/** Everything a back-office connector's worker needs, faked: the catalogue of Aarau, the back offices, the case records. */
export function fakeConnectorDeps(answers: PortAnswers, catalogue = fakeCatalogue()) {
  const { backOffices, calls } = fakeBackOffices(answers);
  const records = fakeCaseRecords();
  const deps: BackOfficeConnectorDeps = { catalogue, backOffices, caseRecords: records.caseRecords };
  return { deps, calls, ...records };
}
