import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DATABASE, type Database } from '#database';
import { LogInsider } from '#event-store-postgres/testing';
import { ProjectionRunner } from '#projections';
import { importNdjson, type ImportSummary } from '../../apps/cli/src/import-ndjson.js';
import { GraphQLClient, ok, type GraphQLAnswer } from '../support/graphql-client.js';
import { settled } from '../support/read-models.js';
import { startTestApi, type TestTokens } from '../support/test-api.js';

/** The codes a refusal may carry: anything else (INTERNAL_SERVER_ERROR above all) is a defect. */
export const CLASSIFIED = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED'] as const;

export const MY_NUMBER = { kind: 'MY_NUMBER', value: '123456789018' };
export const INTERNAL_ID = { kind: 'INTERNAL_ID', value: 'H-0001', scope: 'city' };

/** A valid instant in the world's time (April 2024, Japan). */
export const at = (day: number, hour = 9) => `2024-04-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+09:00`;

/** Valid payloads of each command the campaigns send, against the world below; hostile cases change one field. */
export const valid = {
  accessInformation: (accessId = `acc-${randomUUID()}`) => ({
    accessId,
    organizationId: 'city',
    staffCode: 'C-1',
    subject: INTERNAL_ID,
    datasetId: 'city-tax',
    items: ['TAX_AMOUNT'],
    purpose: '住民税の賦課',
    channel: 'TERMINAL',
    outcome: 'GRANTED',
    occurredAt: at(10),
  }),
  registerOrganization: (organizationId = `org-${randomUUID().slice(0, 8)}`) => ({ organizationId, name: '横浜市', kind: 'MUNICIPALITY', domains: ['TAX'], occurredAt: at(1) }),
  registerRecord: (recordId = `rec-${randomUUID().slice(0, 8)}`) => ({
    recordId,
    datasetId: 'city-tax',
    subject: INTERNAL_ID,
    basic4: { nameKanji: '山田太郎', nameKana: 'ヤマダタロウ', birthDate: '1985-01-02', sex: 'MALE', address: '神奈川県横浜市中区港町1-1' },
    occurredAt: at(3),
  }),
  registerDataset: (datasetId = `ds-${randomUUID().slice(0, 8)}`) => ({
    datasetId,
    holderId: 'city',
    name: '課税台帳',
    purpose: '住民税の賦課',
    domain: 'TAX',
    keyedBy: ['MY_NUMBER', 'INTERNAL_ID'],
    basic4Fields: ['NAME_KANJI', 'NAME_KANA', 'ADDRESS', 'SEX', 'BIRTH_DATE'],
    occurredAt: at(1),
  }),
  linkRecords: (linkId = `tie-${randomUUID().slice(0, 8)}`) => ({ linkId, organizationId: 'city', staffCode: 'C-1', records: ['rec-1', 'rec-2'], key: { by: 'BASIC4' }, purpose: '名寄せ', occurredAt: at(4) }),
  grantConsent: (consentId = `consent-${randomUUID().slice(0, 8)}`) => ({ consentId, subject: INTERNAL_ID, organizationId: 'city', scope: '住民税', purpose: '賦課', occurredAt: at(4) }),
};
export type CommandName = keyof typeof valid;

/** The command type of a mutation (`accessInformation` → `AccessInformation`), as an import line names it. */
export const commandType = (mutation: string) => mutation[0]!.toUpperCase() + mutation.slice(1);

/**
 * A running API over real HTTP on a fresh database, with a world (three organizations, a dataset, a subject
 * with two records) registered through it; the citizen's token; and the import as `himotoki import` runs it.
 */
export class HostileWorld {
  private constructor(
    readonly app: INestApplication,
    readonly api: GraphQLClient,
    readonly mint: TestTokens,
    readonly city: GraphQLClient,
    readonly operator: GraphQLClient,
    readonly citizen: GraphQLClient,
    readonly subjectId: string,
    private readonly folder: string,
  ) {}

  static async start(): Promise<HostileWorld> {
    const { app, api, mint } = await startTestApi();
    const operator = api.as(await mint.operator());
    for (const organizationId of ['city', 'jps']) ok(await operator.mutate('registerOrganization', valid.registerOrganization(organizationId)));
    const city = api.as(await mint.organization('city'));
    ok(await city.mutate('registerDataset', valid.registerDataset('city-tax')));
    const enrolled = ok(await city.mutate('enrollSubject', { enrolledBy: 'city', identifiers: [MY_NUMBER, INTERNAL_ID], occurredAt: at(2) }));
    const subjectId = enrolled.enrollSubject!.events[0]!.streamId.slice('subject-'.length);
    ok(await city.mutate('registerRecord', valid.registerRecord('rec-1')));
    ok(await city.mutate('registerRecord', { ...valid.registerRecord('rec-2'), subject: MY_NUMBER }));
    const world = new HostileWorld(app, api, mint, city, operator, api.as(await mint.subject(subjectId)), subjectId, await mkdtemp(join(tmpdir(), 'himotoki-hostile-')));
    await world.settled();
    return world;
  }

  async close(): Promise<void> {
    await this.app.close();
    await rm(this.folder, { recursive: true, force: true });
  }

  get database(): Database {
    return this.app.get<Database>(DATABASE);
  }

  async eventCount(): Promise<number> {
    return new LogInsider(this.database.pool).count();
  }

  /** Waits until every projection has processed every event; throws if one is parked. */
  settled(): Promise<void> {
    return settled(this.app.get(ProjectionRunner));
  }

  /** `himotoki import` of these bytes (lines joined by LF), as the CLI runs it. */
  async import(content: string | Buffer, batchSize = 100): Promise<{ summary: ImportSummary; report: string[] }> {
    const file = join(this.folder, `${randomUUID()}.ndjson`);
    await writeFile(file, content);
    const report: string[] = [];
    const summary = await importNdjson(this.app.get(CommandBus), file, { batchSize, report: (line) => report.push(line), progress: false });
    return { summary, report };
  }

  /** The import line of a command. */
  static line(mutation: string, payload: unknown, commandId: string = randomUUID()): string {
    return JSON.stringify({ commandId, type: commandType(mutation), payload });
  }

  /** A raw POST to /graphql: status and parsed body (or the text, when it is not JSON). */
  async post(body: string | Buffer, token?: string, contentType = 'application/json'): Promise<{ status: number; body: any }> {
    const response = await fetch(`${await this.app.getUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: text };
    }
  }

  /**
   * A legitimate access sent now reaches the citizen's own history (`me`): the trail is not blinded. Waits
   * on the projections, which must not be parked.
   */
  async trailStillReachesTheCitizen(): Promise<void> {
    const occurredAt = new Date().toISOString();
    const sent = ok(await this.city.mutate('accessInformation', { ...valid.accessInformation(), occurredAt }));
    const eventId = sent.accessInformation!.events[0]!.eventId;
    await this.settled();
    const { me } = ok(
      await this.citizen.request<{ me: { edges: { node: { id: string } }[] } }>(`query ($from: DateTime) { me(first: 500, filter: { kinds: [ACCESS], from: $from }) { edges { node { id } } } }`, { from: occurredAt }),
    );
    if (!me.edges.some((e) => e.node.id === eventId)) throw new Error(`the access just sent (${eventId}) is not in the citizen's history: ${JSON.stringify(me)}`);
  }
}

/** The error codes of an answer. */
export const codesOf = (answer: GraphQLAnswer) => (answer.errors ?? []).map((e) => e.extensions?.code);
