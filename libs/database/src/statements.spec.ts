import { Statements } from './statements.js';

describe('prepared statements', () => {
  it('names each text once and for all on PostgreSQL, a different name for a different text', () => {
    const statements = Statements.for('postgres');
    const a = statements.of('SELECT $1::int');
    expect(a.name).toMatch(/^himotoki_[0-9a-f]{24}$/);
    expect(statements.of('SELECT $1::int')).toBe(a);
    expect(new Statements(true).of('SELECT $1::int').name).toBe(a.name);
    expect(statements.of('SELECT $1::text').name).not.toBe(a.name);
  });

  it('leaves statements unnamed on PGlite, whose socket shares one session among its clients', () => {
    expect(Statements.for('pglite').of('SELECT 1')).toEqual({ text: 'SELECT 1' });
  });
});
