// Every refusal the platform answers is defined in the catalogue (core/errors/), with its stable
// code, status and German title in one place: no program constructs one inline.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessErrors } from '../../../../core/errors/access-errors.ts';
import { caseErrors } from '../../../../core/errors/case-errors.ts';
import { PROBLEM_BASE } from '../../../../core/errors/problem-error.ts';

const repositoryRoot = resolve(import.meta.dirname, '../../../..');
const PRODUCTION_FOLDERS = ['core', 'portal-api', 'workers', 'connectors'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(repositoryRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('node_modules'))
    .map((file) => join(repositoryRoot, folder, file));
}

describe('the catalogue of refusals', () => {
  it('when production code refuses a request, then the refusal comes from core/errors/, never constructed inline', () => {
    const inline = PRODUCTION_FOLDERS.flatMap(sourceFiles)
      .map((file) => relative(repositoryRoot, file))
      .filter((file) => !file.startsWith('core/errors/'))
      .filter((file) => /new ProblemError\(/.test(readFileSync(join(repositoryRoot, file), 'utf8')));
    expect(inline).toEqual([]);
  });

  it('when a catalogue entry is thrown, then it carries its stable code, status and German title', () => {
    expect(caseErrors.municipalityNotFound('/params/id').problem).toEqual({
      type: `${PROBLEM_BASE}municipality-not-found`, title: 'Gemeinde nicht gefunden', status: 404,
      errors: [{ pointer: '/params/id', detail: 'is not a known municipality' }],
    });
    expect(accessErrors.roleRequired('finance', 'Nur die Finanzabteilung.').problem).toMatchObject({ type: `${PROBLEM_BASE}finance-role-required`, status: 403 });
  });
});
