import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in sessions with rotating refresh tokens, revoked access tokens and login lockouts. All of
 * it lives here, in PostgreSQL, so that losing or flushing Redis can never let a revoked token or
 * a locked login back in. No table holds a token, password or username in the clear: refresh
 * tokens are stored as SHA-256 digests, login subjects as HMAC digests.
 */
export class SessionsAndAdmin1764460800000 implements MigrationInterface {
  name = 'SessionsAndAdmin1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One row per sign-in: the family of one login's refresh tokens. Access tokens carry its id
      -- (claim sid) and stop working the moment it is revoked (logout, reuse of a rotated refresh
      -- token, password change or reset, deactivation).
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        officer_id uuid NOT NULL REFERENCES officer(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      );
      CREATE INDEX auth_session_officer_idx ON auth_session (officer_id) WHERE revoked_at IS NULL;

      -- Refresh tokens by digest. A token is used once: rotation sets used_at and adds the next one;
      -- presenting a used one again revokes the whole session (reuse detection).
      CREATE TABLE refresh_token (
        token_digest text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES auth_session(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX refresh_token_session_idx ON refresh_token (session_id);

      -- Access tokens revoked before they expire: Simpul's by jti, an SSO provider's by a digest of
      -- issuer and jti. Rows may be deleted once expires_at has passed.
      CREATE TABLE revoked_token (
        token_id text PRIMARY KEY,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX revoked_token_expiry_idx ON revoked_token (expires_at);

      -- Sign-in attempts not (yet) known to have succeeded, per subject: 'username:<hmac>' or
      -- 'address:<hmac>'. An attempt is written before the password is checked and deleted when it
      -- succeeds, so parallel guesses are counted too.
      CREATE TABLE login_failure (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subject text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_failure_subject_idx ON login_failure (subject, failed_at);

      CREATE TABLE login_lockout (
        subject text PRIMARY KEY,
        locked_until timestamptz NOT NULL
      );

      -- The admin console lists officers per unit.
      CREATE INDEX officer_unit_idx ON officer (unit_id, username);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX officer_unit_idx;
      DROP TABLE login_lockout, login_failure, revoked_token, refresh_token, auth_session;
    `);
  }
}
