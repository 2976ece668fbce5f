import { invariant, notFound } from '../domain.errors.js';
import type { OrganizationState } from '../aggregates/organization.aggregate.js';
import type { DatasetState } from '../aggregates/dataset.aggregate.js';
import { type DatasetRegistered, domainEvent, type EventData, type OrganizationRegistered, type PermittedProvisionRegistered } from '#vocabulary';
import { write, type Loaded, type StreamWrite } from './decision.js';

/** An organization that must already be registered for a command to name it. */
export function requireOrganization(organization: Loaded<OrganizationState>, field: string): void {
  if (!organization.state.registered) throw notFound(field, `no organization "${organization.streamId.slice('organization-'.length)}" is registered`);
}

export function registerOrganization(organization: Loaded<OrganizationState>, data: EventData<typeof OrganizationRegistered>): StreamWrite {
  if (organization.state.registered) throw invariant('payload.organizationId', `organization "${data.organizationId}" is already registered`);
  return write(organization, domainEvent('OrganizationRegistered', data));
}

export function registerDataset(
  dataset: Loaded<DatasetState>,
  holder: Loaded<OrganizationState>,
  data: EventData<typeof DatasetRegistered>,
): StreamWrite {
  requireOrganization(holder, 'payload.holderId');
  if (dataset.state.registered) throw invariant('payload.datasetId', `dataset "${data.datasetId}" is already registered`);
  return write(dataset, domainEvent('DatasetRegistered', data));
}

export function registerPermittedProvision(
  row: Loaded<{ registered: boolean }>,
  requester: Loaded<OrganizationState>,
  provider: Loaded<OrganizationState>,
  data: EventData<typeof PermittedProvisionRegistered>,
): StreamWrite {
  requireOrganization(requester, 'payload.requesterId');
  requireOrganization(provider, 'payload.providerId');
  if (row.state.registered) throw invariant('payload.permittedProvisionId', `permitted provision "${data.permittedProvisionId}" is already registered`);
  return write(row, domainEvent('PermittedProvisionRegistered', data));
}
