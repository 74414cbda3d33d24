import { Type } from '@sinclair/typebox';

export const MunicipalityIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const ServiceIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const ServicesOfMunicipality = Type.Object({
  municipality: Type.Object({ id: Type.String(), name: Type.String(), participates: Type.Boolean() }),
  services: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.Ref('LocalisedText'),
    feeRappen: Type.Integer({ description: 'Fee in Rappen (CHF 1 = 100)' }),
    expectedProcessingDays: Type.Integer(),
    audience: Type.Union([Type.Literal('personal'), Type.Literal('organisation'), Type.Literal('both')], {
      description: 'Who may apply (ORG-5): a person for themselves, on behalf of an organisation they are a member of, or both',
    }),
    description: Type.Union([Type.Ref('LocalisedText'), Type.Null()], { description: 'What the citizen gets, from the service\'s package' }),
    documents: Type.Array(Type.Object({ kind: Type.String(), name: Type.Ref('LocalisedText') }), { description: 'The documents the service issues' }),
    paymentMethods: Type.Array(Type.Union([Type.Literal('online'), Type.Literal('invoice')]), {
      description: 'How the fee may be paid here: online (Payrexx: TWINT, PostFinance, cards) and/or invoice (QR-bill); empty for a free service',
    }),
  })),
});
