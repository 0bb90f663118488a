import addFormats from 'ajv-formats';
import Ajv, { type ErrorObject, type JSONSchemaType, type SchemaObject } from 'ajv';

/**
 * An integration event as other services rely on it: a name, a version and a JSON Schema of its
 * data. Contracts change only by adding a new version beside the old one; they are the only thing
 * the apps know of each other.
 */
export interface ContractDefinition<Data> {
  /** Reverse-DNS name without the version, e.g. `id.lintas.health-liaison.rsj-referral.accepted`. */
  name: string;
  version: number;
  /** The Kafka topic it is published on. */
  topic: string;
  /** Checked against Data by the compiler when written as JSONSchemaType, by ajv in every case. */
  schema: JSONSchemaType<Data> | SchemaObject;
}

export interface FieldProblem {
  /** JSON Pointer into the data, '' for the whole of it. */
  path: string;
  message: string;
}

export type Validation<Data> = { ok: true; data: Data } | { ok: false; problems: FieldProblem[] };

/** What every contract offers, whatever its data: enough to route and validate a message. */
export interface AnyContract {
  readonly name: string;
  readonly version: number;
  readonly topic: string;
  /** The CloudEvents `type`: name and version, e.g. `…rsj-referral.accepted.v1`. */
  readonly type: string;
  validate(data: unknown): Validation<unknown>;
}

export interface Contract<Data> extends AnyContract {
  readonly schema: JSONSchemaType<Data> | SchemaObject;
  validate(data: unknown): Validation<Data>;
}

// One compiler for every contract; strict mode refuses schemas with unknown keywords.
const ajv = addFormats(new Ajv({ allErrors: true, strict: true }), ['uuid', 'date-time', 'date']);

export function defineContract<Data>(definition: ContractDefinition<Data>): Contract<Data> {
  if (!/^[a-z0-9]+(\.[a-z0-9-]+)+$/.test(definition.name)) throw new Error(`not a contract name: '${definition.name}'`);
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new Error(`${definition.name}: the version must be a whole number from 1`);
  }
  const check = ajv.compile<Data>(definition.schema);
  return Object.freeze({
    ...definition,
    type: `${definition.name}.v${definition.version}`,
    validate(data: unknown): Validation<Data> {
      if (check(data)) return { ok: true, data };
      return { ok: false, problems: (check.errors ?? []).map(problem) };
    },
  });
}

function problem(error: ErrorObject): FieldProblem {
  const extra = error.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
  return { path: error.instancePath, message: `${error.message ?? 'is not valid'}${extra}` };
}
