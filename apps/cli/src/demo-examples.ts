import type { AccessHistoryQueries } from '#access-history';
import { itemByCode } from '#ingestion';
import type { RegistryQueries } from '#registry';

/** The ids the demo's examples use: ones its population really has, read from the read models after the import. */
export interface DemoIds {
  /** The subject with the longest history. */
  subjectId: string;
  /** A My Number the demo issued to that subject (synthetic: the generator knows it before the edge fingerprints it). */
  myNumber: string | null;
  /** An item of that subject's history, preferably one another organization provided. */
  item: string;
  /** A dataset holding one of that subject's records, used in their history. */
  datasetId: string;
  /** The organization with the most lines, whose token the examples use. */
  organizationId: string;
}

export type ExampleRole = 'AUDITOR' | 'ORGANIZATION' | 'SUBJECT';

/** One ready-to-paste example: a single named operation (so that it can be pasted alone into the IDE) and who sends it. */
export interface DemoExample {
  title: string;
  role: ExampleRole;
  query: string;
}

/** Picks the examples' ids from the projected read models; `myNumbers` maps each enrolled subject to the My Number it was enrolled with. */
export async function pickDemoIds(
  readModels: { history: AccessHistoryQueries; registry: RegistryQueries },
  myNumbers: ReadonlyMap<string, string>,
): Promise<DemoIds> {
  const busiest = await readModels.history.mostRecorded();
  if (!busiest) throw new Error('the demo population left no access history to show');
  const { subjectId } = busiest;
  const [item] = await readModels.history.itemsOf(subjectId);
  // A dataset the registry knows (a record's dataset may have gone unregistered), else the first registered.
  const used = await readModels.history.datasetsUsedFor(subjectId);
  const registered = new Set((await readModels.registry.datasetsById(used)).map((d) => d.id));
  const datasetId = used.find((d) => registered.has(d)) ?? (await readModels.registry.datasets({}, {}, 1)).rows[0]?.id;
  return {
    subjectId,
    myNumber: myNumbers.get(subjectId) ?? null,
    item: item ?? 'LOCAL_TAX_INCOME',
    datasetId: datasetId ?? 'unknown',
    organizationId: busiest.organizationId,
  };
}

/** The examples, each answering something for the demo's own data. */
export function demoExamples(ids: DemoIds): DemoExample[] {
  const item = itemByCode(ids.item);
  // An item is asked for by its Japanese name where the catalogue has one: the answer names it both ways.
  const asked = item?.ja ?? ids.item;
  const line = 'occurredAt kind organization { name } counterparty { name } namedItems { code nameJa nameEn } namedDatasets { id name } tieId purpose purposeEn';
  const examples: DemoExample[] = [
    { title: "A subject's access history, with names", role: 'AUDITOR', query: `query History { accessHistory(subjectId: "${ids.subjectId}", first: 5) { totalCount edges { node { ${line} } } } }` },
    {
      title: `Who obtained or used ${ids.item} (${asked}), and from whom`,
      role: 'AUDITOR',
      query: `query WhoAccessed { whoAccessed(subjectId: "${ids.subjectId}", item: "${asked}") { occurredAt kind organization { name } provider { name } dataset { name } item { code nameJa nameEn } purpose } }`,
    },
  ];
  if (ids.myNumber) {
    examples.push({
      title: 'Find the subject by their My Number (fingerprinted on the way in)',
      role: 'AUDITOR',
      query: `query FindSubject { subject(identifier: { kind: MY_NUMBER, value: "${ids.myNumber}" }) { id accessHistory(first: 3) { totalCount } } }`,
    });
  }
  examples.push(
    { title: "The subject's name-matching exposure, in words", role: 'AUDITOR', query: `query Exposure { exposure(subjectId: "${ids.subjectId}") { uniquelyMatchableDatasets lowestUniqueLevel explanations { topic ja en } } }` },
    { title: "A dataset's re-identification risk", role: 'AUDITOR', query: `query DatasetRisk { datasetRisk(datasetId: "${ids.datasetId}") { dataset { name holder { name } } records classes k sampleUniqueness } }` },
    { title: 'The organizations and datasets, to find ids', role: 'AUDITOR', query: `query Registry { organizations(first: 5) { totalCount edges { node { id name kind } } } datasets(first: 5) { totalCount edges { node { id name holder { name } } } } }` },
    { title: 'The item catalogue', role: 'AUDITOR', query: `query Items { items { code nameJa nameEn category { nameJa appendedTable } } }` },
    { title: 'The citizen’s own history (the Mynaportal view)', role: 'SUBJECT', query: `query Mine { me(first: 5) { totalCount edges { node { ${line} } } } }` },
    { title: 'The organization’s own datasets and its counterparties’', role: 'ORGANIZATION', query: `query OurDatasets { datasets(first: 5) { totalCount edges { node { id name holder { name } } } } }` },
  );
  return examples;
}

/** The examples as shell lines: a curl per example with its role's token, the operation as JSON. */
export function examplesAsCurl(url: string, tokens: Record<ExampleRole, string>, examples: readonly DemoExample[]): string {
  return examples
    .map((e) => `# ${e.title} (as ${e.role})\ncurl -s ${url}/graphql -H 'content-type: application/json' -H 'authorization: Bearer ${tokens[e.role]}' \\\n  -d '${JSON.stringify({ query: e.query }).replace(/'/g, `'\\''`)}'`)
    .join('\n\n');
}
