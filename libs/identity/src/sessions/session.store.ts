import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { agencyIdOfUnitSql } from '@simpul/agency';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { TransactionHost } from '@simpul/database';
import type { Actor } from '../actor';
import type { Credential } from '../credential';
import type { Role } from '../role';
import { newRefreshToken, refreshTokenDigest } from './refresh-token';
import { announceAccessChange } from './session-events';
import { PreparedStatements } from '@simpul/database';

/** Why a session ended; kept on the row for operators (no personal data). */
export enum SessionRevocation {
  LOGOUT = 'LOGOUT',
  REFRESH_REUSE = 'REFRESH_REUSE',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  DEACTIVATED = 'DEACTIVATED',
}

export interface StartedSession {
  sessionId: string;
  refreshToken: string;
  /** The end of the session: no refresh token of this sign-in is valid after it. */
  expiresAt: Date;
}

export type Rotation =
  | { status: 'rotated'; sessionId: string; officerId: string; refreshToken: string }
  /** A refresh token that was already exchanged: the whole session has just been revoked. */
  | { status: 'reused' }
  /** Unknown, expired, or of a revoked session or a deactivated officer. */
  | { status: 'invalid' };

interface ActorRow {
  id: string;
  username: string;
  unit_id: string;
  agency_id: string;
  roles: Role[];
}

// The agency lib owns the unit table: its fragment names the officer's agency.
const ACTOR_COLUMNS = `o.id, o.username, o.unit_id, ${agencyIdOfUnitSql('o.unit_id')} AS agency_id, o.roles
  FROM officer o`;

const toActor = (row: ActorRow | undefined): Actor | null =>
  row
    ? {
        officerId: row.id,
        username: row.username,
        unitId: row.unit_id,
        agencyId: row.agency_id,
        roles: row.roles,
      }
    : null;

/**
 * Sign-in sessions, refresh-token rotation and token revocation, all in PostgreSQL. Redis plays no
 * part: a Redis outage or flush cannot bring a revoked token back. Every check is one indexed
 * query, made on every request (like the officer lookup it replaces).
 */
@Injectable()
export class SessionStore {
  constructor(
    private readonly tx: TransactionHost,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly statements: PreparedStatements,
  ) {}

  /** A new session for this officer with its first refresh token. */
  async start(officerId: string): Promise<StartedSession> {
    const db = this.tx.manager;
    const expiresAt = new Date(Date.now() + this.config.refreshTtlSeconds * 1000);
    const refreshToken = newRefreshToken();
    const [row]: { session_id: string }[] = await db.query(
      `WITH session AS (
         INSERT INTO auth_session (officer_id, expires_at) VALUES ($1, $2) RETURNING id
       )
       INSERT INTO refresh_token (token_digest, session_id, expires_at)
       SELECT $3, id, $2 FROM session
       RETURNING session_id`,
      [officerId, expiresAt, refreshTokenDigest(refreshToken)],
    );
    // Housekeeping on the way: this officer's sessions that ended more than a day ago.
    await db.query(
      `DELETE FROM auth_session WHERE officer_id = $1 AND expires_at < now() - interval '1 day'`,
      [officerId],
    );
    return { sessionId: row.session_id, refreshToken, expiresAt };
  }

