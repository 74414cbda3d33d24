/**
 * The hosted payment page a gateway's `link` points to, reduced to what tests and a developer
 * clicking through need: amount, purpose, one form per offered method with buttons for the three
 * outcomes. `POST /pay/{hash}` (fields `method`, `outcome`) pays and redirects (303) to the
 * gateway's success, failed or cancel URL, as Payrexx does after its own page.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parsePhpQuery, phpGet } from '../../connectors/payment/payrexx/php-query.ts';
import type { SimulatedPaymentMethod } from './payloads.ts';
import { SimulatorRefusal, type PaymentOutcome, type SimulatedGateway, type SimulatorState } from './state.ts';

export type PaymentPageContext = {
  readonly state: SimulatorState;
  readonly paymentMethods: readonly SimulatedPaymentMethod[];
  /** Pays and sends the webhooks; throws SimulatorRefusal when the page cannot take it. */
  pay(hash: string, method: string, outcome: PaymentOutcome): { readonly redirectUrl: string | undefined };
};

const OUTCOMES: readonly PaymentOutcome[] = ['success', 'decline', 'cancel'];

export function registerPaymentPage(app: FastifyInstance, context: PaymentPageContext): void {
  app.get('/pay/:hash', async (request, reply) => {
    const gateway = context.state.gatewayByHash((request.params as { hash: string }).hash);
    if (gateway === undefined) return html(reply, 404, notice('Zahlungsseite nicht gefunden', 'Dieser Zahlungslink ist unbekannt.'));
    if (gateway.status === 'cancelled') return html(reply, 410, notice('Zahlung nicht mehr möglich', 'Dieser Zahlungslink wurde zurückgezogen.'));
    if (gateway.status !== 'waiting') return html(reply, 200, notice('Bereits bezahlt', 'Diese Zahlung ist abgeschlossen.'));
    return html(reply, 200, paymentPage(gateway, context.paymentMethods));
  });

  app.post('/pay/:hash', async (request, reply) => {
    const hash = (request.params as { hash: string }).hash;
    const form = parsePhpQuery(typeof request.body === 'string' ? request.body : '');
    const method = phpGet(form, 'method');
    const outcome = phpGet(form, 'outcome');
    if (typeof method !== 'string' || typeof outcome !== 'string' || !(OUTCOMES as readonly string[]).includes(outcome)) {
      return html(reply, 400, notice('Ungültige Eingabe', 'Bitte wählen Sie eine Zahlungsart.'));
    }
    try {
      const { redirectUrl } = context.pay(hash, method, outcome as PaymentOutcome);
      if (redirectUrl !== undefined) return reply.code(303).header('location', redirectUrl).send();
      return html(reply, 200, notice(RESULT_TITLE[outcome as PaymentOutcome], 'Sie können dieses Fenster schliessen.'));
    } catch (error) {
      if (error instanceof SimulatorRefusal) return html(reply, error.httpStatus, notice('Zahlung nicht möglich', error.message));
      throw error;
    }
  });
}

const RESULT_TITLE: Record<PaymentOutcome, string> = {
  success: 'Zahlung erfolgreich',
  decline: 'Zahlung abgelehnt',
  cancel: 'Zahlung abgebrochen',
};

function paymentPage(gateway: SimulatedGateway, methods: readonly SimulatedPaymentMethod[]): string {
  const action = `/pay/${encodeURIComponent(gateway.hash)}`;
  const forms = gateway.paymentMethods.map((id) => {
    const name = escapeHtml(methods.find((method) => method.id === id)?.name ?? id);
    return `<form method="post" action="${action}" class="zahlungsart">
  <h3>${name}</h3>
  <input type="hidden" name="method" value="${escapeHtml(id)}">
  <button type="submit" name="outcome" value="success">Mit ${name} bezahlen</button>
  <button type="submit" name="outcome" value="decline">Zahlung ablehnen lassen</button>
  <button type="submit" name="outcome" value="cancel">Abbrechen</button>
</form>`;
  });
  return document(
    'Zahlung',
    `<p>Betrag: <strong class="betrag">${formatChf(gateway.amount)}</strong></p>
<p>Zweck: <span class="zweck">${escapeHtml(gateway.purpose)}</span></p>
<h2>Zahlungsart wählen</h2>
${forms.join('\n')}
<p><small>Testumgebung (Payrexx-Simulator): Es wird kein Geld bewegt.</small></p>`,
  );
}

function notice(title: string, text: string): string {
  return document(title, `<p>${escapeHtml(text)}</p>`);
}

function document(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>${escapeHtml(title)} – Payrexx-Simulator</title></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>
`;
}

function html(reply: FastifyReply, status: number, page: string) {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

/** 125050 → "CHF 1'250.50", the Swiss way, by integer arithmetic. */
export function formatChf(rappen: number): string {
  const francs = String(Math.trunc(rappen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  return `CHF ${francs}.${String(rappen % 100).padStart(2, '0')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
