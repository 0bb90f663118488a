import { ApiProperty, ApiSchema, getSchemaPath, type ReferenceObject, type SchemaObject } from '@nestjs/swagger';

/** What every personal field of an answer holds once its person was erased. */
@ApiSchema({
  description:
    'A personal field of a person who was erased (UU PDP Pasal 8): their key is destroyed, so the value is ' +
    'gone for good, everywhere; the rest of the record stays.',
})
export class ErasedValue {
  @ApiProperty({ type: 'boolean', enum: [true] }) $erased!: true;
}

/**
 * The schema of a personal field (sealed under its person's key, `personalFields` of the event it
 * comes from): its value, or `ErasedValue` once the person was erased. A null is never sealed, so
 * it stays null. The class that uses it names ErasedValue in `@ApiExtraModels`.
 */
export function personal(value: SchemaObject | ReferenceObject, nullable = false): { anyOf: SchemaObject['anyOf'] } {
  // anyOf, not oneOf: an object whose fields are all optional would match the marker too.
  return {
    anyOf: [value, ...(nullable ? [{ type: 'null' }] : []), { $ref: getSchemaPath(ErasedValue) }],
  };
}
