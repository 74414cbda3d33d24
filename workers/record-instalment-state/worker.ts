import { Type } from '@sinclair/typebox';
import type { InstalmentsRepository } from '../../core/db/instalments-repository.ts';
import { defineTemplate } from '../runtime/element-template.ts';
import { complete, defineJobWorker } from '../runtime/job-worker.ts';

const Input = Type.Object({
  caseId: Type.String({ title: 'Vorgang', description: 'Der Vorgang, dessen Ratenplan es betrifft.' }),
  state: Type.Union([Type.Literal('reminded'), Type.Literal('missed'), Type.Literal('cancelled')], {
    title: 'Stand', description: "'reminded' (erinnert), 'missed' (nach der Nachfrist unbezahlt) oder 'cancelled' (mit dem Plan aufgehoben).",
  }),
  instalmentNumber: Type.Optional(Type.Integer({
    minimum: 1, title: 'Rate', description: 'Die Nummer der Rate, z. B. =instalment.number; leer: alle noch unbezahlten Raten.',
  })),
});

export const recordInstalmentStateTemplate = defineTemplate({
  jobType: 'record-instalment-state',
  version: 1,
  category: 'payment',
  name: 'Stand der Rate vermerken',
  description: 'Vermerkt eine Rate (oder alle unbezahlten) als erinnert, verpasst oder aufgehoben; der Vorgang zeigt den Stand. Eine bezahlte Rate bleibt bezahlt.',
  input: Input,
});

/** Marks an instalment's (or every unpaid instalment's) state as the process moves on; the case view shows it. */
export function createRecordInstalmentStateWorker(deps: { instalments: InstalmentsRepository }) {
  return defineJobWorker({
    type: recordInstalmentStateTemplate.jobType,
    input: Input,
    timeoutMs: 30_000,
    async handle({ variables: v }) {
      // A repeat finds the state already set and changes nothing.
      await deps.instalments.mark(v.caseId, v.state, v.instalmentNumber);
      return complete({});
    },
  });
}
