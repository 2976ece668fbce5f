import { InvalidTokenError, TokenService } from './token.service.js';

const key = Buffer.alloc(32, 7);

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

  it('stops accepting a remembered token once it expires', async () => {
    const shortLived = await tokens.mint({ role: 'OPERATOR', id: 'o' }, 1);
    await tokens.verify(shortLived);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(tokens.verify(shortLived)).rejects.toThrow('expired');
  });
});
