import { ApiProperty } from '@nestjs/swagger';

/** A kind of delivery within a service type; recorded as `subtype`, planned as `<type>/<subtype>`. */
export class AtensiSubtypeView {
  @ApiProperty({ type: String, example: 'psychosocial' }) code!: string;
  /** In Bahasa Indonesia. */
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
}

export class AtensiServiceTypeView {
  @ApiProperty({ type: String, example: 'therapy' }) code!: string;
  /** The name in the regulation. */
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) nameEn!: string;
  @ApiProperty({ type: [AtensiSubtypeView] }) subtypes!: readonly AtensiSubtypeView[];
}

/** One version of the ATENSI catalogue: a plan names the version its codes belong to. */
export class AtensiCatalogueView {
  @ApiProperty({ type: String, example: '2021' }) version!: string;
  @ApiProperty({ type: String }) legalBasis!: string;
  /** The regulation this version replaced, if any. */
  @ApiProperty({ type: String, nullable: true }) replaces!: string | null;
  @ApiProperty({ type: [AtensiServiceTypeView] }) serviceTypes!: readonly AtensiServiceTypeView[];
}

export class AtensiServicesResponse {
  /** The version new plans are agreed under when they name none. */
  @ApiProperty({ type: String, example: '2021' }) currentVersion!: string;
  @ApiProperty({ type: [AtensiCatalogueView] }) catalogues!: readonly AtensiCatalogueView[];
}

/** One version of the functioning instrument a progress review scores with. */
export class FunctioningInstrumentView {
  @ApiProperty({ type: String, example: 'lintas-1' }) version!: string;
  /** The domains a review suggests; a review may score others too. */
  @ApiProperty({ type: [String] }) domains!: readonly string[];
  @ApiProperty({ type: 'integer' }) minScore!: number;
  @ApiProperty({ type: 'integer' }) maxScore!: number;
}

export class FunctioningInstrumentsResponse {
  /** The version a review is recorded under when it names none. */
  @ApiProperty({ type: String, example: 'lintas-1' }) currentVersion!: string;
  @ApiProperty({ type: [FunctioningInstrumentView] }) instruments!: readonly FunctioningInstrumentView[];
}
