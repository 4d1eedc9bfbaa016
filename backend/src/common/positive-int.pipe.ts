import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Route ids such as a task number: a positive integer, or 400 naming the parameter. */
@Injectable()
export class PositiveIntPipe implements PipeTransform<string, number> {
  constructor(private readonly name = 'id') {}

  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) {
      throw new BadRequestException(`${this.name} must be a positive integer`);
    }
    return Number(value);
  }
}