  /**
   * Exchanges a refresh token for the next one of its session. Each token works once; presenting
   * a used one again means it was copied, so the whole session is revoked (and that revocation
   * commits even though the caller gets an error).
   */
  rotate(refreshToken: string): Promise<Rotation> {
    const digest = refreshTokenDigest(refreshToken);
    return this.tx.run(async (): Promise<Rotation> => {
      const [row]: {
        session_id: string;
        officer_id: string;
        used: boolean;
        usable: boolean;
        session_expires_at: Date;
      }[] = await this.tx.manager.query(
        `SELECT r.session_id, s.officer_id, r.used_at IS NOT NULL AS used,
                r.expires_at > now() AND s.revoked_at IS NULL AND s.expires_at > now() AND o.active
                  AS usable,
                s.expires_at AS session_expires_at
           FROM refresh_token r
           JOIN auth_session s ON s.id = r.session_id
           JOIN officer o ON o.id = s.officer_id
          WHERE r.token_digest = $1
          FOR UPDATE OF r, s`,
        [digest],
      );
      if (!row) return { status: 'invalid' };
      if (row.used) {
        await this.revokeSession(row.session_id, SessionRevocation.REFRESH_REUSE);
        return { status: 'reused' };
      }
      if (!row.usable) return { status: 'invalid' };
      const next = newRefreshToken();
      await this.tx.manager.query(
        'UPDATE refresh_token SET used_at = now() WHERE token_digest = $1',
        [digest],
      );
      await this.tx.manager.query(
        'INSERT INTO refresh_token (token_digest, session_id, expires_at) VALUES ($1, $2, $3)',
        [refreshTokenDigest(next), row.session_id, row.session_expires_at],
      );
      return {
        status: 'rotated',
        sessionId: row.session_id,
        officerId: row.officer_id,
        refreshToken: next,
      };
    });
  }

  /**
   * Ends one session: its access tokens and refresh tokens stop working at once, and open
   * WebSockets on it are told when the transaction commits.
   */
  async revokeSession(sessionId: string, reason: SessionRevocation): Promise<void> {
    const db = this.tx.manager;
    const rows: { officer_id: string }[] = await db.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2
        WHERE id = $1 AND revoked_at IS NULL
        RETURNING officer_id`,
      [sessionId, reason],
    );
    if (rows[0]) await announceAccessChange(db, rows[0].officer_id);
  }

  /**
   * Ends every session of an officer, except `keepSessionId` (the caller's own, if given), and
   * tells open WebSockets of the officer to re-check (also when no session was open: SSO tokens).
   */
  async revokeOfficerSessions(
    officerId: string,
    reason: SessionRevocation,
    keepSessionId: string | null = null,
  ): Promise<number> {
    const rows: unknown[] = await this.tx.manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2
        WHERE officer_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)
        RETURNING id`,
      [officerId, reason, keepSessionId],
    );
    await announceAccessChange(this.tx.manager, officerId);
    return rows.length;
  }

  /** Refuses one access token from now until it expires (logout). */
  async revokeToken(tokenId: string, expiresAt: Date): Promise<void> {
    const db = this.tx.manager;
    await db.query(
      `INSERT INTO revoked_token (token_id, expires_at) VALUES ($1, $2)
       ON CONFLICT (token_id) DO NOTHING`,
      [tokenId, expiresAt],
    );
    // Housekeeping: a revocation is pointless once the token has expired anyway.
    await db.query(`DELETE FROM revoked_token WHERE expires_at < now() - interval '5 minutes'`);
  }

  /**
   * The officer behind a credential, as it is NOW: null when the officer was deactivated, the
   * token revoked, or (for Simpul's tokens) the session ended. Read on every request and by every
   * open WebSocket's periodic check: a prepared statement.
   */
  async currentActor(credential: Credential): Promise<Actor | null> {
    const rows = await this.statements.query<ActorRow[]>(
      `SELECT ${ACTOR_COLUMNS}
        WHERE o.id = $1 AND o.active
          AND NOT EXISTS (SELECT 1 FROM revoked_token r WHERE r.token_id = $2)
          AND ($3::uuid IS NULL OR EXISTS (
                SELECT 1 FROM auth_session s
                 WHERE s.id = $3::uuid AND s.officer_id = o.id
                   AND s.revoked_at IS NULL AND s.expires_at > now()))`,
      [credential.officerId, credential.tokenId, credential.sessionId],
    );
    return toActor(rows[0]);
  }

  /** The active officer an SSO token names by username, unless that token was revoked. */
  async actorByUsername(username: string, tokenId: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.dataSource.query(
      `SELECT ${ACTOR_COLUMNS}
        WHERE o.username = $1 AND o.active
          AND NOT EXISTS (SELECT 1 FROM revoked_token r WHERE r.token_id = $2)`,
      [username, tokenId],
    );
    return toActor(rows[0]);
  }
}
