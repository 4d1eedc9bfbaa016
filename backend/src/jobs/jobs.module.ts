import { Global, Module } from '@nestjs/common';
import { Jobs } from './jobs.service';

/** The job engine (pg-boss), for reminders and webhook deliveries. */
@Global()
@Module({ providers: [Jobs], exports: [Jobs] })
export class JobsModule {}
