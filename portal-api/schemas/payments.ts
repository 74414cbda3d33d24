import { Type } from '@sinclair/typebox';

export const PaymentReturnQuery = Type.Object({
  case: Type.String({ format: 'uuid' }),
  result: Type.Union([Type.Literal('success'), Type.Literal('failed'), Type.Literal('cancelled')]),
});

export const PayrexxWebhookParams = Type.Object({ municipalityId: Type.String({ pattern: '^[a-z0-9-]{1,100}$' }) });
export const PayrexxWebhookReceived = Type.Object({ received: Type.Boolean() });
