import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';
import type { BackOfficeCallContext, BackOfficePort, PlatformReference } from '../../connectors/back-office/port.ts';
import type { CaseRecordsRepository } from '../../core/db/case-records-repository.ts';
import { caseInputs } from '../runtime/case-inputs.ts';
import { defineTemplate, type ConnectorTemplate, type OutputText } from '../runtime/element-template.ts';
import { bpmnError, complete, defineJobWorker, type JobResult, type JobWorkerDefinition } from '../runtime/job-worker.ts';
import { callBackOffice, type BackOfficeCallDeps, type BackOfficeTarget } from './back-office-call.ts';
import { platformReference } from './platform-reference.ts';

/** What every back-office connector's worker is built over. */
export type BackOfficeConnectorDeps = BackOfficeCallDeps & {
  /** Where a connector notes the register's answer for the clerk's review: the tasklist cannot read process variables (8.6). */
  readonly caseRecords: Pick<CaseRecordsRepository, 'noteRegisterExtract' | 'noteRegisterContact'>;
};

type Variables<Fields extends TProperties> = Static<TObject<typeof caseInputs>> & Static<TObject<Fields>>;

/** What a connector's call is given: the port of the back office its row targets, and the only ways to end the job. */
export type ConnectorCall<Fields extends TProperties, Output extends string, Code extends string> = {
  readonly port: BackOfficePort;
  readonly context: BackOfficeCallContext;
  readonly variables: Variables<Fields>;
  /** The idempotency key of a write: the case and the diagram element, the same over every retry. */
  readonly reference: PlatformReference;
  readonly caseRecords: BackOfficeConnectorDeps['caseRecords'];
  /** Completes the job with exactly the outputs the row declares. */
  readonly complete: (outputs: { [Name in Output]: unknown }) => JobResult<unknown>;
  /** Ends the job with one of the BPMN errors the row declares. */
  readonly raise: (code: Code, variables?: Record<string, unknown>) => JobResult<never>;
};

/**
 * One row of the back-office table: a job type, whose back office it calls and how, what it
 * returns, and its element template's texts. The worker and the template are both made from it.
 */
export type BackOfficeConnectorRow<Fields extends TProperties, Output extends string, Code extends string> = {
  readonly jobType: string;
  /** The municipality's own back office, or that of the institution serving it. */
  readonly target: BackOfficeTarget;
  /** The inputs beside caseId and municipalityId, annotated for the template (see runtime/element-template.ts). */
  readonly input: Fields;
  /** The port operation(s) and how their answer ends the job. */
  readonly call: (call: ConnectorCall<Fields, Output, Code>) => Promise<JobResult<unknown>>;
  readonly outputs: { readonly [Name in Output]: OutputText };
  /** The BPMN error codes it raises, each with the message the error carries (never personal data). */
  readonly errors: { readonly [Name in Code]: string };
  readonly template: { readonly version: number; readonly name: string; readonly description: string };
};

/** A back-office connector task: its element template, and its worker once the dependencies are given. */
export type BackOfficeConnector = {
  readonly jobType: string;
  readonly template: ConnectorTemplate;
  worker(deps: BackOfficeConnectorDeps): JobWorkerDefinition;
};

/** The one factory of the back-office connectors: every row's worker calls its back office the same way. */
export function backOfficeConnector<Fields extends TProperties, Output extends string, Code extends string = never>(
  row: BackOfficeConnectorRow<Fields, Output, Code>,
): BackOfficeConnector {
  // Typed by the row's own fields below; TypeBox cannot compute a generic object's required keys.
  const input: TObject = Type.Object({ ...caseInputs, ...row.input } as TProperties);
  const raise = (code: Code, variables?: Record<string, unknown>) => bpmnError(code, row.errors[code], variables);
  return {
    jobType: row.jobType,
    template: defineTemplate({
      jobType: row.jobType, category: 'back-office', ...row.template, input, outputs: row.outputs, errors: Object.keys(row.errors),
    }),
    worker: (deps) => defineJobWorker({
      type: row.jobType,
      input,
      timeoutMs: 60_000,
      async handle({ variables, elementId, signal }) {
        const v = variables as Variables<Fields>;
        return callBackOffice(deps, { municipalityId: v.municipalityId, target: row.target, correlationId: v.caseId, signal }, (port, context) => row.call({
          port, context, variables: v, reference: platformReference(v.caseId, elementId), caseRecords: deps.caseRecords, complete, raise,
        }));
      },
    }),
  };
}
