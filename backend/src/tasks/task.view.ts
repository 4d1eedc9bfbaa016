import { ApiProperty } from '@nestjs/swagger';
import { Task } from './task.entity';

/** A task as every client sees it (REST, MCP, chat). `id` is the user's task number. */
export class TaskView {
  @ApiProperty({ example: 3, description: "The user's task number" }) id: number;
  @ApiProperty({ example: 'Buy milk' }) title: string;
  @ApiProperty({ type: String, nullable: true, example: '2 liters' }) description: string | null;
  @ApiProperty() completed: boolean;
  @ApiProperty({ example: '2026-11-25T18:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-11-25T18:00:00.000Z' }) updated_at: string;
  @ApiProperty({ type: String, nullable: true }) completed_at: string | null;
}

export class TaskPage {
  @ApiProperty({ type: [TaskView] }) data: TaskView[];
  @ApiProperty() has_more: boolean;
  @ApiProperty({ required: false, description: 'Pass as `cursor` to get the next page' })
  next_cursor?: string;
}

export function toTaskView(t: Task): TaskView {
  return {
    id: t.number,
    title: t.title,
    description: t.description,
    completed: t.completed,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    completed_at: t.completedAt ? t.completedAt.toISOString() : null,
  };
}
