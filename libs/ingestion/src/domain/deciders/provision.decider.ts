import { forbidden, invalid, invariant, notFound } from '../domain.errors.js';
import type { DatasetState } from '../aggregates/dataset.aggregate.js';
import type { OrganizationState } from '../aggregates/organization.aggregate.js';
import type { ProvisionState } from '../aggregates/provision.aggregate.js';
import { domainEvent, type EventData, type InformationAccessed, type InformationProvided } from '#vocabulary';
import { write, type Loaded, type StreamWrite } from './decision.js';
import { requireOrganization } from './organization.decider.js';

/** 情報提供: a provision names registered organizations; a provided one has a provision time, not before the request. */
export function provideInformation(
  provision: Loaded<ProvisionState>,
  requester: Loaded<OrganizationState>,
  provider: Loaded<OrganizationState>,
  data: EventData<typeof InformationProvided>,
): StreamWrite {
  requireOrganization(requester, 'payload.requesterId');
  requireOrganization(provider, 'payload.providerId');
  if (provision.state.recorded) throw invariant('payload.provisionId', `provision "${data.provisionId}" is already recorded`);
  if (data.outcome === 'PROVIDED' && data.providedAt === null) throw invalid('payload.providedAt', 'a provided provision needs the time it was provided');
  if (data.outcome !== 'PROVIDED' && data.providedAt !== null) throw invalid('payload.providedAt', `a provision with outcome ${data.outcome} provided nothing`);
  if (data.providedAt !== null && data.providedAt < data.requestedAt) throw invalid('payload.providedAt', 'is before the request');
  return write(provision, domainEvent('InformationProvided', data));
}

/** 不開示の解除: only a party to the provision (its requester or provider) lifts the flag that hides it from the person. */
export function releaseNonDisclosure(provision: Loaded<ProvisionState>, releaser: Loaded<OrganizationState>, provisionId: string, occurredAt: string): StreamWrite {
  requireOrganization(releaser, 'payload.releasedBy');
  if (!provision.state.recorded) throw notFound('payload.provisionId', `no provision "${provisionId}" is recorded`);
  const releasedBy = releaser.streamId.slice('organization-'.length);
  if (releasedBy !== provision.state.requesterId && releasedBy !== provision.state.providerId) {
    throw forbidden('payload.releasedBy', `"${releasedBy}" is not party to provision "${provisionId}": only its requester or provider can release its non-disclosure flag`);
  }
  if (!provision.state.nonDisclosure) throw invariant('payload.provisionId', `provision "${provisionId}" is not under a non-disclosure flag`);
  return write(provision, domainEvent('NonDisclosureReleased', { provisionId, subjectId: provision.state.subjectId, releasedBy, occurredAt }));
}

/** 閲覧・利用: recorded against a registered organization and dataset, once per access id. */
export function accessInformation(
  access: Loaded<{ recorded: boolean }>,
  organization: Loaded<OrganizationState>,
  dataset: Loaded<DatasetState>,
  data: EventData<typeof InformationAccessed>,
): StreamWrite {
  requireOrganization(organization, 'payload.organizationId');
  if (!dataset.state.registered) throw notFound('payload.datasetId', `no dataset "${data.datasetId}" is registered`);
  if (access.state.recorded) throw invariant('payload.accessId', `access "${data.accessId}" is already recorded`);
  return write(access, domainEvent('InformationAccessed', data));
}
