import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { StreamWriter } from './stream-writer';

/**
 * Commands dispatched through @nestjs/cqrs's CommandBus to the `@CommandHandler` in each use
 * case's folder, all writing through the one StreamWriter. Global: controllers, reactions and
 * handlers anywhere in a service use them.
 */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [StreamWriter],
  exports: [StreamWriter],
})
export class CommandsModule {}
