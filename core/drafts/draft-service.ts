import { randomUUID } from 'node:crypto';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { StartApplication, StartApplicationResult } from '../cases/start-application.ts';
import type { DraftContent, DraftRow, DraftsRepository } from '../db/drafts-repository.ts';
import { type Application, ApplicationSchema } from '../cases/application-schema.ts';
import { DRAFT_DATA_MAX_BYTES, DRAFTS_PER_ACCOUNT } from './draft-limits.ts';
import { draftErrors } from '../errors/draft-errors.ts';
import { ProblemError, invalidField, withPointersMoved } from '../errors/problem-error.ts';

/** A draft as the API shows it to its owner. */
export interface DraftView {
  id: string;
  serviceId: string;
  municipalityId: string;
  organisationId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface DraftInput {
  serviceId: string;
  municipalityId: string;
  organisationId?: string | null;
  data?: Record<string, unknown>;
}

export type DraftService = ReturnType<typeof createDraftService>;

const view = (draft: DraftRow): DraftView => ({
  id: draft.id, serviceId: draft.serviceId, municipalityId: draft.municipalityId, organisationId: draft.organisationId,
  data: draft.data, createdAt: draft.createdAt.toISOString(), updatedAt: draft.updatedAt.toISOString(),
});


// The submission is checked against the same schema as POST /applications, with its formats.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const checkApplication = ajv.compile<Application>(ApplicationSchema);

const pointerOf = (issue: ErrorObject) => {
  const params = issue.params as { missingProperty?: string; additionalProperty?: string };
  const extra = params.missingProperty ?? params.additionalProperty;
  return `/draft${issue.instancePath}${extra ? `/${extra}` : ''}`;
};

/** A refusal of the application's use case names the draft's fields, not a request body's. */
function asDraftProblem(error: unknown): unknown {
  if (!(error instanceof ProblemError) || !error.problem.errors) return error;
  return withPointersMoved(error, '/body/', '/draft/');
}

/** ACC-9: drafts of applications, seen only by their owner, sent later as an application. */
export function createDraftService(deps: { drafts: DraftsRepository; startApplication: StartApplication; now: () => Date }) {
  const { drafts, now } = deps;

  function contentOf(input: DraftInput): DraftContent {
    const data = input.data ?? {};
    if (Buffer.byteLength(JSON.stringify(data), 'utf8') > DRAFT_DATA_MAX_BYTES) {
      throw invalidField('/body/data', `is larger than ${DRAFT_DATA_MAX_BYTES} bytes as JSON`);
    }
    // The draft's own fields win over copies inside `data`.
    const { serviceId: _s, municipalityId: _m, organisationId: _o, ...rest } = data;
    return { serviceId: input.serviceId, municipalityId: input.municipalityId, organisationId: input.organisationId ?? null, data: rest };
  }

  async function owned(accountId: string, id: string): Promise<DraftRow> {
    const draft = await drafts.find(accountId, id);
    if (!draft) throw draftErrors.notFound();
    return draft;
  }

  return {
    async create(accountId: string, input: DraftInput): Promise<DraftView> {
      const content = contentOf(input);
      if (await drafts.count(accountId) >= DRAFTS_PER_ACCOUNT) throw draftErrors.tooMany();
      const at = now();
      const draft: DraftRow = { id: randomUUID(), accountId, ...content, createdAt: at, updatedAt: at };
      await drafts.insert(draft);
      return view(draft);
    },

    async list(accountId: string): Promise<DraftView[]> {
      return (await drafts.list(accountId, DRAFTS_PER_ACCOUNT)).map(view);
    },

    async get(accountId: string, id: string): Promise<DraftView> {
      return view(await owned(accountId, id));
    },

    /** Replaces the draft's content; its age for the retention (INT-3) starts again. */
    async replace(accountId: string, id: string, input: DraftInput): Promise<DraftView> {
      if (!await drafts.update(accountId, id, contentOf(input), now())) throw draftErrors.notFound();
      return view(await owned(accountId, id));
    },

    async remove(accountId: string, id: string): Promise<void> {
      if (!await drafts.remove(accountId, id)) throw draftErrors.notFound();
    },

    /**
     * Checks the draft as a complete application and starts it exactly as POST /applications
     * does, then removes the draft. The draft's id is the idempotency key: a retried submission
     * whose draft survived an earlier attempt gives the same case.
     */
    async submit(accountId: string, id: string): Promise<StartApplicationResult> {
      const draft = await owned(accountId, id);
      const application = { ...draft.data, serviceId: draft.serviceId, municipalityId: draft.municipalityId, ...(draft.organisationId ? { organisationId: draft.organisationId } : {}) };
      if (!checkApplication(application)) {
        throw draftErrors.incomplete((checkApplication.errors ?? []).map((issue) => ({ pointer: pointerOf(issue), detail: issue.message ?? 'is invalid' })));
      }
      let result: StartApplicationResult;
      try {
        result = await deps.startApplication(accountId, application, `draft:${draft.id}`);
      } catch (error) {
        throw asDraftProblem(error);
      }
      await drafts.remove(accountId, id);
      return result;
    },
  };
}
