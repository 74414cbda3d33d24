import { Type } from '@sinclair/typebox';
import { DRAFT_DATA_MAX_BYTES } from '../../core/drafts/draft-limits.ts';

/**
 * A draft holds the application as far as it is filled (ACC-9): service and municipality are
 * needed to open the right form, the rest is loose and checked fully only on submission.
 */
export const DraftBody = Type.Object({
  serviceId: Type.String({ minLength: 1, maxLength: 100, examples: ['residence-certificate'] }),
  municipalityId: Type.String({ minLength: 1, maxLength: 100, examples: ['aarau'] }),
  organisationId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'On behalf of this organisation (ORG-4); checked on submission' })),
  data: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
    maxProperties: 30,
    description: `The rest of the application as far as filled (language, applicant, paymentMethod); at most ${DRAFT_DATA_MAX_BYTES} bytes as JSON`,
  })),
}, { additionalProperties: false });

export const DraftSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  serviceId: Type.String(),
  municipalityId: Type.String(),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
}, { $id: 'Draft' });

export const DraftIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
