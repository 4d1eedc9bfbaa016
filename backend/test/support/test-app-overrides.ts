import type { DynamicModule, INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { startTestApp, TestApp } from './test-app';

export interface ProviderOverride {
  provide: unknown;
  useValue: unknown;
}

/**
 * `startTestApp` with some providers replaced (e.g. the agent runner by a scripted one): the real `createApp`
 * builds the app — middleware, auth, filters — but Nest instantiates it from a testing module with the
 * overrides, for the duration of this call.
 */
export async function startTestAppWith(
  overrides: ProviderOverride[],
  env: Record<string, string> = {},
): Promise<TestApp> {
  const original = NestFactory.create.bind(NestFactory);
  const create = async (
    module: DynamicModule,
    options?: NestApplicationOptions,
  ): Promise<INestApplication> => {
    let builder = Test.createTestingModule({ imports: [module] });
    for (const o of overrides) builder = builder.overrideProvider(o.provide).useValue(o.useValue);
    return (await builder.compile()).createNestApplication(options);
  };
  (NestFactory as { create: unknown }).create = create;
  try {
    return await startTestApp(env);
  } finally {
    (NestFactory as { create: unknown }).create = original;
  }
}
