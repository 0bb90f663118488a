import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People in the register: users of an agency (a supervisor; an admin, of an admin agency only), the
 * clients they sign in through (grant types and redirect URIs), who made a change when a person
 * made it, and the provider's state for sign-ins, shared by every instance of the identity app.
 */
export function addUsers(schema: string): new () => MigrationInterface {
  const s = `"${schema}"`;
  return class AddUsers1798761600000 implements MigrationInterface {
    name = 'AddUsers1798761600000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`
        ALTER TABLE ${s}.clients
          ADD COLUMN grant_types text[] NOT NULL DEFAULT '{client_credentials}'
            CHECK (cardinality(grant_types) > 0
              AND grant_types <@ ARRAY['client_credentials', 'authorization_code', 'refresh_token']),
          ADD COLUMN redirect_uris text[] NOT NULL DEFAULT '{}',
          ADD COLUMN post_logout_redirect_uris text[] NOT NULL DEFAULT '{}',
          -- An agency's system or an application for people, never both: a token speaks for one.
          ADD CONSTRAINT clients_one_purpose CHECK (
            NOT ('client_credentials' = ANY (grant_types) AND 'authorization_code' = ANY (grant_types))),
          ADD CONSTRAINT clients_redirects_for_people CHECK (
            ('authorization_code' = ANY (grant_types)) = (cardinality(redirect_uris) > 0)
            AND (cardinality(post_logout_redirect_uris) = 0 OR 'authorization_code' = ANY (grant_types)))`);
      await runner.query(`ALTER TABLE ${s}.register_changes ADD COLUMN actor_user_id text`);
      await runner.query(`
        CREATE TABLE ${s}.users (
          user_id text PRIMARY KEY CHECK (user_id ~ '^[a-z0-9][a-z0-9._@-]{1,99}$'),
          agency_id text NOT NULL REFERENCES ${s}.agencies (id),
          display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
          role text NOT NULL CHECK (role IN ('supervisor', 'admin')),
          password_hash text NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
          password_change_required boolean NOT NULL DEFAULT false,
          password_expires_at timestamptz,
          password_changed_at timestamptz NOT NULL DEFAULT now(),
          status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
          disabled_at timestamptz,
          disable_reason text,
          created_at timestamptz NOT NULL DEFAULT now(),
          CHECK ((status = 'disabled') = (disabled_at IS NOT NULL))
        )`);
      await runner.query(`CREATE INDEX users_agency ON ${s}.users (agency_id)`);
      await runner.query(`CREATE INDEX users_disabled ON ${s}.users (disabled_at) WHERE status = 'disabled'`);
      // Administering Lintas is an admin agency's: held here too, against any code that forgets.
      await runner.query(`
        CREATE FUNCTION ${s}.users_admin_only_in_admin_agency() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.role = 'admin' AND (SELECT kind FROM ${s}.agencies WHERE id = NEW.agency_id) IS DISTINCT FROM 'admin' THEN
            RAISE EXCEPTION 'only a user of an admin agency may be an admin' USING ERRCODE = '23514';
          END IF;
          RETURN NEW;
        END $$`);
      await runner.query(`
        CREATE TRIGGER users_admin_only_in_admin_agency BEFORE INSERT OR UPDATE OF role, agency_id ON ${s}.users
        FOR EACH ROW EXECUTE FUNCTION ${s}.users_admin_only_in_admin_agency()`);
      // Keyed by a hash of each id, never the id: a session's id is its cookie, a refresh token's the token.
      await runner.query(`
        CREATE TABLE ${s}.provider_state (
          model text NOT NULL,
          key text NOT NULL,
          payload jsonb NOT NULL,
          grant_id text,
          uid text,
          expires_at timestamptz NOT NULL,
          PRIMARY KEY (model, key)
        )`);
      await runner.query(
        `CREATE INDEX provider_state_grant ON ${s}.provider_state (grant_id) WHERE grant_id IS NOT NULL`,
      );
      await runner.query(`CREATE INDEX provider_state_uid ON ${s}.provider_state (uid) WHERE uid IS NOT NULL`);
      await runner.query(`CREATE INDEX provider_state_expiry ON ${s}.provider_state (expires_at)`);
      await runner.query(
        `CREATE INDEX provider_state_account ON ${s}.provider_state ((payload->>'accountId')) WHERE payload ? 'accountId'`,
      );
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE ${s}.provider_state, ${s}.users`);
      await runner.query(`DROP FUNCTION ${s}.users_admin_only_in_admin_agency()`);
      await runner.query(`ALTER TABLE ${s}.register_changes DROP COLUMN actor_user_id`);
      await runner.query(`
        ALTER TABLE ${s}.clients DROP CONSTRAINT clients_one_purpose, DROP CONSTRAINT clients_redirects_for_people,
          DROP COLUMN grant_types, DROP COLUMN redirect_uris, DROP COLUMN post_logout_redirect_uris`);
    }
  };
}
