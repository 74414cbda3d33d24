// The floor plan's import rules refuse what they promise to: each fixture below breaks one rule, and
// dependency-cruiser, run as `npm run lint` runs it, must name that rule for that file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repositoryRoot = resolve(import.meta.dirname, '../..');

/** Files of a small tree shaped like the repository; `// ok` marks imports the rules allow. */
const FIXTURE: Record<string, string> = {
  'core/errors.ts': 'export const refusal = 1;\n',
  'core/accounts/account-service.ts': "import { accounts } from '../db/accounts-repository.ts';\nexport const service = accounts;\n",
  'core/accounts/account-types.ts': 'export type Account = { id: string };\n',
  'core/db/accounts-repository.ts': "import type { Account } from '../accounts/account-types.ts'; // ok\nexport const accounts: Account[] = [];\n",
  'core/db/calls-a-use-case.ts': "import { service } from '../accounts/account-service.ts';\nexport const x = service;\n",
  'core/uses-the-api.ts': "import { app } from '../portal-api/app.ts';\nexport const y = app;\n",
  'core/uses-an-adapter.ts': "import { client } from '../connectors/payment/payrexx/client.ts';\nexport const z = client;\n",
  'core/uses-a-port.ts': "import type { Port } from '../connectors/payment/port.ts'; // ok\nexport type P = Port;\n",
  'core/uses-test-support.ts': "import { helper } from '../tests/support/helper.ts';\nexport const h = helper;\n",
  'core/cycle-a.ts': "import { b } from './cycle-b.ts';\nexport const a = () => b;\n",
  'core/cycle-b.ts': "import { a } from './cycle-a.ts';\nexport const b = () => a;\n",
  'portal-api/app.ts': "import { refusal } from '../core/errors.ts'; // ok\nexport const app = refusal;\n",
  'portal-api/uses-a-worker.ts': "import { worker } from '../workers/find-resident/worker.ts';\nexport const w = worker;\n",
  'portal-api/uses-a-stand-in.ts': "import { standIn } from '../simulators/payrexx/simulator.ts';\nexport const s = standIn;\n",
  'workers/find-resident/worker.ts': "import { accounts } from '../../core/db/accounts-repository.ts'; // ok\nexport const worker = accounts;\n",
  'workers/uses-the-api.ts': "import { app } from '../portal-api/app.ts';\nexport const u = app;\n",
  'workers/uses-a-script.ts': "import { tool } from '../scripts/tool.ts';\nexport const t = tool;\n",
  'connectors/payment/port.ts': 'export type Port = { pay(): void };\n',
  'connectors/payment/payrexx/client.ts': "import type { Port } from '../port.ts'; // ok\nexport const client: Port | undefined = undefined;\n",
  'connectors/uses-core.ts': "import { refusal } from '../core/errors.ts';\nexport const c = refusal;\n",
  'simulators/payrexx/simulator.ts': "import type { Port } from '../../connectors/payment/port.ts'; // ok\nexport const standIn: Port | undefined = undefined;\n",
  'simulators/uses-core.ts': "import { refusal } from '../core/errors.ts';\nexport const s2 = refusal;\n",
  'scripts/tool.ts': "import { app } from '../portal-api/app.ts'; // ok\nimport { standIn } from '../simulators/payrexx/simulator.ts'; // ok\nexport const tool = [app, standIn];\n",
  'tests/support/helper.ts': 'export const helper = 1;\n',
  'core/engine/engine-client.ts': "import { Camunda8 } from '@camunda8/sdk'; // ok\nexport const engine = Camunda8;\n",
  'workers/talks-to-the-engine.ts': "import { Camunda8 } from '@camunda8/sdk';\nexport const sdk = Camunda8;\n",
  'node_modules/@camunda8/sdk/package.json': '{ "name": "@camunda8/sdk", "main": "index.js" }\n',
  'node_modules/@camunda8/sdk/index.js': 'exports.Camunda8 = class {};\n',
  'package.json': '{ "dependencies": { "@camunda8/sdk": "1.0.0" }, "devDependencies": { "left-pad": "1.0.0" } }\n',
  'node_modules/left-pad/package.json': '{ "name": "left-pad", "main": "index.js" }\n',
  'node_modules/left-pad/index.js': 'module.exports = (text) => text;\n',
  'connectors/uses-a-dev-dependency.ts': "import leftPad from 'left-pad';\nexport const pad = leftPad;\n",
  'tests/support/uses-a-dev-dependency.ts': "import leftPad from 'left-pad'; // ok\nexport const pad2 = leftPad;\n",
  'workers/testing/fake-port.ts': 'export const fakePort = {};\n',
  'workers/find-resident/worker.test.ts': "import { fakePort } from '../testing/fake-port.ts'; // ok\nexport const t2 = fakePort;\n",
  'workers/uses-a-fake.ts': "import { fakePort } from './testing/fake-port.ts';\nexport const f = fakePort;\n",
  'tasklist/public/uses-the-modeller.js': "import { view } from '../../modeler-ui/src/view.js';\nexport const v = view;\n",
  'modeler-ui/src/view.js': "import { dom } from '../../tasklist/public/dom.js';\nexport const view = dom;\n",
  'tasklist/public/dom.js': 'export const dom = 1;\n',
  'citizen-portal/uses-the-tasklist.js': "import { dom } from '../tasklist/public/dom.js';\nexport const d = dom;\n",
  'browser-shared/uses-the-tasklist.js': "import { dom } from '../tasklist/public/dom.js';\nexport const b = dom;\n",
  'tasklist/public/uses-the-library.js': "import { h } from '../../browser-shared/dom.js'; // ok\nexport const l = h;\n",
  'browser-shared/dom.js': 'export const h = 1;\n',
};

