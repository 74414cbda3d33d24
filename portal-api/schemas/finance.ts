import { Type } from '@sinclair/typebox';
import { LanguageSchema } from '../../core/language.ts';

export const MunicipalityParams = Type.Object({ municipalityId: Type.String({ pattern: '^[a-z0-9-]{1,100}$' }) });
export const InvoiceParams = Type.Composite([MunicipalityParams, Type.Object({ invoiceId: Type.String({ format: 'uuid' }) })]);
const IsoDate = Type.String({ format: 'date' });

export const PaidServicesQuery = Type.Object({
  from: IsoDate,
  to: Type.Optional(IsoDate),
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('json')])),
  language: Type.Optional(LanguageSchema),
});

export const BankStatementImported = Type.Object({
  imported: Type.Integer(), settled: Type.Integer(), unmatched: Type.Integer(), alreadyImported: Type.Integer(), unsupported: Type.Integer(),
});

export const SettlementOutcome = Type.Object({ outcome: Type.String() });
