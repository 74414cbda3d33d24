/**
 * The parts of Payrexx's answers the client reads, as TypeBox schemas. Payrexx sends many more
 * fields (contact, fees, design settings …); those are allowed and ignored. Every answer is
 * `{ status: 'success', data: [...] }` or `{ status: 'error', message }`.
 * Shapes from https://developers.payrexx.com/reference (Create/Retrieve a Gateway, Retrieve a
 * Transaction, Get all active payment methods) and https://developers.payrexx.com/docs/transaction.
 */
import { Type, type Static, type TArray, type TLiteral, type TObject, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';

const Integer = Type.Integer();
const OptionalText = Type.Optional(Type.Union([Type.String(), Type.Null()]));
/** PHP serialises an empty associative array as `[]`, so objects may arrive as empty lists. */
const orEmpty = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Array(Type.Unknown(), { maxItems: 0 }), Type.Null()]);

export const PaymentMethodAnswer = Type.Object({
  /** The identifier the gateway's `pm[]` takes ('twint', 'post-finance-card', …). */
  id: Type.String({ minLength: 1 }),
  /** A display name ('TWINT'); never an identifier. */
  name: Type.Optional(Type.String()),
  label: Type.Optional(Type.Unknown()),
});
export type PaymentMethodAnswer = Static<typeof PaymentMethodAnswer>;

export const GatewayTransactionAnswer = Type.Object({
  id: Integer,
  uuid: Type.Optional(Type.String()),
  status: Type.String(),
  amount: Type.Optional(Integer),
});

export const GatewayInvoiceAnswer = Type.Object({
  paymentRequestId: Type.Optional(Type.Union([Integer, Type.Null()])),
  referenceId: OptionalText,
  transactions: Type.Optional(Type.Array(GatewayTransactionAnswer)),
});

export const GatewayAnswer = Type.Object({
  id: Integer,
  status: Type.String(),
  hash: Type.String({ minLength: 1 }),
  link: Type.String({ minLength: 1 }),
  referenceId: OptionalText,
  amount: Integer,
  currency: Type.Optional(Type.String()),
  invoices: Type.Optional(Type.Array(GatewayInvoiceAnswer)),
});
export type GatewayAnswer = Static<typeof GatewayAnswer>;

export const TransactionAnswer = Type.Object({
  id: Integer,
  uuid: Type.Optional(Type.String()),
  status: Type.String(),
  /** 'YYYY-MM-DD HH:MM:SS' in API answers, ISO 8601 in newer webhooks. */
  time: Type.String(),
  amount: Integer,
  referenceId: OptionalText,
  payment: Type.Optional(orEmpty(Type.Object({ brand: OptionalText }))),
  invoice: Type.Optional(
    orEmpty(
      Type.Object({
        referenceId: OptionalText,
        currency: Type.Optional(Type.String()),
        paymentRequestId: Type.Optional(Type.Union([Integer, Type.Null()])),
        originalAmount: Type.Optional(Integer),
        refundedAmount: Type.Optional(Integer),
      }),
    ),
  ),
});
export type TransactionAnswer = Static<typeof TransactionAnswer>;

/** What a refund answers: the refunded transaction, of which the client reads the status. */
export const RefundAnswer = Type.Object({ id: Type.Optional(Integer), status: Type.String() });

/** What deleting a gateway answers; the client reads nothing from it. */
export const DeletedAnswer = Type.Unknown();

export const ErrorEnvelope = Type.Object({ status: Type.Literal('error'), message: Type.Optional(Type.String()) });
export type ErrorEnvelope = Static<typeof ErrorEnvelope>;

/** A compiled check of `{ status: 'success', data: T[] }`. */
export type EnvelopeCheck<T extends TSchema> = TypeCheck<TObject<{ status: TLiteral<'success'>; data: TArray<T> }>>;

export function compileEnvelope<T extends TSchema>(item: T): EnvelopeCheck<T> {
  return TypeCompiler.Compile(Type.Object({ status: Type.Literal('success'), data: Type.Array(item) }));
}

export const errorEnvelope = TypeCompiler.Compile(ErrorEnvelope);
