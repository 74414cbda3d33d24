import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Camt054Error } from '../../../../connectors/payment/camt054.ts';
import { toCsv, toXlsx } from '../../../../connectors/payment/report-formats.ts';
import type { Municipality } from '../../../../core/db/catalogue-repository.ts';
import { caseNumberOf } from '../../../../core/db/tasks-repository.ts';
import { invalidField } from '../../../../core/errors/problem-error.ts';
import { zurichMidnight } from '../../../../connectors/swiss-time.ts';
import type { RouteDeps } from '../../../app-deps.ts';
import { staffSessionSecurity } from '../../../plugins/staff-auth.ts';
import { problemResponses } from '../../../schemas/common.ts';
import { BankStatementImported, InvoiceParams, MunicipalityParams, PaidServicesQuery, SettlementOutcome } from '../../../schemas/finance.ts';
import { caseErrors } from '../../../../core/errors/case-errors.ts';
import { staffErrors } from '../../../../core/errors/staff-errors.ts';

const MAX_REPORT_DAYS = 366;

/** PAY-4 and PAY-2 for the finance department of one municipality: paid services, bank statements, invoices. */
export default async function financeRoutes(app: FastifyInstance, { catalogue, payments, finance }: RouteDeps): Promise<void> {
  // Role and municipality are checked for the whole folder (autohooks.ts); the municipality must exist.
  async function municipalityOf(request: FastifyRequest): Promise<Municipality> {
    const municipality = await catalogue.findMunicipality((request.params as { municipalityId: string }).municipalityId);
    if (!municipality) throw caseErrors.municipalityNotFound();
    return municipality;
  }

  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.get('/finance/municipalities/:municipalityId/paid-services', {
    schema: {
      tags: ['finance'],
      summary: 'Paid services of a period (Swiss days, `to` exclusive), with amount, payment method, account and booking text (CSV, XLSX or JSON)',
      security: staffSessionSecurity,
      params: MunicipalityParams,
      querystring: PaidServicesQuery,
      response: { ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const query = request.query as { from: string; to?: string; format?: 'csv' | 'xlsx' | 'json'; language?: 'de' | 'fr' | 'it' | 'en' };
    // Days in Swiss time; `to` is exclusive and defaults to the day after `from`.
    const from = zurichMidnight(query.from);
    const to = query.to ? zurichMidnight(query.to) : zurichMidnight(nextDay(query.from));
    if (to <= from) throw invalidField('/querystring/to', 'must lie after from');
    if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * 24 * 3600 * 1000) throw invalidField('/querystring/to', `the period may span at most ${MAX_REPORT_DAYS} days`);
    const language = query.language ?? 'de';
    const names = new Map((await catalogue.listOfferings(municipality.id)).map((o) => [o.serviceId, o.names[language] ?? o.names.de]));
    const rows = (await payments.listPaidServices(municipality.id, from, to)).map((row) => ({
      caseId: row.caseId,
      paidAt: row.paidAt.toISOString(),
      serviceName: names.get(row.serviceId) ?? row.serviceId,
      amountRappen: row.amountRappen,
      paymentMethod: row.paidWith,
      account: row.account,
      bookingText: row.bookingText,
      reference: row.reference ?? undefined,
    }));
    const fileName = `bezahlte-dienste-${municipality.id}-${query.from}`;
    reply.header('cache-control', 'private, no-store');
    switch (query.format ?? 'csv') {
      case 'json':
        return { municipalityId: municipality.id, from: from.toISOString(), to: to.toISOString(), rows, totalRappen: rows.reduce((sum, r) => sum + r.amountRappen, 0) };
      case 'xlsx':
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${fileName}.xlsx"`)
          .send(await toXlsx(rows, { language }));
      default:
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName}.csv"`)
          .send(toCsv(rows, { language }));
    }
  });

  app.post('/finance/municipalities/:municipalityId/bank-statements', {
    schema: {
      tags: ['finance'],
      summary: "Import the bank's camt.054 credit notification; open invoices are settled by their reference",
      security: staffSessionSecurity,
      params: MunicipalityParams,
      consumes: ['application/xml', 'text/xml'],
      response: {
        200: BankStatementImported,
        ...problemResponses(400, 401, 403, 404, 415),
      },
    },
  }, async (request) => {
    const { staff } = request;
    const municipality = await municipalityOf(request);
    if (typeof request.body !== 'string' || request.body.trim() === '') throw invalidField('/body', 'must be a camt.054 XML document');
    try {
      const imported = await finance.importBankCredits(municipality, request.body);
      request.log.info({ staffId: staff.id, municipalityId: municipality.id, ...imported }, 'bank statement imported');
      return imported;
    } catch (error) {
      if (error instanceof Camt054Error) throw invalidField('/body', `is not a readable camt.054 notification: ${error.message}`);
      throw error;
    }
  });

  app.get('/finance/municipalities/:municipalityId/unmatched-credits', {
    schema: {
      tags: ['finance'],
      summary: 'Bank credits no invoice could be matched to, for manual handling',
      security: staffSessionSecurity,
      params: MunicipalityParams,
      response: { ...problemResponses(401, 403, 404) },
    },
  }, async (request) => {
    const municipality = await municipalityOf(request);
    const credits = await payments.listUnmatchedCredits(municipality.id);
    return { credits: credits.map((c) => ({ ...c, importedAt: c.importedAt.toISOString() })) };
  });

  app.get('/finance/municipalities/:municipalityId/open-invoices', {
    schema: {
      tags: ['finance'],
      summary: 'Invoices not paid yet, oldest due date first',
      security: staffSessionSecurity,
      params: MunicipalityParams,
      response: { ...problemResponses(401, 403, 404) },
    },
  }, async (request) => {
    const municipality = await municipalityOf(request);
    const invoices = await payments.listOpenInvoices(municipality.id);
    return { invoices: invoices.map((invoice) => ({ ...invoice, caseNumber: caseNumberOf(invoice.caseId) })) };
  });

  app.post('/finance/municipalities/:municipalityId/invoices/:invoiceId/settlement', {
    schema: {
      tags: ['finance'],
      summary: 'Mark an invoice paid (e.g. paid at the counter)',
      security: staffSessionSecurity,
      params: InvoiceParams,
      response: { 200: SettlementOutcome, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const { staff } = request;
    const municipality = await municipalityOf(request);
    const { invoiceId } = request.params as { invoiceId: string };
    const invoice = await payments.findInvoice(invoiceId);
    if (!invoice || invoice.municipalityId !== municipality.id) throw staffErrors.invoiceNotFound();
    const outcome = await finance.settleInvoice(invoiceId, 'clerk', new Date());
    request.log.info({ staffId: staff.id, invoiceId, outcome }, 'invoice marked paid by staff');
    return { outcome };
  });
}

function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
