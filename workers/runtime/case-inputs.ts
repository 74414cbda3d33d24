import { Type } from '@sinclair/typebox';

/** The inputs nearly every task needs, the case and its municipality, as the element templates show them. */
export const caseInputs = {
  caseId: Type.String({ title: 'Vorgang', description: 'Ordnet den Aufruf in den Protokollen zu und macht Schreibvorgänge idempotent.' }),
  municipalityId: Type.String({ title: 'Gemeinde', description: 'Wessen Back Office (oder zuständige Stelle) angefragt wird; aus dem Katalog.' }),
};
