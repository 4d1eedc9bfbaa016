import { Global, Module } from '@nestjs/common';
import { OriginCheckController } from './origin-check.controller';
import { OriginPolicy } from './origin-policy';

@Global()
@Module({
  controllers: [OriginCheckController],
  providers: [OriginPolicy],
  exports: [OriginPolicy],
})
export class OriginsModule {}
