import { Type } from '@sinclair/typebox';
import { backOfficeConnector } from '../back-office/connector.ts';
import { assessResidence } from './residence-assessment.ts';

/** Looks the applicant up in the municipality's back office, whatever its vendor, and assesses the residence. */
export const findResident = backOfficeConnector({
  jobType: 'find-resident',
  target: 'municipality',
  input: {
    applicant: Type.Object({ firstName: Type.String(), lastName: Type.String(), dateOfBirth: Type.String() }, {
      title: 'Antragsteller/in', description: 'Kontext mit firstName, lastName und dateOfBirth (JJJJ-MM-TT).',
    }),
  },
  async call({ port, context, caseRecords, variables: { caseId, applicant }, complete, raise }) {
    const match = await port.findResident({ firstName: applicant.firstName, lastName: applicant.lastName, dateOfBirth: applicant.dateOfBirth }, context);
    if (!match) return raise('PERSON_NOT_FOUND');
    const residence = await port.getResidence(match.residentId, context);
    // The clerk's review form shows this; the tasklist cannot read process variables (8.6).
    if (residence) await caseRecords.noteRegisterExtract(caseId, { residenceType: residence.residenceType, since: residence.since, blocked: residence.blocked });
    return complete({
      residenceAssessment: assessResidence(residence, context.municipalityBfs),
      resident: residence && {
        residentId: match.residentId,
        residenceType: residence.residenceType,
        since: residence.since,
        blocked: residence.blocked,
        address: residence.address,
      },
    });
  },
  outputs: {
    residenceAssessment: { label: 'Beurteilung', description: "'entitled', 'review' oder 'not-resident'." },
    resident: { label: 'Einwohner/in', description: 'residentId, Wohnsitzart, seit, Sperre, Adresse; null ohne Wohnsitz.' },
  },
  errors: { PERSON_NOT_FOUND: 'no unambiguous match in the residents register' },
  // Version 2: German names and labels (version 1 was English; previous/ keeps it for older diagrams).
  template: {
    version: 2,
    name: 'Person im Einwohnerregister suchen',
    description: 'Sucht die antragstellende Person im Einwohnerregister der Gemeinde und beurteilt ihren Wohnsitz.',
  },
});
