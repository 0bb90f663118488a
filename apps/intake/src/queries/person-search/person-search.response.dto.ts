import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { ErasedValue, personal } from '@lintas/platform/http/openapi/personal-data.schema';

/** A person the caller may see, as a list shows them: the case, the name, the NIK's last digits. */
@ApiExtraModels(ErasedValue)
export class PersonFound {
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String, example: '3507-2026-00042' }) caseNumber!: string;
  /** The office owning the case. */
  @ApiProperty({ type: String }) officeId!: string;
  /** As identified, else a name the person gave when found; null when none is known. */
  @ApiProperty(personal({ type: 'string' }, true)) name!: string | null | ErasedValue;
  /** The NIK's last four digits, when one is known: the full NIK is read (and recorded) on the case. */
  @ApiProperty({ type: String, nullable: true, pattern: '^\\d{4}$' }) nikLast4!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) registeredAt!: Date;
  /** Why it was found: the case number, the NIK, a name, or a mark. */
  @ApiProperty({ enum: ['case-number', 'nik', 'name', 'descriptor'] }) matchedOn!: string;
}
