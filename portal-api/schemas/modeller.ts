import { Type } from '@sinclair/typebox';
import { ServiceManifestSchema } from '../../core/catalogue/service-manifest.ts';

const MAX_XML_CHARS = 2_000_000;
/** A diagram with its forms: several megabytes of XML. */
export const MAX_DIAGRAM_BODY_BYTES = 6 * 1024 * 1024;

export const ServiceParams = Type.Object({ serviceId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,99}$' }) });
export const VersionParams = Type.Object({ serviceId: ServiceParams.properties.serviceId, version: Type.String({ pattern: '^(latest|[1-9][0-9]{0,8})$' }) });
const FormsSchema = Type.Record(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$' }), Type.Object({}, { additionalProperties: true }), { maxProperties: 20 });
const BpmnXml = Type.String({ minLength: 1, maxLength: MAX_XML_CHARS });

/**
 * A diagram and its forms as the modeller saves them, with the revision and version it started from;
 * a new service's draft may bring its manifest, checked against the manifest's own schema.
 */
export const ProcessDraftBody = Type.Object({
  bpmnXml: BpmnXml,
  forms: FormsSchema,
  baseRevision: Type.Integer({ minimum: 0 }),
  basedOnVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  manifest: Type.Optional(ServiceManifestSchema),
}, { additionalProperties: false });

/** A new service: its package's manifest, checked against the schema of processes/<id>/service.yaml. */
export const NewServiceBody = Type.Object({ manifest: ServiceManifestSchema }, { additionalProperties: false });

export const DiagramCheckBody = Type.Object({ bpmnXml: BpmnXml, forms: FormsSchema }, { additionalProperties: false });
export const DiscardQuery = Type.Object({ revision: Type.Integer({ minimum: 1 }) });
export const CompareQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });
export const DeploymentBody = Type.Object({ revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
