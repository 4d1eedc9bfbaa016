import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OriginCheckController } from './origin-check.controller';
import { OriginPolicy } from './origin-policy';

@Global()
@Module({
  controllers: [OriginCheckController],
  providers: [
    { provide: OriginPolicy, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new OriginPolicy(c) },
  ],
  exports: [OriginPolicy],
})
export class OriginsModule {}
