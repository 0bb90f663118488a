import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import addFormats from 'ajv-formats';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

/** The operators' CRDs, copied unchanged (test/deploy/crds/README.md says from where). */
export const CRD_DIR = join(__dirname, '..', '..', 'test', 'deploy', 'crds');

type Schema = Record<string, unknown>;

interface Crd {
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; served: boolean; schema?: { openAPIV3Schema: Schema } }[];
  };
}

/** Checks custom resources against their operator's own schema, by `apiVersion` and `kind`. */
export class CrdSchemas {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(dir: string = CRD_DIR) {
    // strict: false, because the schemas carry Kubernetes' own keywords (x-kubernetes-*), which
    // are annotations to a JSON Schema validator.
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }), ['date-time']);
    // OpenAPI's number formats, which the CRDs use on integers.
    ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    for (const file of crdFiles(dir)) {
      for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const crd = document.toJS() as Crd | null;
        if (!crd) continue;
        for (const version of crd.spec.versions) {
          if (!version.served || !version.schema) continue;
          const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
          this.validators.set(key, ajv.compile(refuseUnknownFields(version.schema.openAPIV3Schema)));
        }
      }
    }
  }

  /** Whether a schema for this apiVersion and kind was loaded. */
  knows(apiVersion: string, kind: string): boolean {
    return this.validators.has(`${apiVersion}/${kind}`);
  }

  /** Every problem, as `<JSON pointer> <message>`; empty when the resource fits. */
  problems(resource: { apiVersion: string; kind: string }): string[] {
    const validate = this.validators.get(`${resource.apiVersion}/${resource.kind}`);
    if (!validate) return [`no CRD schema for ${resource.apiVersion} ${resource.kind} in ${CRD_DIR}`];
    return validate(resource) ? [] : (validate.errors ?? []).map(describe);
  }
}

function crdFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(resource)';
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

/**
 * The schema with unknown fields refused, as the API server refuses them under strict field
 * validation (kubectl's default): every object that lists its properties and does not say
 * x-kubernetes-preserve-unknown-fields gets additionalProperties: false. A structural schema
 * without that mark prunes what it does not list, so a misspelt field would otherwise vanish
 * silently. The resource's metadata is the API server's to check (ObjectMeta), not the CRD's.
 */
export function refuseUnknownFields(schema: Schema): Schema {
  const copy = structuredClone(schema);
  tighten(copy);
  const properties = copy.properties as Record<string, Schema> | undefined;
  if (properties?.metadata) properties.metadata = { type: 'object' };
  return copy;
}

function tighten(node: Schema): void {
  const preserves = node['x-kubernetes-preserve-unknown-fields'] === true;
  const properties = node.properties as Record<string, Schema> | undefined;
  if (node.type === 'object' && !preserves && node.additionalProperties === undefined) {
    node.additionalProperties = false;
  }
  for (const child of Object.values(properties ?? {})) tighten(child);
  if (isSchema(node.items)) tighten(node.items);
  if (isSchema(node.additionalProperties)) tighten(node.additionalProperties);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches)) for (const branch of branches) if (isSchema(branch)) tighten(branch);
  }
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
