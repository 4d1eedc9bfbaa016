import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentModule } from './agent/agent.module';
import { AuthModule } from './auth/auth.module';
import { ChatModule } from './chat/chat.module';
import { ChatKitModule } from './chatkit/chatkit.module';
import { ApiValidationPipe } from './common/api-validation.pipe';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { BackendEventBus } from './common/task-events';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source';
import { DATABASE_ENDPOINT, DatabaseEndpoint } from './database/database-endpoint';
import { Sql } from './database/sql.service';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { McpModule } from './mcp/mcp.module';
import { OAuthModule } from './oauth/oauth.module';
import { OriginsModule } from './origins/origins.module';
import { RemindersModule } from './reminders/reminders.module';
import { SitesModule } from './sites/sites.module';
import { TasksModule } from './tasks/tasks.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig, db: DatabaseEndpoint): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_ENDPOINT, useValue: db },
        BackendEventBus,
        Sql,
      ],
      exports: [APP_CONFIG, DATABASE_ENDPOINT, BackendEventBus, Sql],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, db: DatabaseEndpoint): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, db),
        TypeOrmModule.forRoot(dataSourceOptions(db.url, db.poolMax)),
        SitesModule,
        AuthModule,
        HealthModule,
        OriginsModule,
        TasksModule,
        McpModule,
        OAuthModule,
        JobsModule,
        EventsModule,
        WebhooksModule,
        RemindersModule,
        AgentModule,
        ChatModule,
        ChatKitModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useClass: ApiValidationPipe },
      ],
    };
  }
}
