import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

/** The login roles gateway and worker connect as when DATABASE_APP_URL / _SEQUENCER_URL are unset. */
export const DEFAULT_APP_ROLE = 'simpul_app';
export const DEFAULT_SEQUENCER_ROLE = 'simpul_sequencer';

/**
 * Who connects to PostgreSQL as what (docs/adr/0013-least-privilege-database-roles.md):
 *
 * - DATABASE_URL (AppConfig.databaseUrl) owns the schema: migrations, reference data, and the creation of the
 *   two login roles below with their grants. Only `npm run db:prepare` (and `npm start`) use it.
 * - `appUrl` (DATABASE_APP_URL) is every connection of gateway and worker: it may read everything
 *   and insert ledger entries, tree nodes and checkpoints, but never UPDATE, DELETE or TRUNCATE them.
 * - `sequencerUrl` (DATABASE_SEQUENCER_URL) is the worker's one sequencer connection: it may set
 *   seq, at and the hashes of ledger entries (the triggers still refuse any change to a sealed one).
 *
 * Unset, each is DATABASE_URL with the user replaced by its default role and no password, which
 * is what a local PostgreSQL with trust or peer authentication accepts; anywhere with passwords,
 * give both URLs (db:prepare sets the roles' passwords from them).
 */
export interface DatabaseRolesConfig {
  appUrl: string;
  sequencerUrl: string;
}

export function databaseRoles(env: Env, ownerUrl: string): DatabaseRolesConfig {
  const appUrl = roleUrl(env, 'DATABASE_APP_URL', ownerUrl, DEFAULT_APP_ROLE);
  const sequencerUrl = roleUrl(env, 'DATABASE_SEQUENCER_URL', ownerUrl, DEFAULT_SEQUENCER_ROLE);
  if (roleOf(appUrl) === roleOf(sequencerUrl)) {
    // The sequencer's role may write seq and hashes: the app's must not.
    throw new ConfigError(
      'DATABASE_SEQUENCER_URL',
      'must connect as a role other than DATABASE_APP_URL',
    );
  }
  return { appUrl, sequencerUrl };
}

/** The role a PostgreSQL URL connects as (libpq's default user is not guessed: postgres). */
export function roleOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).username) || 'postgres';
}

function roleUrl(env: Env, name: string, ownerUrl: string, defaultRole: string): string {
  const raw = env[name]?.trim();
  if (!raw) {
    const derived = new URL(ownerUrl);
    derived.username = defaultRole;
    derived.password = '';
    return derived.toString();
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL (got something that does not parse)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(name, 'must start with postgres:// or postgresql://');
  }
  if (!parsed.username) throw new ConfigError(name, 'must name the role it connects as');
  if (roleOf(raw) === roleOf(ownerUrl)) {
    // The owner may do anything to its tables: connecting the apps as it defeats the point.
    throw new ConfigError(name, 'must connect as a role other than the owner of DATABASE_URL');
  }
  return raw;
}
