import { Global, Module } from '@nestjs/common';
import { CaseRegister } from './case-register';
import { FamilyTracingStarter } from './family-tracing-starter';
import { ReunificationWriter } from './reunification-writer';

// Global because the reactions are instantiated inside MessagingModule, which sees only global providers.
@Global()
@Module({
  providers: [ReunificationWriter, CaseRegister, FamilyTracingStarter],
  exports: [ReunificationWriter, CaseRegister, FamilyTracingStarter],
})
export class ReunificationWritesModule {}
