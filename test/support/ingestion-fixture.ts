import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { DATABASE, type Database } from '#database';
import { IngestBatchCommand, IngestCommand, type BatchOutcome, type CommandEnvelope, type CommandResult, type CommandType } from '#ingestion';
import { LogInsider } from '#event-store-postgres/testing';
import { AppModule, type Runtime } from '#app';
import { openTestRuntime } from './test-runtime.js';

/** Imports commands through a CommandBus in atomic batches, failing on the first refused one. */
export async function importCommands(bus: CommandBus, commands: Iterable<CommandEnvelope>, batchSize = 400): Promise<void> {
  let batch: CommandEnvelope[] = [];
  const flush = async () => {
    const outcome = await bus.execute(new IngestBatchCommand(batch, 'operator:test'));
    if (!outcome.ok) throw new Error(outcome.errors[0]!.error.message);
    batch = [];
  };
  for (const command of commands) {
    batch.push(command);
    if (batch.length === batchSize) await flush();
  }
  if (batch.length) await flush();
}

/** The app's modules without HTTP, and a CommandBus to send ingestion commands through. */
export class IngestionFixture {
  private constructor(
    readonly context: INestApplicationContext,
    readonly bus: CommandBus,
    readonly database: Database,
  ) {}

  /** On a fresh test runtime, or on the one given (another event store, say). */
  static async start(given?: Runtime): Promise<IngestionFixture> {
    const runtime = given ?? (await openTestRuntime());
    const context = await NestFactory.createApplicationContext(AppModule.forRoot(runtime), { logger: false });
    return new IngestionFixture(context, context.get(CommandBus), context.get(DATABASE));
  }

  send(type: CommandType, payload: Record<string, unknown>, commandId: string = randomUUID()): Promise<CommandResult> {
    return this.bus.execute(new IngestCommand({ commandId, type, payload }, 'operator:test'));
  }

  sendBatch(commands: { type: CommandType; payload: Record<string, unknown>; commandId?: string }[]): Promise<BatchOutcome> {
    const envelopes = commands.map((c) => ({ commandId: c.commandId ?? randomUUID(), type: c.type, payload: c.payload }));
    return this.bus.execute(new IngestBatchCommand(envelopes, 'operator:test'));
  }

  /** Imports commands through the CommandBus in atomic batches, failing on the first refused one. */
  importCommands(commands: Iterable<CommandEnvelope>, batchSize = 400): Promise<void> {
    return importCommands(this.bus, commands, batchSize);
  }

  async eventCount(): Promise<number> {
    return new LogInsider(this.database.pool).count();
  }

  async eventsOf(streamId: string): Promise<{ type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[]> {
    // One stream's events lie in the log in the order of their revisions.
    return (await new LogInsider(this.database.pool).storedEvents({ streamId })).map((e) => ({ type: e.event_type, data: e.data, metadata: e.metadata }));
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

export const T = (day: number, hour = 9) => `2024-04-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+09:00`;

/** A small world: a city, the pension service, a points-card company, their datasets and permitted row. */
export async function registerWorld(f: IngestionFixture): Promise<void> {
  await f.send('RegisterOrganization', { organizationId: 'city-yokohama', name: '横浜市', kind: 'MUNICIPALITY', domains: ['TAX', 'SOCIAL_SECURITY', 'DISASTER'], occurredAt: T(1) });
  await f.send('RegisterOrganization', { organizationId: 'jps', name: '日本年金機構', kind: 'PENSION', domains: ['SOCIAL_SECURITY'], occurredAt: T(1) });
  await f.send('RegisterOrganization', { organizationId: 'points-co', name: 'ポイント株式会社', kind: 'PRIVATE_BUSINESS', domains: ['PRIVATE'], occurredAt: T(1) });
  await f.send('RegisterDataset', {
    datasetId: 'yokohama-resident-tax', holderId: 'city-yokohama', name: '個人住民税課税台帳', purpose: '個人住民税の賦課徴収', domain: 'TAX',
    legalBasis: '地方税法', keyedBy: ['MY_NUMBER', 'INTERNAL_ID'], basic4Fields: ['NAME_KANJI', 'NAME_KANA', 'BIRTH_DATE', 'SEX', 'ADDRESS'], occurredAt: T(1),
  });
  await f.send('RegisterDataset', {
    datasetId: 'jps-pension', holderId: 'jps', name: '年金記録', purpose: '年金給付', domain: 'SOCIAL_SECURITY',
    legalBasis: '国民年金法', keyedBy: ['PENSION_NUMBER', 'AGENCY_CODE'], basic4Fields: ['NAME_KANJI', 'BIRTH_DATE', 'SEX'], occurredAt: T(1),
  });
  await f.send('RegisterDataset', {
    datasetId: 'points-members', holderId: 'points-co', name: '会員台帳', purpose: 'ポイントサービスの提供', domain: 'PRIVATE',
    keyedBy: ['MEMBER_NUMBER'], basic4Fields: ['NAME_KANA', 'BIRTH_DATE', 'ADDRESS'], occurredAt: T(1),
  });
  await f.send('RegisterPermittedProvision', {
    permittedProvisionId: 'table2-row-1', requesterId: 'jps', providerId: 'city-yokohama', procedure: '国民年金保険料の免除に関する事務',
    items: ['INCOME'], legalBasis: '番号法別表第二 第37項', occurredAt: T(1),
  });
}

export const MY_NUMBER = '123456789018';
export const myNumber = { kind: 'MY_NUMBER', value: MY_NUMBER };
export const internalId = { kind: 'INTERNAL_ID', value: 'Y-0001', scope: 'city-yokohama' };
