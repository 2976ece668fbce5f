import { domainEvent } from '#vocabulary';
import { Organization } from '../domain/aggregates/organization.aggregate.js';
import { Provision } from '../domain/aggregates/provision.aggregate.js';
import { given, when } from '../testing/given-when-then.js';
import { informationProvided, registeredOrganization, SUBJECT } from '../testing/streams.js';
import { releaseNonDisclosure } from './release-non-disclosure.command.js';

const RELEASED = '2024-06-01T00:00:00.000Z';
const provided = (nonDisclosure: boolean) => informationProvided({ nonDisclosure });
const hidden = given(Provision, 'p-1', provided(true));

describe('ReleaseNonDisclosure (不開示の解除)', () => {
  it('given a provision hidden from the person, when its requester releases it, then the release names the subject and the requester', () => {
    const released = domainEvent('NonDisclosureReleased', { provisionId: 'p-1', subjectId: SUBJECT, releasedBy: 'city', occurredAt: RELEASED });
    expect(when(() => releaseNonDisclosure(hidden, registeredOrganization('city'), 'p-1', RELEASED))).toEqual({
      writes: [{ streamId: 'provision-p-1', expected: 0n, events: [released] }],
      events: [released],
    });
  });

  it('given a provision hidden from the person, when its provider releases it, then it is released by the provider', () => {
    expect(when(() => releaseNonDisclosure(hidden, registeredOrganization('pension', 'PENSION'), 'p-1', RELEASED))).toMatchObject({
      events: [{ type: 'NonDisclosureReleased', data: { releasedBy: 'pension' } }],
    });
  });

  it('given a provision hidden from the person, when an organization that is neither its requester nor its provider releases it, then it is forbidden', () => {
    expect(when(() => releaseNonDisclosure(hidden, registeredOrganization('shop', 'PRIVATE_BUSINESS'), 'p-1', RELEASED))).toEqual({
      refused: { code: 'FORBIDDEN', field: 'payload.releasedBy', reason: '"shop" is not party to provision "p-1": only its requester or provider can release its non-disclosure flag' },
    });
  });

  it('given a provision shown to the person, when a stranger to it releases it, then it is forbidden before the stranger learns it is not hidden', () => {
    expect(when(() => releaseNonDisclosure(given(Provision, 'p-1', provided(false)), registeredOrganization('shop', 'PRIVATE_BUSINESS'), 'p-1', RELEASED))).toMatchObject({
      refused: { code: 'FORBIDDEN', field: 'payload.releasedBy' },
    });
  });

  it('given a provision never hidden, when its requester releases it, then it is refused as an invariant of the provision', () => {
    expect(when(() => releaseNonDisclosure(given(Provision, 'p-1', provided(false)), registeredOrganization('city'), 'p-1', RELEASED))).toEqual({
      refused: { code: 'INVARIANT', field: 'payload.provisionId', reason: 'provision "p-1" is not under a non-disclosure flag' },
    });
  });

  it('given a provision released once, when it is released again, then it is refused as no longer under the flag', () => {
    const once = domainEvent('NonDisclosureReleased', { provisionId: 'p-1', subjectId: SUBJECT, releasedBy: 'city', occurredAt: RELEASED });
    expect(when(() => releaseNonDisclosure(given(Provision, 'p-1', provided(true), once), registeredOrganization('pension', 'PENSION'), 'p-1', RELEASED))).toMatchObject({
      refused: { code: 'INVARIANT', field: 'payload.provisionId' },
    });
  });

  it('given no provision, when it is released, then the provision is not found', () => {
    expect(when(() => releaseNonDisclosure(given(Provision, 'p-1'), registeredOrganization('city'), 'p-1', RELEASED))).toEqual({
      refused: { code: 'NOT_FOUND', field: 'payload.provisionId', reason: 'no provision "p-1" is recorded' },
    });
  });

  it('given an unregistered organization, when it releases a provision, then the organization is not found', () => {
    expect(when(() => releaseNonDisclosure(hidden, given(Organization, 'city'), 'p-1', RELEASED))).toMatchObject({
      refused: { code: 'NOT_FOUND', field: 'payload.releasedBy' },
    });
  });
});
