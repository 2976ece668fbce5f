import { z } from 'zod';
import { AccessInformation } from '../commands/access-information.command.js';
import { AmendRecord } from '../commands/amend-record.command.js';
import { CorrectEvent } from '../commands/correct-event.command.js';
import { EnrollSubject } from '../commands/enroll-subject.command.js';
import { GrantConsent } from '../commands/grant-consent.command.js';
import { IssueIdentifier } from '../commands/issue-identifier.command.js';
import { LinkIdentifierSuccessor } from '../commands/link-identifier-successor.command.js';
import { LinkRecords } from '../commands/link-records.command.js';
import { ProvideInformation } from '../commands/provide-information.command.js';
import { RegisterDataset } from '../commands/register-dataset.command.js';
import { RegisterOrganization } from '../commands/register-organization.command.js';
import { RegisterPermittedProvision } from '../commands/register-permitted-provision.command.js';
import { RegisterRecord } from '../commands/register-record.command.js';
import { ReleaseNonDisclosure } from '../commands/release-non-disclosure.command.js';
import { RetireIdentifier } from '../commands/retire-identifier.command.js';
import { UnlinkRecords } from '../commands/unlink-records.command.js';
import { WithdrawConsent } from '../commands/withdraw-consent.command.js';

/**
 * Every ingestion command by name. Each is one file, `commands/<name>.command.ts`, holding its payload schema,
 * its handler (which reads what the decision needs and fingerprints raw values at the edge) and its pure
 * decider.
 */
export const COMMANDS = {
  RegisterOrganization,
  RegisterPermittedProvision,
  RegisterDataset,
  EnrollSubject,
  IssueIdentifier,
  RetireIdentifier,
  LinkIdentifierSuccessor,
  RegisterRecord,
  AmendRecord,
  LinkRecords,
  UnlinkRecords,
  ProvideInformation,
  ReleaseNonDisclosure,
  AccessInformation,
  GrantConsent,
  WithdrawConsent,
  CorrectEvent,
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
