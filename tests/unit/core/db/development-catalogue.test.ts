import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACK_OFFICE_VENDORS } from '../../../../connectors/back-office/vendors.ts';
import { readServicePackages } from '../../../../core/catalogue/service-packages.ts';
import { settingProblems } from '../../../../core/catalogue/service-settings.ts';
import { developmentCatalogue, seededPayrexxMunicipalities } from '../../../../core/db/seed/catalogue.ts';

const processes = resolve(import.meta.dirname, '../../../../processes');

describe('the development catalogue (core/db/seed/development-catalogue.yaml)', () => {
  const { municipalities, institutions } = developmentCatalogue();

  it('when a municipality offers a service, then the service is a package in processes/, and a fee has its account and booking text', async () => {
    const services = new Set((await readServicePackages(processes)).map((p) => p.manifest.id));
    for (const m of municipalities) {
      for (const offer of m.offers) {
        expect(services.has(offer.service), `${m.id} offers ${offer.service}`).toBe(true);
        if (offer.feeRappen > 0) expect([offer.paymentAccount, offer.bookingText].every(Boolean), `${m.id} ${offer.service}`).toBe(true);
      }
      if (!m.participates) expect(m.offers, m.id).toEqual([]);
    }
  });

  it('when a municipality sets a service\'s settings, then each is one the package declares, within its bounds', async () => {
    const declarations = new Map((await readServicePackages(processes)).map((p) => [p.manifest.id, p.manifest.settings ?? {}]));
    for (const m of municipalities) {
      for (const offer of m.offers) expect(settingProblems(declarations.get(offer.service) ?? {}, offer.settings ?? {}), `${m.id} ${offer.service}`).toEqual([]);
    }
  });

  it('when a back office is named, then the platform has that vendor; when an office serves a municipality, then the municipality is there', () => {
    const ids = new Set(municipalities.map((m) => m.id));
    for (const vendor of [...municipalities, ...institutions].map((entry) => entry.backOfficeVendor)) expect(Object.keys(BACK_OFFICE_VENDORS)).toContain(vendor);
    for (const institution of institutions) for (const served of institution.serves) expect(ids.has(served), `${institution.id} serves ${served}`).toBe(true);
  });

  it('when a municipality takes part, then its documents carry a letterhead with its address', () => {
    for (const m of municipalities.filter((candidate) => candidate.participates)) {
      expect(m.letterhead, m.id).toMatchObject({ street: expect.any(String), postalCode: expect.stringMatching(/^\d{4}$/), town: expect.any(String) });
    }
  });

  it('when the seed is read, then it is the development installation the README walks through', () => {
    expect(seededPayrexxMunicipalities()).toEqual(['aarau', 'baden', 'brugg', 'lenzburg', 'zofingen']);
    expect(municipalities.find((m) => m.id === 'aarau')?.offers.find((o) => o.service === 'residence-certificate')?.feeRappen).toBe(2000);
  });
});
