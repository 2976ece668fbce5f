import { writeFile } from 'node:fs/promises';
import { COMMANDS, COMMAND_TYPES } from '#ingestion';
import { journalProjection } from '#journal';
import type { Projection } from '#projections';
import { PROJECTIONS } from './projections.js';

const kebab = (name: string) => name.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase();

/**
 * docs/commands.md: each command, the file that holds its schema, handler and decider, the events it records,
 * and the read models that read each event — made from the code, so that it cannot drift from it.
 */
export function renderCommandsDoc(projections: readonly Projection[] = [...PROJECTIONS, journalProjection]): string {
  const readers = (type: string) =>
    projections
      .filter((p) => p.handles === undefined || p.handles.has(type))
      .map((p) => `\`${p.name}\``)
      .join(', ');
  const rows = COMMAND_TYPES.map((type) => {
    const command = COMMANDS[type];
    const events = command.emits.map((e) => `\`${e}\` → ${readers(e)}`).join('<br>');
    return `| \`${type}\` | [\`${kebab(type)}.command.ts\`](../libs/ingestion/src/commands/${kebab(type)}.command.ts) | ${events} |`;
  });
  return [
    '# Commands, their events, and the read models that read them',
    '',
    'Made from the code by `npm run docs:commands`; a test fails when this page and the code disagree.',
    'Each command file holds the payload schema, the handler (what it loads) and the pure decider (what it decides); its decider is specified beside it in Given/When/Then (`<name>.command.spec.ts`).',
    'A read model listed for an event reads it in its `<name>.projection.ts` (`handles`); the journal seals every event.',
    '',
    '| command | file | events it records → read models that read them |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

export async function writeCommandsDoc(path: string): Promise<void> {
  await writeFile(path, renderCommandsDoc());
}
