// Which lib (or app) may import which, by element type: the allowed dependency graph of
// docs/conventions.md ("Layers"). eslint.config.mjs enforces it with
// eslint-plugin-boundaries.
// A lib reaches a lib above it only through a port it defines and the upper lib implements
// (CaseReferrals, libs/case/src/case-referrals.port.ts; docs/adr/0015-ports-for-lower-contexts.md).

const INFRASTRUCTURE = ['common', 'config', 'database', 'queue', 'observability', 'privacy', 'sla'];

/** element type → the element types it may import. */
export const LAYERS = {
  // infrastructure: no domain knowledge
  common: [],
  // the ledger's format (hashes, proofs, verification): framework-free, shared with apps/verifier
  'ledger-format': [],
  config: [],
  sla: ['common'],
  queue: ['common', 'config'],
  privacy: ['common', 'config'],
  database: ['common', 'config'],
  observability: ['common', 'config', 'queue', 'database'],
  // the outbox and job dispatch: infrastructure for the contexts
  // (observability: job duration and latency metrics)
  delivery: ['common', 'config', 'database', 'queue', 'observability'],
  // contexts, bottom to top
  agency: ['common', 'config', 'database'],
  identity: ['common', 'config', 'database', 'agency'],
  ledger: ['common', 'config', 'database', 'queue', 'delivery', 'ledger-format'],
  case: [...INFRASTRUCTURE, 'delivery', 'agency', 'identity', 'ledger'],
  referral: [...INFRASTRUCTURE, 'delivery', 'agency', 'identity', 'ledger', 'case'],
  admin: [...INFRASTRUCTURE, 'delivery', 'agency', 'identity', 'ledger'],
  // notifications, email and webhooks: derived from sealed ledger entries; referral only for the
  // reference a notification shows
  notification: [...INFRASTRUCTURE, 'delivery', 'agency', 'identity', 'ledger', 'referral'],
  // alerts reach units by routing rules and may open a case (promote): above case and referral
  alert: [...INFRASTRUCTURE, 'delivery', 'agency', 'identity', 'ledger', 'case', 'referral'],
  // read-only questions across contexts (statistics, holdings, ping-pong): docs/adr/0012-insight-reads-across-contexts.md
  insight: [...INFRASTRUCTURE, 'delivery', 'agency', 'identity', 'ledger', 'case', 'referral'],
  // the apps compose the libs
  gateway: [
    ...INFRASTRUCTURE,
    'ledger-format',
    'delivery',
    'agency',
    'identity',
    'ledger',
    'case',
    'referral',
    'admin',
    'notification',
    'alert',
    'insight',
  ],
  worker: [
    ...INFRASTRUCTURE,
    'ledger-format',
    'delivery',
    'agency',
    'identity',
    'ledger',
    'case',
    'referral',
    'notification',
    'alert',
    'insight',
  ],
  // the offline verifier: the ledger format and nothing of the hub
  verifier: ['ledger-format'],
};

const APPS = new Set(['gateway', 'worker', 'verifier']);

/** eslint-plugin-boundaries element descriptors: one element per lib folder and app folder. */
export function libElements() {
  return Object.keys(LAYERS).map((type) => ({
    type,
    pattern: APPS.has(type) ? `apps/${type}` : `libs/${type}`,
  }));
}
