import { jest } from '@jest/globals';
import { createHmac, hkdfSync } from 'node:crypto';
import { InvalidTokenError, TokenService } from './token.service.js';

const key = Buffer.alloc(32, 7);
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed as the service signs (HMAC-SHA-256 under the key derived from the platform key), whatever it says. */
function signed(header: object, claims: object): string {
  const signingKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'himotoki bearer tokens v1', 32));
  const body = `${base64url(header)}.${base64url(claims)}`;
  return `${body}.${createHmac('sha256', signingKey).update(body).digest('base64url')}`;
}

describe('TokenService', () => {
  const tokens = new TokenService(key);

  it('mints and verifies each role with what it is bound to', async () => {
    expect(await tokens.verify(await tokens.mint({ role: 'AUDITOR', id: 'a', organizationId: 'ppc' }))).toEqual({ role: 'AUDITOR', id: 'a', organizationId: 'ppc' });
    expect(await tokens.verify(await tokens.mint({ role: 'SUBJECT', id: 's', subjectId: 'x' }))).toEqual({ role: 'SUBJECT', id: 's', subjectId: 'x' });
    expect(await tokens.verify(await tokens.mint({ role: 'OPERATOR', id: 'o' }))).toEqual({ role: 'OPERATOR', id: 'o' });
  });

  it('refuses a token signed with another key, a tampered one, and an expired one', async () => {
    const foreign = await new TokenService(Buffer.alloc(32, 8)).mint({ role: 'OPERATOR', id: 'o' });
    await expect(tokens.verify(foreign)).rejects.toBeInstanceOf(InvalidTokenError);
    const genuine = await tokens.mint({ role: 'ORGANIZATION', id: 'c', organizationId: 'city' });
    await tokens.verify(genuine);
    const [header, , signature] = genuine.split('.');
    const claims = Buffer.from(JSON.stringify({ role: 'OPERATOR', sub: 'c', iss: 'himotoki', exp: 9_999_999_999 })).toString('base64url');
    // A verified token is remembered; a different string (claims swapped, same signature) is not.
    await expect(tokens.verify(`${header}.${claims}.${signature}`)).rejects.toThrow('not valid');
    const expired = await tokens.mint({ role: 'OPERATOR', id: 'o' }, -10);
    await expect(tokens.verify(expired)).rejects.toThrow('expired');
  });

  it('accepts a correctly signed token only with an HS256 header, our issuer, an expiry and no future nbf', async () => {
    const claims = { role: 'OPERATOR', sub: 'o', iss: 'himotoki', exp: 9_999_999_999 };
    expect(await tokens.verify(signed({ alg: 'HS256', typ: 'JWT' }, claims))).toEqual({ role: 'OPERATOR', id: 'o' });
    await expect(tokens.verify(signed({ alg: 'HS512' }, claims))).rejects.toThrow('not valid');
    await expect(tokens.verify(signed({ alg: 'none' }, claims))).rejects.toThrow('not valid');
    await expect(tokens.verify(signed({ alg: 'HS256', crit: ['b64'], b64: false }, claims))).rejects.toThrow('not valid');
    await expect(tokens.verify(signed({ alg: 'HS256' }, { ...claims, iss: 'someone-else' }))).rejects.toThrow('not valid');
    await expect(tokens.verify(signed({ alg: 'HS256' }, { ...claims, iss: undefined }))).rejects.toThrow('not valid');
    await expect(tokens.verify(signed({ alg: 'HS256' }, { ...claims, exp: undefined }))).rejects.toThrow('no expiry');
    await expect(tokens.verify(signed({ alg: 'HS256' }, { ...claims, exp: '9999999999' }))).rejects.toThrow('no expiry');
    await expect(tokens.verify(signed({ alg: 'HS256' }, { ...claims, nbf: 9_999_999_000 }))).rejects.toThrow('not valid yet');
    expect(await tokens.verify(signed({ alg: 'HS256' }, { ...claims, sub: 'p', nbf: 1 }))).toEqual({ role: 'OPERATOR', id: 'p' });
    await expect(tokens.verify(signed({ alg: 'HS256' }, { ...claims, role: ['OPERATOR'] }))).rejects.toThrow('names no role');
  });

  it('refuses what is not a signed JWT: too few parts, a signature in another encoding, JSON that is not an object', async () => {
    const genuine = await tokens.mint({ role: 'OPERATOR', id: 'o' });
    const [header, claims, signature] = genuine.split('.') as [string, string, string];
    await expect(tokens.verify(`${header}.${claims}`)).rejects.toThrow('not valid');
    await expect(tokens.verify(`${genuine}.`)).rejects.toThrow('not valid');
    // The same MAC in standard base64 (padded): jose accepts only base64url, and so does the service.
    await expect(tokens.verify(`${header}.${claims}.${Buffer.from(signature, 'base64url').toString('base64')}`)).rejects.toThrow('not valid');
    const array = signed({ alg: 'HS256' }, []);
    await expect(tokens.verify(array)).rejects.toThrow('not valid');
  });

  it('stops accepting a remembered token once it expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-24T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const shortLived = await tokens.mint({ role: 'OPERATOR', id: 'o' }, 1);
      expect(await tokens.verify(shortLived)).toEqual({ role: 'OPERATOR', id: 'o' });
      jest.setSystemTime(new Date('2026-11-24T00:00:00.999Z'));
      expect(await tokens.verify(shortLived)).toEqual({ role: 'OPERATOR', id: 'o' });
      jest.setSystemTime(new Date('2026-11-24T00:00:01.001Z'));
      await expect(tokens.verify(shortLived)).rejects.toThrow('expired');
    } finally {
      jest.useRealTimers();
    }
  });
});
