import { DataSource, DataSourceOptions } from 'typeorm';
import { ChatThread } from '../conversations/chat-thread.entity';
import { ChatThreadItem } from '../conversations/chat-thread-item.entity';
import { Task, TaskCounter } from '../tasks/task.entity';
import { UserSettings } from '../tasks/user-settings.entity';
import { CreateTasks1764000000000 } from './migrations/1764000000000-create-tasks';
import { CreateChatThreads1764100000000 } from './migrations/1764100000000-create-chat-threads';
import { TaskListIndexes1764200000000 } from './migrations/1764200000000-task-list-indexes';
import { CreateChatRateWindows1764400000000 } from './migrations/1764400000000-create-chat-rate-windows';
import { TaskFields1764500000000 } from './migrations/1764500000000-task-fields';
import { CreateSites1764600000000 } from './migrations/1764600000000-create-sites';
import { SiteOwners1764700000000 } from './migrations/1764700000000-site-owners';
import { TaskEvents1764800000000 } from './migrations/1764800000000-task-events';
import { Webhooks1764900000000 } from './migrations/1764900000000-webhooks';
import { TaskChanges1764850000000 } from './migrations/1764850000000-task-changes';
import { Reminders1765000000000 } from './migrations/1765000000000-reminders';

export const ENTITIES = [Task, TaskCounter, UserSettings, ChatThread, ChatThreadItem];
export const MIGRATIONS = [
  CreateTasks1764000000000,
  CreateChatThreads1764100000000,
  TaskListIndexes1764200000000,
  CreateChatRateWindows1764400000000,
  TaskFields1764500000000,
  CreateSites1764600000000,
  SiteOwners1764700000000,
  TaskEvents1764800000000,
  TaskChanges1764850000000,
  Webhooks1764900000000,
  Reminders1765000000000,
];

/** TypeORM options: migrations only, never synchronize. */
export function dataSourceOptions(url: string, poolMax: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built in (PG ≥ 13, PGlite); uuid-ossp is not available on PGlite.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize: poolMax,
    extra: { max: poolMax, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
    logging: false,
  };
}

export function createDataSource(url: string, poolMax: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolMax));
}
