import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referral hub core: organisations, officers, cases, persons, referrals, the handoff ledger,
 * the transactional outbox and idempotency keys.
 */
export class InitialSchema1764374400000 implements MigrationInterface {
  name = 'InitialSchema1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL
      );
      CREATE TABLE unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agency(id),
        region_code text,
        country_code text,
        time_zone text NOT NULL
      );
      CREATE INDEX unit_agency_idx ON unit (agency_id);

      CREATE TABLE officer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE SEQUENCE case_reference_seq;
      CREATE TABLE "case" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        title text NOT NULL,
        summary text,
        status text NOT NULL,
        exploitation_types text[] NOT NULL,
        lead_unit_id uuid NOT NULL REFERENCES unit(id),
        region_code text,
        opened_by_id uuid NOT NULL REFERENCES officer(id),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        -- Sealed like identities; readable and writable by POLRI parties only.
        police_notes_sealed text
      );
      CREATE INDEX case_lead_unit_idx ON "case" (lead_unit_id, opened_at DESC, id DESC);

      -- Identity (name, NIK, passport, birth date, phone) is sealed with AES-256-GCM: see
      -- PersonalDataCipher. NIK and passport are findable only through their keyed hashes.
      CREATE TABLE person (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "case"(id),
        position int NOT NULL,
        label text NOT NULL,
        sex text NOT NULL,
        is_child boolean NOT NULL,
        identity_sealed text NOT NULL,
        identity_key_id text NOT NULL,
        national_id_hmac text,
        passport_hmac text,
        UNIQUE (case_id, position)
      );
      CREATE INDEX person_national_id_hmac_idx ON person (national_id_hmac) WHERE national_id_hmac IS NOT NULL;
      CREATE INDEX person_passport_hmac_idx ON person (passport_hmac) WHERE passport_hmac IS NOT NULL;
      CREATE INDEX person_identity_key_idx ON person (identity_key_id);

      -- Every read of identity fields: who, from which unit, whose, which fields, on what basis.
      CREATE TABLE person_access (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        officer_id uuid NOT NULL REFERENCES officer(id),
        unit_id uuid NOT NULL REFERENCES unit(id),
        person_id uuid NOT NULL REFERENCES person(id),
        fields text[] NOT NULL,
        referral_id uuid,
        basis text NOT NULL
      );
      CREATE INDEX person_access_person_idx ON person_access (person_id, at DESC);

      -- Which units are parties of a case (lead unit, senders and receivers of its referrals).
      -- Maintained by the use cases in the same transaction; access checks read only this table.
      CREATE TABLE case_party (
        case_id uuid NOT NULL REFERENCES "case"(id),
        unit_id uuid NOT NULL REFERENCES unit(id),
        since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, unit_id)
      );
      CREATE INDEX case_party_unit_idx ON case_party (unit_id, case_id);

      CREATE SEQUENCE referral_reference_seq;
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        case_id uuid NOT NULL REFERENCES "case"(id),
        from_unit_id uuid NOT NULL REFERENCES unit(id),
        to_unit_id uuid NOT NULL REFERENCES unit(id),
        sent_by_id uuid NOT NULL REFERENCES officer(id),
        accepted_by_id uuid REFERENCES officer(id),
        services text[] NOT NULL,
        priority text NOT NULL,
        status text NOT NULL,
        summary text NOT NULL,
        rejection_reason text,
        status_note text,
        outcome text,
        delivery text NOT NULL DEFAULT 'PENDING',
        delivered_at timestamptz,
        sent_at timestamptz NOT NULL,
        acknowledge_by timestamptz NOT NULL,
        accept_by timestamptz NOT NULL,
        acknowledged_at timestamptz,
        accepted_at timestamptz,
        closed_at timestamptz,
        held_at timestamptz,
        escalation_level int NOT NULL DEFAULT 0,
        redirected_from_id uuid REFERENCES referral(id),
        redirected_to_id uuid REFERENCES referral(id),
        -- UU 27/2022: why identity travels with this referral (required when it names persons).
        lawful_basis text,
        consent_reference text,
        version int NOT NULL DEFAULT 1
      );
      CREATE INDEX referral_case_idx ON referral (case_id);
      CREATE INDEX referral_inbox_idx ON referral (to_unit_id, sent_at DESC, id DESC);
      CREATE INDEX referral_sent_idx ON referral (from_unit_id, sent_at DESC, id DESC);

      CREATE TABLE referral_person (
        referral_id uuid NOT NULL REFERENCES referral(id),
        person_id uuid NOT NULL REFERENCES person(id),
        PRIMARY KEY (referral_id, person_id)
      );

      -- The handoff ledger. Append-only: see the trigger below and docs/ledger-format.md.
      CREATE TABLE ledger_entry (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor_id uuid,
        from_unit_id uuid,
        to_unit_id uuid,
        case_id uuid,
        referral_id uuid,
        alert_id uuid,
        note_digest text,
        payload jsonb NOT NULL,
        payload_digest text NOT NULL,
        prev_hash text NOT NULL,
        entry_hash text NOT NULL UNIQUE
      );
      CREATE INDEX ledger_entry_case_idx ON ledger_entry (case_id, seq);
      CREATE INDEX ledger_entry_referral_idx ON ledger_entry (referral_id, seq);

      CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER ledger_entry_append_only
        BEFORE UPDATE OR DELETE ON ledger_entry
        FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();
      CREATE TRIGGER ledger_entry_no_truncate
        BEFORE TRUNCATE ON ledger_entry
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_is_append_only();

      -- One row: the chain head. Appends lock it FOR UPDATE as their transaction's last step.
      CREATE TABLE ledger_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        next_seq bigint NOT NULL,
        last_hash text NOT NULL
      );
      INSERT INTO ledger_head (id, next_seq, last_hash) VALUES (1, 0, repeat('0', 64));

      -- Free-text notes shown on timelines. Kept beside the ledger, which holds only their digest:
      -- a note may name a person, and the ledger must carry no personal data.
      CREATE TABLE handoff_note (
        seq bigint PRIMARY KEY REFERENCES ledger_entry(seq),
        text text NOT NULL
      );

      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- The BullMQ job id. Not the row id: ids repeat after a restore or in another database
        -- sharing the Redis prefix, and BullMQ silently drops an add whose id it still knows.
        job_key uuid NOT NULL DEFAULT gen_random_uuid(),
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        delay_ms int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      );
      CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL;

      CREATE TABLE idempotency_key (
        officer_id uuid NOT NULL REFERENCES officer(id),
        operation text NOT NULL,
        key text NOT NULL,
        request_digest text NOT NULL,
        result_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (officer_id, operation, key)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE idempotency_key, outbox, handoff_note, ledger_head;
      DROP TRIGGER ledger_entry_append_only ON ledger_entry;
      DROP TRIGGER ledger_entry_no_truncate ON ledger_entry;
      DROP TABLE ledger_entry;
      DROP FUNCTION ledger_entry_is_append_only();
      DROP TABLE referral_person, referral, case_party, person_access, person, "case", officer, unit, agency;
      DROP SEQUENCE referral_reference_seq, case_reference_seq;
    `);
  }
}
