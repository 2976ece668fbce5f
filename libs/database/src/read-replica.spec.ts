import { databaseOptionsFromEnv, replicaUrl } from './open-database.js';
import { lsnBytes } from './read-replica.js';

describe('read replica configuration', () => {
  it('reads DATABASE_URL’s database on the replica when DATABASE_READ_URL names none, and refuses another database', () => {
    expect(replicaUrl('postgres://app@primary:5432/himotoki', 'postgres://reader@replica:5433')).toBe('postgres://reader@replica:5433/himotoki');
    expect(replicaUrl('postgres://app@primary:5432/himotoki', 'postgres://reader@replica:5433/himotoki?sslmode=require')).toBe('postgres://reader@replica:5433/himotoki?sslmode=require');
    expect(() => replicaUrl('postgres://app@primary/himotoki', 'postgres://reader@replica/other')).toThrow('DATABASE_READ_URL names the database other, DATABASE_URL himotoki');
  });

  it('takes DATABASE_READ_URL and HIMOTOKI_REPLICA_WAIT_MS with DATABASE_URL, and leaves them unused on the embedded database', () => {
    const env = { DATABASE_URL: 'postgres://p@127.0.0.1:5432/db', DATABASE_READ_URL: 'postgres://p@127.0.0.1:5433', HIMOTOKI_REPLICA_WAIT_MS: '250' };
    expect(databaseOptionsFromEnv(env)).toMatchObject({ readUrl: 'postgres://p@127.0.0.1:5433/db', replicaWaitMs: 250 });
    expect(databaseOptionsFromEnv({ ...env, DATABASE_URL: '', HIMOTOKI_DATA_DIR: ':memory:' })).toMatchObject({ url: undefined, readUrl: undefined });
    expect(() => databaseOptionsFromEnv({ ...env, HIMOTOKI_REPLICA_WAIT_MS: 'soon' })).toThrow('HIMOTOKI_REPLICA_WAIT_MS must be a number of milliseconds, not soon');
  });

  it('orders WAL positions as the server does: the high word first', () => {
    expect(lsnBytes('0/16B3748')).toBe(0x16b3748n);
    expect(lsnBytes('1/0')).toBeGreaterThan(lsnBytes('0/FFFFFFFF'));
    expect(lsnBytes('16/B374D848') - lsnBytes('16/B374D800')).toBe(0x48n);
  });
});
