import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Sql } from '../database/sql.service';
import { TasksModule } from '../tasks/tasks.module';
import { AdminSitesController } from './admin-sites.controller';
import { GuestSweeper } from './guest-sweeper';
import { SiteAccess } from './site-access';
import { SiteManagers } from './site-managers';
import { SiteRegistry } from './site-registry.service';
import { SiteSessionsController } from './site-sessions.controller';
import { SiteSessionsService } from './site-sessions.service';
import { SiteUsage } from './site-usage';
import { SiteUsersService } from './site-users.service';
import { SitesService } from './sites.service';

/** Sites: the embedding websites, their users, their routes and their in-memory view (global: auth needs it). */
@Global()
@Module({
  imports: [TasksModule],
  controllers: [SiteSessionsController, AdminSitesController],
  providers: [
    SiteRegistry,
    SiteAccess,
    SiteManagers,
    SiteUsersService,
    SiteSessionsService,
    GuestSweeper,
    {
      provide: SitesService,
      inject: [Sql, SiteRegistry, APP_CONFIG],
      useFactory: (sql: Sql, registry: SiteRegistry, config: AppConfig) =>
        new SitesService(sql.master, registry.secretBox, config.publicUrl, () => registry.reload()),
    },
    { provide: SiteUsage, inject: [Sql], useFactory: (sql: Sql) => new SiteUsage(sql) },
  ],
  exports: [SiteRegistry, SiteAccess, SiteManagers, SiteUsersService, SiteUsage, GuestSweeper],
})
export class SitesModule {}
