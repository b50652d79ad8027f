import { ConfigError } from './config-error';
import { databaseRoles, roleOf } from './database-roles';

const OWNER = 'postgres://postgres:owner-secret@db.example:5432/simpul?sslmode=require';

describe('databaseRoles', () => {
  it('derives the app and sequencer roles from DATABASE_URL, without its password', () => {
    const roles = databaseRoles({}, OWNER);
    expect(roles.appUrl).toBe('postgres://simpul_app@db.example:5432/simpul?sslmode=require');
    expect(roles.sequencerUrl).toBe(
      'postgres://simpul_sequencer@db.example:5432/simpul?sslmode=require',
    );
  });

  it('takes DATABASE_APP_URL and DATABASE_SEQUENCER_URL as given', () => {
    const roles = databaseRoles(
      {
        DATABASE_APP_URL: 'postgres://hub_app:a@db.example/simpul',
        DATABASE_SEQUENCER_URL: 'postgresql://hub_seq:b@db.example/simpul',
      },
      OWNER,
    );
    expect(roleOf(roles.appUrl)).toBe('hub_app');
    expect(roleOf(roles.sequencerUrl)).toBe('hub_seq');
  });

  it.each([
    ['DATABASE_APP_URL', { DATABASE_APP_URL: 'postgres://postgres:x@db.example/simpul' }],
    ['DATABASE_APP_URL', { DATABASE_APP_URL: 'mysql://simpul_app@db.example/simpul' }],
    ['DATABASE_APP_URL', { DATABASE_APP_URL: 'postgres://db.example/simpul' }],
    ['DATABASE_SEQUENCER_URL', { DATABASE_SEQUENCER_URL: 'postgres://postgres@db.example/simpul' }],
    [
      'DATABASE_SEQUENCER_URL',
      { DATABASE_SEQUENCER_URL: 'postgres://simpul_app@db.example/simpul' },
    ],
  ])('refuses %s that is the owner, unnamed, not PostgreSQL or the other role', (name, env) => {
    let error: unknown;
    try {
      databaseRoles(env, OWNER);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(name);
  });
});
