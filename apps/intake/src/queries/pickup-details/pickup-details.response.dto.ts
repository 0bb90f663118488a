import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { AGENCY_KINDS } from '@lintas/platform/http/agency/agency-token';
import { ClaimedIdentity, Descriptors } from '../../application/identity.response.dto';
import { ErasedValue, personal } from '@lintas/platform/http/openapi/personal-data.schema';
import { KAB_KOTA, KECAMATAN } from '../../application/request-fields';
import type { AgencyKind } from '../../domain/actor';
import { PICKUP_CIRCUMSTANCES, type PickupCircumstance } from '../../domain/pickup/pickup.commands';

/** Where the person was found. */
@ApiExtraModels(ErasedValue)
export class PickupLocation {
  /** The place in words. */
  @ApiProperty(personal({ type: 'string' })) text!: string | ErasedValue;
  @ApiProperty(personal({ type: 'number', minimum: -90, maximum: 90 }, true)) lat!: number | null | ErasedValue;
  @ApiProperty(personal({ type: 'number', minimum: -180, maximum: 180 }, true)) lon!: number | null | ErasedValue;
  /** Kabupaten/kota, 4 digits: whose Dinas Sosial receives the person. */
  @ApiProperty({ type: String, pattern: KAB_KOTA.source }) regionCode!: string;
  /** Kecamatan, 6 digits, when the unit knew it. */
  @ApiProperty({ type: String, pattern: KECAMATAN.source, nullable: true }) kecamatanCode!: string | null;
}

/** The pickup as the unit reported it. */
@ApiExtraModels(ErasedValue, ClaimedIdentity, Descriptors)
export class PickupReport {
  @ApiProperty({ type: String, format: 'uuid' }) pickupId!: string;
  /** The person the pickup is about. */
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The reporting unit. */
  @ApiProperty({ type: String }) unitId!: string;
  @ApiProperty({ enum: AGENCY_KINDS }) unitKind!: AgencyKind;
  /** The officers' references, as the unit gave them. */
  @ApiProperty({ type: [String] }) officerRefs!: string[];
  /** When the person was found, in UTC. */
  @ApiProperty({ type: String, format: 'date-time' }) foundAt!: string;
  /** When the report was made, with the offset it was given with. */
  @ApiProperty({ type: String, format: 'date-time' }) reportedAt!: string;
  @ApiProperty({ type: PickupLocation }) location!: PickupLocation;
  /** Why the unit brought the person in; several may hold at once. */
  @ApiProperty({ enum: PICKUP_CIRCUMSTANCES, isArray: true }) circumstances!: PickupCircumstance[];
  @ApiProperty(personal({ type: 'string' }, true)) circumstancesNote!: string | null | ErasedValue;
  @ApiProperty(personal({ type: 'string' })) observedCondition!: string | ErasedValue;
  @ApiProperty(personal({ type: 'array', items: { type: 'string' } })) belongings!: string[] | ErasedValue;
  /** What the person or a bystander said; null when nothing was. */
  @ApiProperty(personal({ $ref: getSchemaPath(ClaimedIdentity) }, true))
  claimedIdentity!: ClaimedIdentity | null | ErasedValue;
  /** How to recognise the person; null when the unit gave none. */
  @ApiProperty(personal({ $ref: getSchemaPath(Descriptors) }, true)) descriptors!: Descriptors | null | ErasedValue;
  /** An object-store key of the photo, never the image. */
  @ApiProperty(personal({ type: 'string' }, true)) photoRef!: string | null | ErasedValue;
}

/** The hand-over receipt: the person passed to the Dinas Sosial and the pickup closed. */
@ApiExtraModels(ErasedValue)
export class PickupHandOver {
  @ApiProperty({ type: String, format: 'uuid' }) pickupId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The receiving Dinas Sosial. */
  @ApiProperty({ type: String }) officeId!: string;
  /** The unit that brought the person in. */
  @ApiProperty({ type: String }) handedOverBy!: string;
  /** Staff reference of who received the person, when given. */
  @ApiProperty({ type: String, nullable: true }) receivedBy!: string | null;
  /** When the person was received, with the offset it was given with. */
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt!: string;
  @ApiProperty(personal({ type: 'string' }, true)) conditionOnReceipt!: string | null | ErasedValue;
  @ApiProperty(personal({ type: 'array', items: { type: 'string' } })) belongingsHandedOver!: string[] | ErasedValue;
  /** The shelter (rumah singgah) the person went to. */
  @ApiProperty(personal({ type: 'string' }, true)) shelter!: string | null | ErasedValue;
}

/** A pickup and its hand-over receipt, from the pickup's stream. */
export class PickupDetailsResponse {
  @ApiProperty({ type: PickupReport }) report!: PickupReport;
  /** Null until the person is handed over. */
  @ApiProperty({ type: PickupHandOver, nullable: true }) handOver!: PickupHandOver | null;
  /** The pickup stream's version: the ETag to send back as If-Match. */
  @ApiProperty({ type: 'integer', minimum: 0 }) version!: number;
}
