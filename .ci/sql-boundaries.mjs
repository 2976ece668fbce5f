// The event store's tables at run time: after every migration, no SQL function outside the event_store schema may
// name event_store.*, and a trigger on an event_store table may run a function of another schema only where it
// is named below, with the reason (docs/architecture.md). Read from the migrations in order, as they apply.
import { readFileSync, readdirSync } from 'node:fs';

/** Triggers on event_store tables that run another schema's function, each for the append's transaction's sake. */
const EXCEPTIONS = new Map([
  ['events_fail_closed', 'journal.refuse_when_stale: fail-closed must refuse the append inside its own transaction'],
]);

const dir = new URL('../migrations/', import.meta.url);
const functions = new Map(); // schema.name → body
const triggers = new Map(); // trigger name on an event_store table → function
for (const file of readdirSync(dir).filter((f) => /^\d+-.*\.ts$/.test(f)).sort()) {
  const up = readFileSync(new URL(file, dir), 'utf8').split(/async down\(/)[0];
  const statements = up.match(/(CREATE (OR REPLACE )?FUNCTION [\s\S]*?\$\$[\s\S]*?\$\$|DROP FUNCTION [^`]*|CREATE TRIGGER [^`]*|DROP TRIGGER [^`]*)/g) ?? [];
  for (const sql of statements) {
    let m;
    if ((m = /^CREATE (?:OR REPLACE )?FUNCTION (\w+\.\w+)\s*\(/.exec(sql))) functions.set(m[1], sql.slice(sql.indexOf('$$')));
    else if (sql.startsWith('DROP FUNCTION')) for (const [, name] of sql.matchAll(/(\w+\.\w+)\s*\(/g)) functions.delete(name);
    else if ((m = /^CREATE TRIGGER (\w+)[\s\S]*? ON event_store\.\w+[\s\S]*?EXECUTE FUNCTION (\w+\.\w+)/.exec(sql))) triggers.set(m[1], m[2]);
    else if ((m = /^DROP TRIGGER (\w+) ON event_store\./.exec(sql))) triggers.delete(m[1]);
  }
}
const problems = [];
for (const [name, body] of functions) {
  if (!name.startsWith('event_store.') && /\bevent_store\.\w+/.test(body)) problems.push(`function ${name} names event_store.* at run time: move it into the event store's schema and call it through its adapter`);
}
for (const [trigger, fn] of triggers) {
  if (!fn.startsWith('event_store.') && !EXCEPTIONS.has(trigger)) problems.push(`trigger ${trigger} on an event_store table runs ${fn}: name it in .ci/sql-boundaries.mjs with its reason, or move the function into the event store's schema`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(`boundaries: ${p}`);
  process.exit(1);
}
console.log(`boundaries: no function outside event_store names its tables; triggers on them run other schemas' functions only as named (${[...EXCEPTIONS.keys()].join(', ')})`);
