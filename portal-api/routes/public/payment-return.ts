import type { FastifyInstance } from 'fastify';
import { PaymentReturnQuery } from '../../schemas/payments.ts';

const TEXTS: Record<string, string> = {
  success: 'Vielen Dank. Ihre Zahlung ist eingegangen; Ihr Antrag wird weiter bearbeitet.',
  failed: 'Die Zahlung ist nicht gelungen. Sie können es über den Link in Ihrem Dossier erneut versuchen.',
  cancelled: 'Sie haben die Zahlung abgebrochen. Sie können sie über den Link in Ihrem Dossier später nachholen.',
};

/**
 * Where Payrexx sends citizens back after its payment page. Only a notice: what counts is the
 * transaction as Payrexx's API reports it, never this redirect.
 */
export default async function paymentReturnRoutes(app: FastifyInstance): Promise<void> {
  app.get('/payments/return', {
    schema: {
      tags: ['payments'],
      summary: 'Landing page after the Payrexx payment page',
      querystring: PaymentReturnQuery,
      produces: ['text/html'],
    },
  }, async (request, reply) => {
    const { result } = request.query as { result: string };
    const text = TEXTS[result] ?? TEXTS.failed;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Zahlung</title></head><body><main><h1>Zahlung</h1><p>${text}</p></main></body></html>`);
  });
}
