/**
 * The server's architecture as rules, checked by `npm run lint:deps` in `npm test` (see
 * docs/ARCHITECTURE.md). Layers, lowest first:
 *   contract, server/lib → server/db → server/shared → server/modules (in `moduleOrder`)
 *   → server/use-cases → server/routes → server/app.ts, server/main.ts
 * A module may import only modules before it in `moduleOrder`, so modules can never form a cycle;
 * a new module must be placed in the order before anything may import it.
 */
const moduleOrder = [
  'sessions',
  'audit',
  'pdf',
  'mail',
  'catalog',
  'customers',
  'cart',
  'licenses',
  'quotes',
  'related',
  'invoices',
  'orders',
  'payments',
  'partners',
  'staff',
  'auth',
];

const production = '\\.test\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files never import each other in a circle.',
      severity: 'error',
      from: { path: '^(server|contract|web|scripts|bench)/' },
      to: { circular: true },
    },
    ...moduleOrder.map((name, index) => ({
      name: `module-order-${name}`,
      comment: `${name} imports only the modules before it in moduleOrder: ${moduleOrder.slice(0, index).join(', ') || 'none'}.`,
      severity: 'error',
      from: { path: `^server/modules/${name}/`, pathNot: production },
      to: {
        path: '^server/modules/[^/]+/',
        pathNot: `^server/modules/(${moduleOrder.slice(0, index + 1).join('|')})/`,
      },
    })),
    {
      name: 'unordered-module',
      comment: 'Every folder in server/modules is placed in moduleOrder.',
      severity: 'error',
      from: { path: `^server/modules/(?!(${moduleOrder.join('|')})/)` },
      to: {},
    },
    {
      name: 'own-queries-only',
      comment: "A module's *.queries.ts is its own: other modules ask its service.",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '\\.queries\\.ts$', pathNot: '^server/modules/$1/' },
    },
    {
      name: 'schema-in-queries-only',
      comment:
        "A module's Drizzle statements live in its *.queries.ts: no other file of server/modules, and no use case, imports server/db/schema (a use case takes a row's type from the module's service).",
      severity: 'error',
      from: {
        path: '^server/(modules|use-cases)/',
        pathNot: [
          '^server/modules/.*\\.queries\\.ts$',
          // Tests read and arrange rows directly to check what the services wrote.
          production,
        ],
      },
      to: { path: '^server/db/schema/' },
    },
    {
      name: 'no-queries-above-modules',
      comment: 'Use cases, routes, demo data and http reach the database through module services.',
      severity: 'error',
      from: { path: '^server/(use-cases|routes|demo|http)/', pathNot: production },
      to: { path: '\\.queries\\.ts$' },
    },
    {
      name: 'modules-below-use-cases',
      comment: 'Modules never import a use case, a route or the demo data.',
      severity: 'error',
      from: { path: '^server/modules/' },
      to: { path: '^server/(use-cases|routes|demo)/' },
    },
    {
      name: 'use-cases-below-routes',
      comment: 'Use cases are called by routes, never the other way round.',
      severity: 'error',
      from: { path: '^server/use-cases/' },
      to: { path: '^server/(routes|demo)/' },
    },
    {
      name: 'routes-on-top',
      comment: 'Only the app (and tests) register routes.',
      severity: 'error',
      from: { path: '^server/', pathNot: ['^server/app\\.ts$', '^server/routes/', production] },
      to: { path: '^server/routes/' },
    },
    {
      name: 'http-knows-no-module',
      comment: 'server/http is the framework layer: sessions reach it through the SessionGate interface.',
      severity: 'error',
      from: { path: '^server/http/', pathNot: production },
      to: { path: '^server/(modules|use-cases|routes|demo)/' },
    },
    {
      name: 'storage-knows-no-module',
      comment: 'server/db (schema, client, migrations) imports no module, use case or route.',
      severity: 'error',
      from: { path: '^server/db/' },
      to: { path: '^server/(modules|use-cases|routes|demo|http|shared|plugins)/' },
    },
    {
      name: 'shared-below-modules',
      comment: 'server/shared holds pieces several modules use; it imports no module.',
      severity: 'error',
      from: { path: '^server/shared/', pathNot: production },
      to: { path: '^server/(modules|use-cases|routes|demo|http|plugins)/' },
    },
    {
      name: 'lib-is-generic',
      comment: 'server/lib is domain-free: it imports only contract and other lib files.',
      severity: 'error',
      from: { path: '^server/lib/', pathNot: production },
      to: { path: '^server/(?!lib/)' },
    },
    {
      name: 'contract-stands-alone',
      comment: 'contract/ is shared by the server and the web app: it imports neither.',
      severity: 'error',
      from: { path: '^contract/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^node_modules|/dist/)' },
    tsPreCompilationDeps: true,
  },
};
