import type { Residence } from '../../connectors/back-office/port.ts';

export type ResidenceAssessment = 'entitled' | 'review' | 'not-resident';

/**
 * Who gets a main-residence certificate without a clerk: a person whose main residence is in
 * the municipality now. A blocked record (Datensperre) goes to the residents' office, which
 * checks that the applicant is the person before anything is disclosed.
 */
export function assessResidence(residence: Residence | null, municipalityBfs: number): ResidenceAssessment {
  if (!residence || residence.movedOutOn !== null) return 'not-resident';
  if (residence.municipality.bfsNumber !== municipalityBfs) return 'not-resident';
  if (residence.residenceType !== 'main') return 'not-resident';
  return residence.blocked ? 'review' : 'entitled';
}
