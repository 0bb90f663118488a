import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index on the agencies' parent office: every token of an agency lists the agencies it is the
 * parent of (`supervised_agencies`), so the register looks them up at each token request.
 */
export function indexAgencyParents(schema: string): new () => MigrationInterface {
  const s = `"${schema}"`;
  return class IndexAgencyParents1796515200000 implements MigrationInterface {
    name = 'IndexAgencyParents1796515200000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`CREATE INDEX agencies_parent ON ${s}.agencies (parent_id)`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP INDEX ${s}.agencies_parent`);
    }
  };
}
