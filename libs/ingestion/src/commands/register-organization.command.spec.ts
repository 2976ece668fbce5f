import { domainEvent } from '#vocabulary';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { AT } from '../testing/streams.js';
import { registerOrganization } from './register-organization.command.js';

const city = { organizationId: 'city', name: '横浜市', kind: 'MUNICIPALITY' as const, domains: ['TAX' as const, 'SOCIAL_SECURITY' as const], occurredAt: AT };

describe('RegisterOrganization (組織の登録)', () => {
  it('given no organization by that id, when it is registered, then its stream begins with the registration', () => {
    expect(when(() => registerOrganization(given(Organization, 'city'), city))).toEqual({
      writes: [{ streamId: 'organization-city', expected: 'no_stream', events: [domainEvent('OrganizationRegistered', city)] }],
      events: [domainEvent('OrganizationRegistered', city)],
    });
  });

  it('given a registered organization, when it is registered again, then it is refused as an invariant of its id', () => {
    expect(when(() => registerOrganization(given(Organization, 'city', domainEvent('OrganizationRegistered', city)), city))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.organizationId', reason: 'organization "city" is already registered' },
    });
  });

  it('given a registered organization, when its id is registered under another name and kind, then it is refused all the same', () => {
    const other = { ...city, name: '偽の横浜市', kind: 'PRIVATE_BUSINESS' as const, domains: ['PRIVATE' as const] };
    expect(when(() => registerOrganization(given(Organization, 'city', domainEvent('OrganizationRegistered', city)), other))).toMatchObject({
      refused: { code: 'INVARIANT', field: 'payload.organizationId' },
    });
  });
});
