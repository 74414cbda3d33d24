import { describe, expect, it } from 'vitest';
import type { Residence } from '../../connectors/back-office/port.ts';
import { assessResidence, type ResidenceAssessment } from './residence-assessment.ts';

const AARAU = 4001;
const BADEN = 4021;

const residenceInAarau: Residence = {
  residenceType: 'main',
  since: '2015-03-01',
  movedOutOn: null,
  municipality: { bfsNumber: AARAU, name: 'Aarau' },
  address: { street: 'Bahnhofstrasse', houseNumber: '12', postalCode: '5000', town: 'Aarau' },
  blocked: false,
  household: [],
};

describe('assessResidence', () => {
  it.each<[situation: string, expected: ResidenceAssessment, residence: Residence | null]>([
    ['the main residence is in the municipality now', 'entitled', residenceInAarau],
    ['the record is blocked (Datensperre)', 'review', { ...residenceInAarau, blocked: true }],
    ['the register knows no residence', 'not-resident', null],
    ['the person moved out', 'not-resident', { ...residenceInAarau, movedOutOn: '2024-06-30' }],
    ['the residence is in another municipality', 'not-resident', { ...residenceInAarau, municipality: { bfsNumber: BADEN, name: 'Baden' } }],
    ['it is a secondary residence', 'not-resident', { ...residenceInAarau, residenceType: 'secondary' }],
    ['a blocked record belongs to a person who moved out', 'not-resident', { ...residenceInAarau, blocked: true, movedOutOn: '2024-06-30' }],
    ['a blocked record is a secondary residence', 'not-resident', { ...residenceInAarau, blocked: true, residenceType: 'secondary' }],
  ])('when %s, then the assessment is %s', (_situation, expected, residence) => {
    expect(assessResidence(residence, AARAU)).toBe(expected);
  });
});
