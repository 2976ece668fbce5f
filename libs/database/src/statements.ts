import { hash } from 'node:crypto';
import type { Backend } from './database.js';

/** A statement as `pg` takes it; with a name, the server keeps it parsed and planned on each connection. */
export interface Statement {
  name?: string;
  text: string;
}

/**
 * Hot statements, prepared by name where the server keeps them per connection: PostgreSQL then parses and
 * plans each once per connection (and settles on a generic plan after five runs) instead of on every call —
 * planning the API's largest reads cost more than running them. PGlite's socket multiplexer shares one
 * session among its clients, so a name could outlive the client that prepared it: there they stay unnamed.
 * Texts are built from the code's own fragments (values travel as parameters), so they are few and kept.
 */
export class Statements {
  private readonly named = new Map<string, Statement>();

  constructor(private readonly prepare: boolean) {}

  static for(backend: Backend): Statements {
    return new Statements(backend === 'postgres');
  }

  of(text: string): Statement {
    if (!this.prepare) return { text };
    let statement = this.named.get(text);
    if (!statement) this.named.set(text, (statement = { name: `himotoki_${hash('sha1', text).slice(0, 24)}`, text }));
    return statement;
  }
}
