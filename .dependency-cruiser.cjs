// The dependency direction of ../shared/STYLE.md, checked on every import (relative ones too) by
// `npm run deps` (part of `npm run check`): domain ← use cases ← adapters, bot, http, jobs ← the
// composition root. test/unit/dependency-rules.test.ts shows that each rule fires.
// The SDK homes (which folder may import @azure/*, botbuilder, …) stay in eslint.config.js.

/** Our own code: anything under these folders (npm packages and node: modules are not ours). */
const OURS = '^(src|bot|tabs|sandbox|test|bench|scripts|bin)/';
/** Adapters: the only homes of storage, Graph, the Teams connector and content files on disk. */
const ADAPTERS = '^src/(store|graph|teams|content|xapi)/';
/** The composition root: the only code that builds adapters and hands them to use cases. */
const COMPOSITION_ROOT = '^src/(compose[^/]*\\.ts|main\\.ts|cli/)';
/** A use case's ports: the small interfaces it needs from outside (ports.ts, subscriptionPorts.ts). */
const PORTS = '^src/usecases/[^/]+/[^/]*[pP]orts\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle: move what both sides share to the inward layer.',
      severity: 'error',
      from: { path: '^(src|bot|tabs)/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing of ours outside src/domain.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: OURS, pathNot: '^src/domain/' },
    },
    {
      name: 'usecases-only-domain-and-ports',
      comment:
        'Use cases import the domain and use cases (their own ports and other capabilities’ use cases), ' +
        'never adapters, cards, bot, http or jobs: those are handed to them through ports.',
      severity: 'error',
      from: { path: '^src/usecases/' },
      to: { path: OURS, pathNot: '^src/(domain|usecases)/' },
    },
    {
      name: 'cards-only-domain-and-messages',
      comment: 'Cards are pure functions of the domain and the message catalogues.',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: { path: OURS, pathNot: '^src/(cards|domain|messages|usecases)/' },
    },
    {
      name: 'only-presenters-know-use-cases',
      comment:
        'A presenter (src/cards/<capability>/presenters) turns a use case’s result into cards, so it may ' +
        'import the types of that result; no other card may, and no card runs a use case.',
      severity: 'error',
      from: { path: '^src/cards/', pathNot: '^src/cards/[^/]+/presenters/' },
      to: { path: '^src/usecases/' },
    },
    {
      name: 'presenters-import-use-case-types-only',
      comment: 'A presenter builds cards; it never runs a use case (import type only).',
      severity: 'error',
      from: { path: '^src/cards/[^/]+/presenters/' },
      to: { path: '^src/usecases/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'adapters-only-domain-and-ports',
      comment:
        'Adapters (store, graph, teams, content, xapi) implement ports with the domain’s entities; they import ' +
        'their own folder, the domain, the ports, and (types only) their settings, nothing else of ours.',
      severity: 'error',
      from: { path: '^src/(store|graph|teams|content|xapi)/' },
      to: {
        path: OURS,
        pathNot: ['^src/$1/', '^src/domain/', PORTS, '^src/config/', '^src/log/', '^src/throttle/'],
      },
    },
    {
      name: 'adapters-import-settings-types-only',
      comment: 'Settings are read once at the root; an adapter gets its part handed in.',
      severity: 'error',
      from: { path: ADAPTERS },
      to: { path: '^src/config/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-the-composition-root-wires-adapters',
      comment: 'Only src/compose*.ts, src/main.ts and src/cli build adapters; everyone else gets ports.',
      severity: 'error',
      from: { path: '^(src|bot|tabs)/', pathNot: [COMPOSITION_ROOT, ADAPTERS, '^src/http/'] },
      to: { path: ADAPTERS },
    },
    {
      name: 'http-gets-adapters-handed-in',
      comment: 'The HTTP edge is handed its adapters by the composition root; it never builds one.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: ADAPTERS, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'http-knows-only-the-bot-adapter',
      comment:
        'The bot endpoint hands requests to botbuilder’s adapter (src/teams/botAdapter.ts, its one seam), ' +
        'so it may name that type; no other adapter.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: ADAPTERS, pathNot: '^src/teams/botAdapter\\.ts$' },
    },
    {
      name: 'nobody-imports-the-composition-root',
      comment: 'The composition root is the outermost layer: nothing in the product imports it.',
      severity: 'error',
      from: { path: '^(src|bot|tabs)/', pathNot: COMPOSITION_ROOT },
      to: { path: COMPOSITION_ROOT },
    },
    {
      name: 'tabs-only-api-contracts',
      comment: 'The tab front end knows the server only through the API contract types.',
      severity: 'error',
      from: { path: '^tabs/' },
      to: { path: OURS, pathNot: ['^tabs/', '^src/http/.*contract\\.ts$'] },
    },
    {
      name: 'product-never-imports-dev-code',
      comment: 'sandbox/, test/ and bench/ are for development; the product never imports them.',
      severity: 'error',
      from: { path: '^(src|bot|tabs)/' },
      to: { path: '^(sandbox|test|bench)/' },
    },
    {
      name: 'fakes-only-in-tests',
      comment: 'In-memory fakes of ports (testing/ folders) are for tests; the product uses real adapters.',
      severity: 'error',
      from: { path: '^(src|bot|tabs)/', pathNot: ['\\.test\\.ts$', '/testing/'] },
      to: { path: '/testing/' },
    },
    {
      name: 'messages-only-domain',
      comment: 'Message catalogues are text: they know the domain’s words, nothing else.',
      severity: 'error',
      from: { path: '^src/messages/' },
      to: { path: OURS, pathNot: '^src/(messages|domain)/' },
    },
  ],
  options: {
    // `import type` counts: a type from the wrong layer couples the layers just as much.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^\\.sandbox/|^build/|(^|/)dist/' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
