import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { decideOccupancy } from '../../application/occupancy-decision';
import { AdmitResidentCommand } from './admit-resident.command';

@CommandHandler(AdmitResidentCommand)
export class AdmitResidentHandler implements ICommandHandler<AdmitResidentCommand> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  execute({ command, cause }: AdmitResidentCommand): Promise<WriteResult> {
    return this.streams.transaction((tx) => decideOccupancy(tx, command, cause));
  }
}
