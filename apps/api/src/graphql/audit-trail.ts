import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IngestCommand } from '#ingestion';
import type { Principal } from '../auth/principal.js';

/**
 * Who audits the auditors: every auditor query that touches subjects is stored as an event before its
 * answer leaves, and shows in those subjects' histories as AUDIT. No record, no answer.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly commands: CommandBus) {}

  async record(principal: Principal, operation: string, subjectIds: string[]): Promise<void> {
    if (principal.role !== 'AUDITOR' || subjectIds.length === 0) return;
    const payload = { auditorId: principal.id, organizationId: principal.organizationId, operation, subjectIds: [...new Set(subjectIds)], occurredAt: new Date().toISOString() };
    await this.commands.execute(new IngestCommand({ commandId: randomUUID(), type: 'RecordAuditorQuery', payload }, `auditor:${principal.id}`));
  }
}
