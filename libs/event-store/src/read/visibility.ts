import { visibleTransactionSql } from '@lintas/platform/database/writer-sessions';

/**
 * Only transactions that no Lintas writer can still precede: a late commit can never land behind
 * what a reader has already passed, and no transaction of another application holds a reader up.
 * Every reader of the global order uses this.
 */
export const visibleTransactions = (schema: string, column?: string): string => visibleTransactionSql(schema, column);
