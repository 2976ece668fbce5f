import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import type { z } from 'zod';
import { renderCommandsDoc } from '#app';
import { COMMANDS, COMMAND_TYPES } from '#ingestion';

/** The schema the server serves (schema-first), built from the same files. */
const schema = buildSchema(
  readdirSync('schema')
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => readFileSync(join('schema', f), 'utf8'))
    .join('\n'),
);

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  items?: z.ZodType[];
  entries?: Record<string, string>;
  options?: z.ZodType[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: ZodDef } })._zod.def;

/** The schema under optional/nullable/default/transform wrappers, and whether a client may leave it out. */
function unwrap(s: z.ZodType): { core: z.ZodType; optional: boolean } {
  let optional = false;
  for (;;) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
      optional = true;
      s = def.innerType!;
    } else if (def.type === 'pipe') s = def.in!;
    else return { core: s, optional };
  }
}

/** Where a GraphQL input type and a command's zod schema disagree, as readable differences. */
function differences(zodSchema: z.ZodType, type: GraphQLInputType, path: string): string[] {
  const named = getNamedType(type);
  const def = defOf(zodSchema);
  switch (def.type) {
    case 'object': {
      if (!isInputObjectType(named)) return [`${path}: an object in the command, ${named.name} in GraphQL`];
      const fields = named.getFields();
      const out: string[] = [];
      for (const key of new Set([...Object.keys(def.shape!), ...Object.keys(fields)])) {
        const field = fields[key];
        const member = def.shape![key];
        if (!field) out.push(`${path}.${key}: in the command, not in ${named.name}`);
        else if (!member) out.push(`${path}.${key}: in ${named.name}, not in the command`);
        else {
          const { core, optional } = unwrap(member);
          if (optional === isNonNullType(field.type)) out.push(`${path}.${key}: ${optional ? 'optional' : 'required'} in the command, not in GraphQL`);
          out.push(...differences(core, field.type, `${path}.${key}`));
        }
      }
      return out;
    }
    case 'union': {
      // A discriminated union is one GraphQL input holding every option's fields, the discriminator required.
      if (!isInputObjectType(named)) return [`${path}: a union in the command, ${named.name} in GraphQL`];
      const keys = new Set(def.options!.flatMap((o) => Object.keys(defOf(o).shape ?? {})));
      const fields = Object.keys(named.getFields());
      return [...keys].filter((k) => !fields.includes(k)).map((k) => `${path}.${k}: in the command, not in ${named.name}`)
        .concat(fields.filter((k) => !keys.has(k)).map((k) => `${path}.${k}: in ${named.name}, not in the command`));
    }
    case 'array':
    case 'tuple': {
      const unwrapped = isNonNullType(type) ? type.ofType : type;
      if (!isListType(unwrapped)) return [`${path}: a list in the command, not in GraphQL`];
      const element = def.type === 'array' ? def.element! : def.items![0]!;
      return differences(unwrap(element).core, unwrapped.ofType, `${path}[]`);
    }
    case 'enum': {
      if (!isEnumType(named)) return [`${path}: an enum in the command, ${named.name} in GraphQL`];
      const values = named.getValues().map((v) => v.name).sort();
      const options = Object.values(def.entries!).sort();
      return JSON.stringify(values) === JSON.stringify(options) ? [] : [`${path}: ${named.name} is ${values.join('|')}, the command ${options.join('|')}`];
    }
    case 'string':
      return isScalarType(named) && ['String', 'ID', 'DateTime'].includes(named.name) ? [] : [`${path}: a string in the command, ${named.name} in GraphQL`];
    case 'boolean':
      return named.name === 'Boolean' ? [] : [`${path}: a boolean in the command, ${named.name} in GraphQL`];
    case 'number':
      return ['Int', 'Float'].includes(named.name) ? [] : [`${path}: a number in the command, ${named.name} in GraphQL`];
    case 'record':
      return named.name === 'JSON' ? [] : [`${path}: a JSON object in the command, ${named.name} in GraphQL`];
    default:
      return [`${path}: no rule to compare a zod ${def.type} with GraphQL's ${named.name}`];
  }
}

describe('the GraphQL ingestion schema and the command schemas', () => {
  const mutations = schema.getMutationType()!.getFields();

  it.each(COMMAND_TYPES)('%s: one mutation whose input agrees with the command, field for field', (type) => {
    const mutation = mutations[type[0]!.toLowerCase() + type.slice(1)];
    expect(mutation).toBeDefined();
    expect(mutation!.args.map((a) => a.name).sort()).toEqual(['commandId', 'input']);
    expect(differences(COMMANDS[type].payload, mutation!.args.find((a) => a.name === 'input')!.type, 'input')).toEqual([]);
  });

  it('finds a disagreement when there is one', () => {
    const withExtra = COMMANDS.LinkRecords.payload.extend({ extra: COMMANDS.LinkRecords.payload.shape.purpose });
    expect(differences(withExtra, mutations.linkRecords!.args.find((a) => a.name === 'input')!.type, 'input')).toEqual(['input.extra: in the command, not in LinkRecordsInput']);
    expect(differences(COMMANDS.RegisterOrganization.payload, mutations.linkRecords!.args.find((a) => a.name === 'input')!.type, 'input').length).toBeGreaterThan(3);
  });
});

describe('docs/commands.md', () => {
  it('is what the code says: each command, its file, its events and the read models that read them', () => {
    // Written only by `npm run docs:commands`: a missing or stale page fails here.
    expect(readFileSync('docs/commands.md', 'utf8')).toBe(renderCommandsDoc());
  });
});
