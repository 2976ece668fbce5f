import { z } from 'zod';
import { Dataset } from '../domain/aggregates/dataset.aggregate.js';
import { Link } from '../domain/aggregates/link.aggregate.js';
import { Organization, PermittedProvision } from '../domain/aggregates/organization.aggregate.js';
import { Access, Provision } from '../domain/aggregates/provision.aggregate.js';
import { DatasetRecord } from '../domain/aggregates/record.aggregate.js';
import { Subject } from '../domain/aggregates/subject.aggregate.js';
import type { StreamWrite } from '../domain/deciders/decision.js';
import { enrollSubject, issueIdentifier, retireIdentifier, succeedIdentifier } from '../domain/deciders/identifier.decider.js';
import { linkRecords, unlinkRecords } from '../domain/deciders/link.decider.js';
import { registerDataset, registerOrganization, registerPermittedProvision } from '../domain/deciders/organization.decider.js';
import { accessInformation, provideInformation, releaseNonDisclosure } from '../domain/deciders/provision.decider.js';
import { amendRecord, registerRecord } from '../domain/deciders/record.decider.js';
import { grantConsent, withdrawConsent } from '../domain/deciders/subject.decider.js';
import { DatasetRegistered } from '../domain/events/dataset.events.js';
import { linkKey } from '../domain/events/link.events.js';
import { OrganizationRegistered, PermittedProvisionRegistered } from '../domain/events/organization.events.js';
import {
  ACCESS_CHANNELS,
  ACCESS_OUTCOMES,
  BASIC4_FIELDS,
  DOMAINS,
  IDENTIFIER_KINDS,
  ORGANIZATION_KINDS,
  PROVISION_OUTCOMES,
  RETIREMENT_REASONS,
  entityId,
  instant,
  staffCode,
  text,
} from '../domain/vocabulary.js';
import { catalogueItems } from '../domain/items.catalogue.js';
import type { CommandContext } from './command-context.js';
import { basic4Input, identifierInput } from './privacy-edge.js';

/** A command: the schema of its payload (raw values allowed) and the handler that loads, then decides. */
interface CommandDefinition<Schema extends z.ZodType> {
  payload: Schema;
  handle(payload: z.output<Schema>, ctx: CommandContext): Promise<StreamWrite[]>;
}

const command = <Schema extends z.ZodType>(payload: Schema, handle: CommandDefinition<Schema>['handle']) => ({ payload, handle });

const issuable = identifierInput.extend({ validUntil: instant.nullish() });

/**
 * Every ingestion command by name. Each handler reads what its decision needs (I/O), fingerprints raw
 * values at the edge, and leaves the decision to a pure decider in `domain/deciders`.
 */
