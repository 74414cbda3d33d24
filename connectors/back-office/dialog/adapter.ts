/** The back-office port over Dialog's resident register API (see `./api.ts`). */
import type { Logger } from 'pino';
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { parseAhvNumber } from '../ahv-number.ts';
import { BackOfficeProtocolError, BackOfficeRejectedError } from '../errors.ts';
import {
  isQueryByAhv,
  type BackOfficeCallContext,
  type BackOfficePort,
  type Residence,
  type ResidentMatch,
  type ResidentQuery,
} from '../port.ts';
import {
  DialogProblem,
  DialogProblemType,
  DialogResidence,
  DialogSearchResponse,
  dialogPaths,
  type DialogSearchRequest,
} from './api.ts';
import { DIALOG_VENDOR, sendDialogRequest, type DialogHttpSettings } from './http.ts';

export type DialogAdapterOptions = {
  /** Root of the Dialog installation, e.g. 'https://dialog.example.ch/' (a path prefix is kept). */
  readonly baseUrl: string | URL;
  readonly apiKey: string;
  /** Upper bound for one HTTP call, body included; the caller's signal may end it sooner. */
  readonly timeoutMs: number;
  readonly logger: Logger;
};

const searchResponse = TypeCompiler.Compile(DialogSearchResponse);
const residenceResponse = TypeCompiler.Compile(DialogResidence);
const problem = TypeCompiler.Compile(DialogProblem);

/** Creates the Dialog adapter; it holds no state besides its settings. */
export function createDialogAdapter(options: DialogAdapterOptions): BackOfficePort {
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new RangeError('createDialogAdapter: timeoutMs must be a positive number');
  }
  const base = new URL(options.baseUrl);
  const settings: DialogHttpSettings = {
    // With a trailing slash, relative paths resolve below a path prefix instead of replacing it.
    baseUrl: base.pathname.endsWith('/') ? base : new URL(`${base.href}/`),
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs,
    logger: options.logger,
  };

  async function findResident(query: ResidentQuery, context: BackOfficeCallContext): Promise<ResidentMatch | null> {
    const operation = 'findResident';
    let body: DialogSearchRequest;
    if (isQueryByAhv(query)) {
      const ahv = parseAhvNumber(query.ahvNumber);
      if (ahv === null) {
        // Nobody has an invalid number: a business answer, and no reason to ask Dialog.
        settings.logger.info(
          { correlationId: context.correlationId, vendor: DIALOG_VENDOR, operation },
          'invalid AHV number, not searched',
        );
        return null;
      }
      body = { vn: ahv.digits };
    } else {
      body = { officialName: query.lastName, firstName: query.firstName, dateOfBirth: query.dateOfBirth };
    }
    const persons = await sendDialogRequest(
      settings,
      { operation, method: 'POST', path: inside(dialogPaths.searchResidents(context.municipalityBfs)), body, context },
      (answer) => expectShape(searchResponse, answer.body, operation, answer.status).persons,
    );
    const [person] = persons;
    if (person === undefined || persons.length > 1) {
      if (persons.length > 1) {
        settings.logger.info(
          { correlationId: context.correlationId, vendor: DIALOG_VENDOR, operation, matchCount: persons.length },
          'several residents match, none returned',
        );
      }
      return null;
    }
    return {
      residentId: person.id,
      firstName: person.firstName,
      lastName: person.officialName,
      dateOfBirth: person.dateOfBirth,
    };
  }

  async function getResidence(residentId: string, context: BackOfficeCallContext): Promise<Residence | null> {
    const operation = 'getResidence';
    return sendDialogRequest(
      settings,
      {
        operation,
        method: 'GET',
        path: inside(dialogPaths.residence(context.municipalityBfs, residentId)),
        answerStatuses: [404],
        context,
      },
      (answer) => {
        if (answer.status === 404) {
          if (problem.Check(answer.body) && answer.body.type === DialogProblemType.residentNotFound) {
            return null;
          }
          // A 404 for the municipality, or from something in front of Dialog, is configuration.
          throw new BackOfficeRejectedError(`Dialog ${operation}: rejected with 404`, {
            vendor: DIALOG_VENDOR,
            operation,
            status: 404,
          });
        }
        return toResidence(expectShape(residenceResponse, answer.body, operation, answer.status));
      },
    );
  }

  return { vendor: DIALOG_VENDOR, findResident, getResidence };
}

function toResidence(residence: DialogResidence): Residence {
  return {
    residenceType: residence.typeOfResidence === 1 ? 'main' : 'secondary',
    since: residence.arrivalDate,
    movedOutOn: residence.departureDate,
    municipality: { bfsNumber: residence.municipality.bfsNumber, name: residence.municipality.name },
    address: {
      street: residence.dwellingAddress.street,
      houseNumber: residence.dwellingAddress.houseNumber,
      postalCode: residence.dwellingAddress.swissZipCode,
      town: residence.dwellingAddress.town,
    },
    // Address lock and disclosure lock both forbid disclosure to third parties.
    blocked: residence.dataLock !== 0,
  };
}

/** Dialog paths start with '/'; drop it so that they resolve below the base URL's path. */
function inside(path: string): string {
  return path.slice(1);
}

function expectShape<T extends TSchema>(
  checker: ReturnType<typeof TypeCompiler.Compile<T>>,
  body: unknown,
  operation: string,
  status: number,
): Static<T> {
  if (checker.Check(body)) {
    return body;
  }
  // The path of the first offending field, never its value: values may be personal data.
  const first = checker.Errors(body).First();
  const where = first === undefined ? '' : ` at '${first.path || '/'}'`;
  throw new BackOfficeProtocolError(`Dialog ${operation}: answer does not have the documented shape${where}`, {
    vendor: DIALOG_VENDOR,
    operation,
    status,
  });
}
