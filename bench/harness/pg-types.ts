import { types, type CustomTypesConfig } from 'pg';

const INT8 = 20;
const JSON_OID = 114;
const JSONB = 3802;

/**
 * node-postgres's own parsers for json, jsonb and bigint, pinned per pool. Emmett's driver layer
 * (dumbo) replaces these parsers process-wide when it opens a pool (bigint as BigInt, JSON through
 * its own serializer); pools given this config keep reading as a plain `pg` client does, whatever
 * ran before them in the same process.
 */
export const plainPgTypes: CustomTypesConfig = {
  getTypeParser: (oid, format) => {
    if (format === 'binary') return types.getTypeParser(oid, format);
    if (oid === JSON_OID || oid === JSONB) return (text: string): unknown => JSON.parse(text);
    if (oid === INT8) return (text: string): string => text;
    return types.getTypeParser(oid, format);
  },
};
