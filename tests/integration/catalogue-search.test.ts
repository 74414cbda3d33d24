// GET /services (SVC-2, SVC-1, SVC-4): anyone searches the catalogue in their own words and
// language and sees, for the chosen municipality, whether and how it offers each service found,
// exactly as GET /municipalities/{id}/services says. Over HTTP on the real platform.
import { describe, expect, it } from 'vitest';
import { callApi } from './support/http.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const search = (parameters: Record<string, string>) => callApi<Body>('GET', `/services?${new URLSearchParams(parameters).toString()}`);

/** What GET /municipalities/{id}/services says about a service: fee, handling time, payment. */
async function catalogueEntry(municipality: string, serviceId: string) {
  const { body } = await callApi<Body>('GET', `/municipalities/${municipality}/services`);
  const entry = (body.services as Body[]).find((service) => service.id === serviceId);
  if (!entry) throw new Error(`${municipality} does not list ${serviceId}`);
  return { feeRappen: entry.feeRappen, expectedProcessingDays: entry.expectedProcessingDays, paymentMethods: entry.paymentMethods };
}

describe('GET /services: the catalogue search', () => {
  it.each([
    ['de', 'Wohnsitzbestätigung', 'Hauptwohnsitzbescheinigung'],
    ['fr', 'attestation domicile', 'Attestation de domicile principal'],
    ['it', 'certificato di residenza', 'Attestazione di domicilio principale'],
    ['en', 'proof of residence', 'Certificate of main residence'],
  ])('when a citizen searches in %s for "%s" in Aarau, then the residence certificate comes first, in that language, with Aarau\'s fee, time and payment', async (language, q, name) => {
    const response = await search({ q, municipality: 'aarau', language });
    expect(response.status).toBe(200);
    expect(response.body.municipality).toEqual({ id: 'aarau', name: 'Aarau', participates: true });
    const [first] = response.body.services as Body[];
    expect(first).toMatchObject({ id: 'residence-certificate', name });
    expect(first?.description).toEqual(expect.any(String));
    expect(first?.offered).toEqual(await catalogueEntry('aarau', 'residence-certificate'));
    expect(first?.offered).toEqual({ feeRappen: 2000, expectedProcessingDays: 2, paymentMethods: ['online', 'invoice'] });
  });

  it('when a citizen of Wohlen, which does not take part in the portal, searches, then the certificate is found and said not to be offered there', async () => {
    const response = await search({ q: 'Wohnsitzbescheinigung', municipality: 'wohlen' });
    expect(response.status).toBe(200);
    expect(response.body.municipality).toEqual({ id: 'wohlen', name: 'Wohlen', participates: false });
    expect(response.body.services[0]).toMatchObject({ id: 'residence-certificate', name: 'Hauptwohnsitzbescheinigung', offered: false });
  });

  it('when nobody names a municipality or a language, then the hits are in German and say nothing about an offer', async () => {
    const response = await search({ q: 'Telefonnummer ändern' });
    expect(response.status).toBe(200);
    expect(response.body.municipality).toBeUndefined();
    expect(response.body.services[0]).toEqual({
      id: 'contact-data-change',
      name: 'Kontaktdaten bei der Gemeinde ändern',
      description: expect.stringContaining('Telefonnummer'),
    });
  });

  it('when the words have a typo and spaces around them, then the service is still found', async () => {
    const response = await search({ q: `   Wohnsitzbestätgung${' '.repeat(60)}`, language: 'de' });
    expect(response.status).toBe(200);
    expect(response.body.services[0]?.id).toBe('residence-certificate');
  });

  it('when the words match no service, then the answer is an empty list', async () => {
    const response = await search({ q: 'Quantenchromodynamik', municipality: 'baden' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ municipality: { id: 'baden', name: 'Baden', participates: true }, services: [] });
  });

  it.each([
    ['no words', {}, '/querystring/q'],
    ['only spaces', { q: '    ' }, '/querystring/q'],
    ['101 characters', { q: 'W'.repeat(101) }, '/querystring/q'],
    ['far more characters than the parameter takes', { q: 'W'.repeat(5_000) }, '/querystring/q'],
    ['a language the portal does not speak', { q: 'Wohnsitz', language: 'rm' }, '/querystring/language'],
    ['a municipality nobody knows', { q: 'Wohnsitz', municipality: 'atlantis' }, '/querystring/municipality'],
  ])('when the search has %s, then it is refused with problem JSON naming the parameter', async (_what, parameters, pointer) => {
    const response = await search(parameters);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });
});
