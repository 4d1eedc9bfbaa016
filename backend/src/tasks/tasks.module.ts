import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from '../common/clock';
import { Task, TaskCounter } from './task.entity';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { UserSettings } from './user-settings.entity';
import { UserTimeZones } from './user-time-zones.service';

@Module({
  imports: [TypeOrmModule.forFeature([Task, TaskCounter, UserSettings])],
  controllers: [TasksController],
  providers: [TasksService, UserTimeZones, Clock],
  exports: [TasksService, UserTimeZones, Clock],
})
export class TasksModule {}
