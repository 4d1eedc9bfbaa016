import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { PositiveIntPipe } from '../common/positive-int.pipe';
import { UserPathGuard } from '../common/user-path.guard';
import {
  CompleteTaskDto,
  CreateTaskDto,
  ListTasksQueryDto,
  ReplaceTaskDto,
  UpdateTaskDto,
} from './dto/task.dto';
import { CompletedTaskView, TaskPage, TaskView, toTaskView } from './task.view';
import { TaskChanges, TasksService } from './tasks.service';

const taskId = new PositiveIntPipe('id');

/** The new fields of a body as the service takes them; only those given change (null clears). */
function fieldChanges(body: CreateTaskDto | UpdateTaskDto): TaskChanges {
  const changes: TaskChanges = {};
  if (body.priority !== undefined) changes.priority = body.priority;
  if (body.tags !== undefined) changes.tags = body.tags ?? [];
  if (body.due_at !== undefined) changes.due = body.due_at;
  if (body.recurrence !== undefined) changes.recurrence = body.recurrence;
  if (body.remind_at !== undefined) changes.remind_at = body.remind_at;
  return changes;
}

/** REST tasks, at `/api/tasks` and at the seed's `/api/{user_id}/tasks`. */
@ApiTags('tasks')
@ApiBearerAuth()
@UseGuards(UserPathGuard)
@Controller(['api/tasks', 'api/:userId/tasks'])
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOkResponse({ type: TaskPage })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListTasksQueryDto): Promise<TaskPage> {
    const { tag, ...rest } = query;
    const page = await this.tasks.list(user.id, { ...rest, tags: tag });
    return { ...page, data: page.data.map((t) => toTaskView(t)) };
  }

  @Post()
  @ApiOkResponse({ type: TaskView })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateTaskDto): Promise<TaskView> {
    const { title, description } = body;
    return toTaskView(await this.tasks.create(user.id, { title, description, ...fieldChanges(body) }));
  }

  @Get(':id')
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: TaskView })
  async get(@CurrentUser() user: AuthUser, @Param('id', taskId) id: number): Promise<TaskView> {
    return toTaskView(await this.tasks.get(user.id, id));
  }

  @Put(':id')
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: CompletedTaskView })
  async replace(
    @CurrentUser() user: AuthUser,
    @Param('id', taskId) id: number,
    @Body() body: ReplaceTaskDto,
  ): Promise<TaskView> {
    return toTaskView(
      await this.tasks.update(user.id, id, {
        title: body.title,
        description: body.description ?? null,
        completed: body.completed,
        ...fieldChanges(body),
      }),
    );
  }

  @Patch(':id')
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: CompletedTaskView })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', taskId) id: number,
    @Body() body: UpdateTaskDto,
  ): Promise<TaskView> {
    const { title, description, completed } = body;
    return toTaskView(
      await this.tasks.update(user.id, id, { title, description, completed, ...fieldChanges(body) }),
    );
  }

  @Patch(':id/complete')
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: CompletedTaskView, description: 'A repeating task completed: with next_occurrence' })
  async complete(
    @CurrentUser() user: AuthUser,
    @Param('id', taskId) id: number,
    @Body() body: CompleteTaskDto,
  ): Promise<TaskView> {
    return toTaskView(await this.tasks.setCompleted(user.id, id, body?.completed));
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: TaskView })
  async remove(@CurrentUser() user: AuthUser, @Param('id', taskId) id: number): Promise<TaskView> {
    return toTaskView(await this.tasks.remove(user.id, id));
  }
}
