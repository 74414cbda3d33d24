// The floor plan's import rules (README, "Architecture"): each arrow is "may import". `npm run lint`
// checks them; tests/unit/floor-plan.test.ts proves that each rule refuses a file breaking it.
const PRODUCTION = '^(core|portal-api|workers|connectors)/';
const BROWSER_APPS = ['tasklist', 'modeler-ui', 'citizen-portal'];

/** A browser app may use the shared browser library, never another app's files. */
const browserAppRules = BROWSER_APPS.map((app) => ({
  name: `${app}-not-other-apps`,
  comment: `${app}/ is a browser app: it shares code through browser-shared/, not by reaching into another app's folder`,
  severity: 'error',
  from: { path: `^${app}/` },
  to: { path: `^(${BROWSER_APPS.filter((other) => other !== app).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'workers-not-portal-api',
      comment: 'The worker program and the portal API run as separate processes: what both need lives in core/',
      severity: 'error',
      from: { path: '^workers/' },
      to: { path: '^portal-api/' },
    },
    {
      name: 'portal-api-not-workers',
      comment: 'The portal API and the worker program run as separate processes: what both need lives in core/',
      severity: 'error',
      from: { path: '^portal-api/' },
      to: { path: '^workers/' },
    },
    {
      name: 'core-not-programs',
      comment: 'core/ is what both programs stand on: it imports connectors/ and nothing of the programs or the tooling',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(portal-api|workers|simulators|scripts)/' },
    },
    {
      name: 'core-only-ports',
      comment: 'core/ uses connectors through their ports; a vendor\'s adapter is composed only where both programs are opened (core/platform-parts.ts) or in a program',
      severity: 'error',
      from: { path: '^core/', pathNot: '^core/platform-parts[.]ts$' },
      to: { path: '^connectors/(back-office/(dialog|hurlimann|obt|talus|vemag)|payment/payrexx)/' },
    },
    {
      name: 'connectors-nothing-of-ours',
      comment: 'connectors/ holds ports and adapters to outside systems: it imports nothing of the platform',
      severity: 'error',
      from: { path: '^connectors/' },
      to: { path: '^(core|portal-api|workers|simulators|scripts)/' },
    },
    {
      name: 'simulators-only-protocols',
      comment: 'simulators/ stand in for outside systems: they share the connectors\' protocol types and nothing else of the platform',
      severity: 'error',
      from: { path: '^simulators/' },
      to: { path: '^(core|portal-api|workers|scripts)/' },
    },
    {
      name: 'production-not-scripts',
      comment: 'scripts/ is developer tooling: nothing that runs in production imports it',
      severity: 'error',
      from: { path: PRODUCTION },
      to: { path: '^scripts/' },
    },
    {
      name: 'production-not-simulators',
      comment: 'simulators/ stand in for outside systems in development and tests: production code never imports them',
      severity: 'error',
      from: { path: PRODUCTION },
      to: { path: '^simulators/' },
    },
    {
      name: 'production-not-tests',
      comment: 'Nothing outside tests/ imports a test\'s support code',
      severity: 'error',
      from: { path: '^(core|portal-api|workers|connectors|simulators|scripts)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'repository-not-use-case',
      comment: 'A repository returns core\'s types and never calls a use case: from the rest of core/ it imports types only',
      severity: 'error',
      from: { path: '^core/db/' },
      to: { path: '^core/', pathNot: '^core/(db|errors)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'engine-only-through-core-engine',
      comment: 'Everything the platform asks of the engine goes through core/engine/, so that the engine stays replaceable',
      severity: 'error',
      from: { path: PRODUCTION, pathNot: '^core/engine/' },
      to: { path: 'node_modules/@camunda8/' },
    },
    {
      name: 'production-not-test-fakes',
      comment: 'Fakes for unit tests (a testing/ folder) are for tests: production code never runs on them',
      severity: 'error',
      from: { path: PRODUCTION, pathNot: '([.]test[.]ts$|/testing/)' },
      to: { path: '/testing/', pathNot: 'node_modules/' },
    },
    {
      name: 'production-not-dev-dependencies',
      comment: 'The image installs dependencies only (npm ci --omit=dev): production code that needs a package lists it under dependencies',
      severity: 'error',
      from: { path: PRODUCTION, pathNot: '([.]test[.]ts$|/testing/)' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    ...browserAppRules,
    {
      name: 'browser-shared-not-apps',
      comment: 'browser-shared/ is the library the browser apps stand on: it imports none of them, so each app can use it without the others',
      severity: 'error',
      from: { path: '^browser-shared/' },
      to: { path: `^(${BROWSER_APPS.join('|')})/` },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood, tested or moved one at a time',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports are dependencies too: they tie the folders together as much as values do.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^([.]cache|engine|coverage|tests/[.]artifacts)/' },
  },
};