export const COMMANDS = {
  RegisterOrganization: command(OrganizationRegistered.schema, async (p, ctx) => {
    ctx.authorize('payload.organizationId', p.organizationId);
    return [registerOrganization(await ctx.load(Organization, p.organizationId), p)];
  }),

  RegisterPermittedProvision: command(
    PermittedProvisionRegistered.schema.extend({ items: catalogueItems }),
    async (p, ctx) => {
      // The table of permitted provisions is the law's, not an organization's: operators register its rows.
      ctx.authorize('payload.permittedProvisionId');
      const [row, requester, provider] = [
        await ctx.load(PermittedProvision, p.permittedProvisionId),
        await ctx.load(Organization, p.requesterId),
        await ctx.load(Organization, p.providerId),
      ];
      return [registerPermittedProvision(row, requester, provider, p)];
    },
  ),

  RegisterDataset: command(
    DatasetRegistered.schema.extend({ legalBasis: DatasetRegistered.schema.shape.legalBasis.nullish().transform((v) => v ?? null) }),
    async (p, ctx) => {
      ctx.authorize('payload.holderId', p.holderId);
      return [registerDataset(await ctx.load(Dataset, p.datasetId), await ctx.load(Organization, p.holderId), p)];
    },
  ),

  EnrollSubject: command(
    z.strictObject({ enrolledBy: entityId, identifiers: z.array(issuable).min(1, 'must name at least one identifier').max(20), occurredAt: instant }),
    async (p, ctx) => {
      ctx.authorize('payload.enrolledBy', p.enrolledBy);
      const subjectId = ctx.derivedId('subject');
      const identifiers = await Promise.all(
        p.identifiers.map(async (input, i) => {
          const id = await ctx.identifier(input, `payload.identifiers[${i}]`);
          const data = { subjectId, kind: id.kind, fingerprint: id.fingerprint, scope: id.scope, issuedBy: p.enrolledBy, validUntil: input.validUntil ?? null, occurredAt: p.occurredAt };
          return { loaded: id.loaded, data };
        }),
      );
      return enrollSubject(await ctx.load(Subject, subjectId), await ctx.load(Organization, p.enrolledBy), identifiers, p.occurredAt);
    },
  ),

  IssueIdentifier: command(
    z.strictObject({ issuedBy: entityId, subject: identifierInput, identifier: issuable, occurredAt: instant }),
    async (p, ctx) => {
      ctx.authorize('payload.issuedBy', p.issuedBy);
      const { subjectId } = await ctx.subject(p.subject, 'payload.subject');
      const id = await ctx.identifier(p.identifier, 'payload.identifier');
      const data = { subjectId, kind: id.kind, fingerprint: id.fingerprint, scope: id.scope, issuedBy: p.issuedBy, validUntil: p.identifier.validUntil ?? null, occurredAt: p.occurredAt };
      return [issueIdentifier(id.loaded, await ctx.load(Organization, p.issuedBy), data, 'payload.identifier')];
    },
  ),

  RetireIdentifier: command(
    z.strictObject({ retiredBy: entityId, identifier: identifierInput, reason: z.enum(RETIREMENT_REASONS), occurredAt: instant }),
    async (p, ctx) => {
      ctx.authorize('payload.retiredBy', p.retiredBy);
      const id = await ctx.identifier(p.identifier, 'payload.identifier');
      const subjectId = id.loaded.state.issued ? id.loaded.state.subjectId : '00000000-0000-0000-0000-000000000000';
      const data = { subjectId, kind: id.kind, fingerprint: id.fingerprint, reason: p.reason, retiredBy: p.retiredBy, occurredAt: p.occurredAt };
      return [retireIdentifier(id.loaded, await ctx.load(Organization, p.retiredBy), data)];
    },
  ),

  LinkIdentifierSuccessor: command(
    z.strictObject({
      linkedBy: entityId,
      identifier: identifierInput,
      successor: identifierInput,
      consentReference: entityId.nullish().transform((v) => v ?? null),
      occurredAt: instant,
    }),
    async (p, ctx) => {
      ctx.authorize('payload.linkedBy', p.linkedBy);
      const old = await ctx.identifier(p.identifier, 'payload.identifier');
      const next = await ctx.identifier(p.successor, 'payload.successor');
      const subjectId = old.loaded.state.issued ? old.loaded.state.subjectId : '00000000-0000-0000-0000-000000000000';
      const data = {
        subjectId,
        kind: old.kind,
        fingerprint: old.fingerprint,
        successorFingerprint: next.fingerprint,
        consentReference: p.consentReference,
        linkedBy: p.linkedBy,
        occurredAt: p.occurredAt,
      };
      return [succeedIdentifier(old.loaded, next.loaded, await ctx.load(Organization, p.linkedBy), data)];
    },
  ),

  RegisterRecord: command(
    z.strictObject({
      recordId: entityId,
      datasetId: entityId,
      subject: identifierInput,
      /** The identifiers the record is keyed by; the subject's identifier when omitted. */
      identifiers: z.array(identifierInput).max(20).optional(),
      basic4: basic4Input,
      occurredAt: instant,
    }),
    async (p, ctx) => {
      const { subjectId, viaIdentifier } = await ctx.subject(p.subject, 'payload.subject');
      const identifiers = p.identifiers
        ? await Promise.all(p.identifiers.map(async (input, i) => (await ctx.subject(input, `payload.identifiers[${i}]`)).viaIdentifier))
        : [viaIdentifier];
      const data = { recordId: p.recordId, datasetId: p.datasetId, holderId: '', subjectId, identifiers, basic4: ctx.basic4(p.basic4, 'payload.basic4'), occurredAt: p.occurredAt };
      const dataset = await ctx.load(Dataset, p.datasetId);
      if (dataset.state.registered) ctx.authorize('payload.datasetId', dataset.state.holderId);
      return [registerRecord(await ctx.load(DatasetRecord, p.recordId), dataset, data)];
    },
  ),

  AmendRecord: command(
    z.strictObject({ recordId: entityId, basic4: basic4Input, reason: text(200), occurredAt: instant }),
    async (p, ctx) => {
      const record = await ctx.load(DatasetRecord, p.recordId);
      const dataset = await ctx.load(Dataset, record.state.registered ? record.state.datasetId : '-');
      if (record.state.registered) ctx.authorize('payload.recordId', record.state.holderId);
      return [amendRecord(record, dataset, { recordId: p.recordId, basic4: ctx.basic4(p.basic4, 'payload.basic4'), reason: p.reason, occurredAt: p.occurredAt })];
    },
  ),

  LinkRecords: command(
    z.strictObject({
      linkId: entityId,
      organizationId: entityId,
      staffCode,
      records: z.tuple([entityId, entityId]),
      key: linkKey,
      purpose: text(),
      legalBasis: text().nullish().transform((v) => v ?? null),
      expectedCutOffAt: instant.nullish().transform((v) => v ?? null),
      occurredAt: instant,
    }),
    async (p, ctx) => {
      ctx.authorize('payload.organizationId', p.organizationId);
      const records = [await ctx.load(DatasetRecord, p.records[0]), await ctx.load(DatasetRecord, p.records[1])] as const;
      return [linkRecords(await ctx.load(Link, p.linkId), [...records], await ctx.load(Organization, p.organizationId), p)];
    },
  ),

  UnlinkRecords: command(
    z.strictObject({ linkId: entityId, organizationId: entityId, staffCode, reason: text(), occurredAt: instant }),
    async (p, ctx) => {
      ctx.authorize('payload.organizationId', p.organizationId);
      const link = await ctx.load(Link, p.linkId);
      const holders: string[] = [];
      for (const recordId of link.state.status === 'none' ? [] : link.state.records) {
        const record = await ctx.load(DatasetRecord, recordId);
        if (record.state.registered) holders.push(record.state.holderId);
      }
      return [unlinkRecords(link, await ctx.load(Organization, p.organizationId), holders, p)];
    },
  ),

  ProvideInformation: command(
    z.strictObject({
      provisionId: entityId,
      requesterId: entityId,
      providerId: entityId,
      subject: identifierInput,
      items: catalogueItems,
      procedure: text(),
      legalBasis: text(),
      requestedAt: instant,
      providedAt: instant.nullish().transform((v) => v ?? null),
      outcome: z.enum(PROVISION_OUTCOMES),
      nonDisclosure: z.boolean().default(false),
    }),
    async (p, ctx) => {
      ctx.authorize('payload.requesterId', p.requesterId, p.providerId);
      const { subject, ...rest } = p;
      const { subjectId, viaIdentifier } = await ctx.subject(subject, 'payload.subject');
      const data = { ...rest, subjectId, viaIdentifier, occurredAt: p.providedAt ?? p.requestedAt };
      return [
        provideInformation(await ctx.load(Provision, p.provisionId), await ctx.load(Organization, p.requesterId), await ctx.load(Organization, p.providerId), data),
      ];
    },
  ),

  ReleaseNonDisclosure: command(
    z.strictObject({ provisionId: entityId, releasedBy: entityId, occurredAt: instant }),
    async (p, ctx) => {
      ctx.authorize('payload.releasedBy', p.releasedBy);
      return [releaseNonDisclosure(await ctx.load(Provision, p.provisionId), await ctx.load(Organization, p.releasedBy), p.provisionId, p.occurredAt)];
    },
  ),

  AccessInformation: command(
    z.strictObject({
      accessId: entityId,
      organizationId: entityId,
      staffCode,
      subject: identifierInput,
      datasetId: entityId,
      items: catalogueItems,
      purpose: text().nullish().transform((v) => v ?? null),
      channel: z.enum(ACCESS_CHANNELS),
      outcome: z.enum(ACCESS_OUTCOMES),
      occurredAt: instant,
    }),
    async (p, ctx) => {
      ctx.authorize('payload.organizationId', p.organizationId);
      const { subject, ...rest } = p;
      const { subjectId, viaIdentifier } = await ctx.subject(subject, 'payload.subject');
      return [
        accessInformation(await ctx.load(Access, p.accessId), await ctx.load(Organization, p.organizationId), await ctx.load(Dataset, p.datasetId), {
          ...rest,
          subjectId,
          viaIdentifier,
        }),
      ];
    },
  ),

  GrantConsent: command(
    z.strictObject({ consentId: entityId, subject: identifierInput, organizationId: entityId, scope: text(200), purpose: text(), occurredAt: instant }),
    async (p, ctx) => {
      ctx.authorize('payload.organizationId', p.organizationId);
      const { subject, ...rest } = p;
      const { subjectId } = await ctx.subject(subject, 'payload.subject');
      return [grantConsent(await ctx.load(Subject, subjectId), await ctx.load(Organization, p.organizationId), { ...rest, subjectId })];
    },
  ),

  WithdrawConsent: command(
    z.strictObject({ consentId: entityId, subject: identifierInput, occurredAt: instant }),
    async (p, ctx) => {
      const { subjectId } = await ctx.subject(p.subject, 'payload.subject');
      const subject = await ctx.load(Subject, subjectId);
      const consent = subject.state.consents[p.consentId];
      if (consent) ctx.authorize('payload.consentId', consent.organizationId);
      return [withdrawConsent(subject, p.consentId, p.occurredAt)];
    },
  ),

} as const;

export type CommandType = keyof typeof COMMANDS;
export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

/** A command as clients send it: a client-chosen id (for idempotent retries), its type and payload. */
export const commandEnvelope = z.strictObject({
  commandId: z.uuid('must be a UUID, chosen by the client so that a retry is recognized'),
  type: z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]], `must be one of ${COMMAND_TYPES.join(', ')}`),
  payload: z.record(z.string(), z.unknown()),
});
export type CommandEnvelope = z.output<typeof commandEnvelope>;
