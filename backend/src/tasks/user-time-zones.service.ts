import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DEFAULT_TIME_ZONE } from './schedule/time-zones';
import { UserSettings } from './user-settings.entity';

/**
 * Each user's time zone, as their client last reported it (the widget sends the browser's with every chat
 * request). REST and MCP calls, which carry none, resolve and filter dates in the remembered one; UTC until then.
 */
@Injectable()
export class UserTimeZones {
  constructor(@InjectRepository(UserSettings) private readonly settings: Repository<UserSettings>) {}

  async get(userId: string): Promise<string> {
    const row = await this.settings.findOne({ select: { timeZone: true }, where: { userId } });
    return row?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** Stores a zone the caller already validated (one statement, which writes nothing when it is unchanged). */
  async remember(userId: string, timeZone: string): Promise<void> {
    await this.settings.query(
      `INSERT INTO user_settings (user_id, time_zone) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, updated_at = now()
       WHERE user_settings.time_zone IS DISTINCT FROM EXCLUDED.time_zone`,
      [userId, timeZone],
    );
  }
}