/** Which rule each breaking file must be refused by. */
const EXPECTED: [rule: string, from: string][] = [
  ['repository-not-use-case', 'core/db/calls-a-use-case.ts'],
  ['core-not-programs', 'core/uses-the-api.ts'],
  ['core-only-ports', 'core/uses-an-adapter.ts'],
  ['production-not-tests', 'core/uses-test-support.ts'],
  ['no-circular', 'core/cycle-a.ts'],
  ['portal-api-not-workers', 'portal-api/uses-a-worker.ts'],
  ['production-not-simulators', 'portal-api/uses-a-stand-in.ts'],
  ['workers-not-portal-api', 'workers/uses-the-api.ts'],
  ['production-not-scripts', 'workers/uses-a-script.ts'],
  ['connectors-nothing-of-ours', 'connectors/uses-core.ts'],
  ['simulators-only-protocols', 'simulators/uses-core.ts'],
  ['tasklist-not-other-apps', 'tasklist/public/uses-the-modeller.js'],
  ['modeler-ui-not-other-apps', 'modeler-ui/src/view.js'],
  ['citizen-portal-not-other-apps', 'citizen-portal/uses-the-tasklist.js'],
  ['browser-shared-not-apps', 'browser-shared/uses-the-tasklist.js'],
  ['engine-only-through-core-engine', 'workers/talks-to-the-engine.ts'],
  ['production-not-test-fakes', 'workers/uses-a-fake.ts'],
  ['production-not-dev-dependencies', 'connectors/uses-a-dev-dependency.ts'],
];

let fixtureRoot: string;
/** What the check printed, as rule and refused file ("error no-circular: core/cycle-a.ts → ..."). */
let violations: { rule: string; from: string }[];
let exitCode: number | null;

beforeAll(() => {
  fixtureRoot = mkdtempSync(join(tmpdir(), 'floor-plan-'));
  for (const [file, text] of Object.entries(FIXTURE)) {
    mkdirSync(dirname(join(fixtureRoot, file)), { recursive: true });
    writeFileSync(join(fixtureRoot, file), text);
  }
  const cruise = spawnSync(join(repositoryRoot, 'node_modules/.bin/depcruise'),
    ['.', '--config', join(repositoryRoot, '.dependency-cruiser.cjs')],
    { cwd: fixtureRoot, encoding: 'utf8' });
  exitCode = cruise.status;
  violations = [...cruise.stdout.matchAll(/error ([\w-]+): (\S+) →/g)].map(([, rule = '', from = '']) => ({ rule, from }));
});

afterAll(() => rmSync(fixtureRoot, { recursive: true, force: true }));

describe('the floor plan\'s import rules', () => {
  it('when a file breaks a rule, then the check fails, as npm run lint does', () => {
    expect(exitCode).not.toBe(0);
  });

  it.each(EXPECTED)('when a file breaks %s, then the check names that rule for %s', (rule, from) => {
    expect(violations.filter((v) => v.from === from).map((v) => v.rule)).toContain(rule);
  });

  it('when a file keeps to the rules, then the check names nothing for it', () => {
    const refused = new Set(violations.map((v) => v.from));
    const keeping = Object.keys(FIXTURE).filter((file) => !EXPECTED.some(([, from]) => from === file) && file !== 'core/cycle-b.ts');
    expect(keeping.filter((file) => refused.has(file))).toEqual([]);
  });

  it('when every rule is listed in the configuration, then each one is proved by a fixture here', async () => {
    const { default: config } = await import(join(repositoryRoot, '.dependency-cruiser.cjs')) as { default: { forbidden: { name: string }[] } };
    expect(config.forbidden.map((rule) => rule.name).sort()).toEqual([...new Set(EXPECTED.map(([rule]) => rule))].sort());
  });
});
