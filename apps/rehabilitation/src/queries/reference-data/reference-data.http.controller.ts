import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Allow } from '@lintas/platform/http/agency/agency.guard';
import { ATENSI_CATALOGUES, CURRENT_ATENSI_VERSION } from '../../domain/atensi/atensi-service-types';
import { CURRENT_FUNCTIONING_VERSION, FUNCTIONING_INSTRUMENTS } from '../../domain/atensi/functioning-domains';
import { AtensiServicesResponse, FunctioningInstrumentsResponse } from './reference-data.response.dto';

/** The versioned reference data a panti chooses codes from when it plans, records and reviews ATENSI work. */
@Controller('reference-data')
export class ReferenceDataController {
  @Get('atensi-services')
  @ApiOperation({
    summary: 'ATENSI service catalogue',
    description:
      'Every ATENSI catalogue version, its seven service types and their subtypes: the codes an ATENSI plan ' +
      'names (`<type>` or `<type>/<subtype>`) and a delivered service records (`type`, `subtype`).',
  })
  @ApiOkResponse({ type: AtensiServicesResponse, description: 'The ATENSI catalogues.' })
  @Allow('panti')
  atensiServices(): AtensiServicesResponse {
    return { currentVersion: CURRENT_ATENSI_VERSION, catalogues: Object.values(ATENSI_CATALOGUES) };
  }

  @Get('functioning-instruments')
  @ApiOperation({
    summary: 'Functioning instruments',
    description:
      'Every functioning instrument version: the domains a progress review suggests scoring (the keys of ' +
      '`scores`) and the scale of the scores.',
  })
  @ApiOkResponse({ type: FunctioningInstrumentsResponse, description: 'The functioning instruments.' })
  @Allow('panti')
  functioningInstruments(): FunctioningInstrumentsResponse {
    return { currentVersion: CURRENT_FUNCTIONING_VERSION, instruments: Object.values(FUNCTIONING_INSTRUMENTS) };
  }
}
