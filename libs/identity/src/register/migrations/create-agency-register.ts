import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register's tables in the given schema. A factory, not a plain class: the schema is the
 * installation's choice (IDENTITY_REGISTER_SCHEMA), and TypeORM instantiates migrations itself.
 */
export function createAgencyRegister(schema: string): new () => MigrationInterface {
  const s = `"${schema}"`;
  return class CreateAgencyRegister1764921600000 implements MigrationInterface {
    name = 'CreateAgencyRegister1764921600000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`
        CREATE TABLE ${s}.agencies (
          id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9.-]{1,62}$'),
          kind text NOT NULL,
          name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
          region_code text NOT NULL CHECK (region_code ~ '^[0-9]{2}([0-9]{2})?$'),
          parent_id text REFERENCES ${s}.agencies (id),
          created_at timestamptz NOT NULL DEFAULT now()
        )`);
      await runner.query(`
        CREATE TABLE ${s}.clients (
          client_id text PRIMARY KEY CHECK (client_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{2,99}$'),
          agency_id text NOT NULL REFERENCES ${s}.agencies (id),
          auth_method text NOT NULL CHECK (auth_method IN ('client_secret_basic', 'private_key_jwt')),
          secret_hash text,
          secret_expires_at timestamptz,
          previous_secret_hash text,
          previous_secret_until timestamptz,
          public_keys jsonb,
          scopes text[] NOT NULL DEFAULT '{}',
          status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
          revoked_at timestamptz,
          revocation_reason text,
          created_at timestamptz NOT NULL DEFAULT now(),
          CHECK ((auth_method = 'client_secret_basic') = (secret_hash IS NOT NULL OR status = 'revoked')),
          CHECK ((auth_method = 'private_key_jwt') = (public_keys IS NOT NULL))
        )`);
      await runner.query(`CREATE INDEX clients_agency ON ${s}.clients (agency_id)`);
      await runner.query(`
        CREATE TABLE ${s}.register_changes (
          position bigserial PRIMARY KEY,
          occurred_at timestamptz NOT NULL DEFAULT now(),
          actor_client_id text NOT NULL,
          actor_agency_id text NOT NULL,
          action text NOT NULL,
          subject text NOT NULL,
          detail jsonb NOT NULL DEFAULT '{}'
        )`);
      // The record of who changed the register is kept as written, also against the server's own code.
      await runner.query(`
        CREATE FUNCTION ${s}.register_changes_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'register_changes is append-only' USING ERRCODE = '42501';
        END $$`);
      await runner.query(`
        CREATE TRIGGER register_changes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${s}.register_changes
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.register_changes_are_append_only()`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE ${s}.register_changes, ${s}.clients, ${s}.agencies`);
      await runner.query(`DROP FUNCTION ${s}.register_changes_are_append_only()`);
    }
  };
}
