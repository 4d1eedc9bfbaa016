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
import { TaskPage, TaskView, toTaskView } from './task.view';
import { TasksService } from './tasks.service';

const taskId = new PositiveIntPipe('id');

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
    const page = await this.tasks.list(user.id, query);
    return { ...page, data: page.data.map(toTaskView) };
  }

  @Post()
  @ApiOkResponse({ type: TaskView })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateTaskDto): Promise<TaskView> {
    return toTaskView(await this.tasks.create(user.id, body));
  }

  @Get(':id')
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: TaskView })
  async get(@CurrentUser() user: AuthUser, @Param('id', taskId) id: number): Promise<TaskView> {
    return toTaskView(await this.tasks.get(user.id, id));
  }

  @Put(':id')
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: TaskView })
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
      }),
    );
  }

  @Patch(':id')
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: TaskView })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', taskId) id: number,
    @Body() body: UpdateTaskDto,
  ): Promise<TaskView> {
    return toTaskView(await this.tasks.update(user.id, id, body));
  }

  @Patch(':id/complete')
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: TaskView })
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
