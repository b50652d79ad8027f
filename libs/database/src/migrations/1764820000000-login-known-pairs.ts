import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in lockout that cannot be turned against an officer (docs/security.md, "Login lockout"):
 * username-and-address pairs that signed in successfully are remembered, so that an address lock
 * (spraying) or a username slow-down (guessing from many addresses) does not stop the officer at
 * the desk it signs in from. Subjects are HMAC digests of username and address, as in
 * login_failure and login_lockout; nothing here is readable back into a username or an address.
 */
export class LoginKnownPairs1764820000000 implements MigrationInterface {
  name = 'LoginKnownPairs1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_known_pair (
        subject text PRIMARY KEY,
        last_success_at timestamptz NOT NULL DEFAULT now()
      );
      -- Pairs not seen for LOGIN_LOCKOUT_KNOWN_PAIR_DAYS are deleted on the next successful sign-in.
      CREATE INDEX login_known_pair_seen_idx ON login_known_pair (last_success_at);

      -- Lockout subjects are now 'pair:…', 'address:…' and 'username:…' digests; locks and
      -- failures of the old per-username policy would lock for 15 minutes what now only slows.
      DELETE FROM login_lockout WHERE subject LIKE 'username:%';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_known_pair');
  }
}
