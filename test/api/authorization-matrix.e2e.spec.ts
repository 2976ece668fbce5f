/**
 * The authorization matrix of the GraphQL API: every root Query and Mutation field × every role, allowed and
 * refused, end to end over HTTP.
 *
 * The verdicts come from the documented rules, not from the resolvers: README.md (Auth, The GraphQL API,
 * Findings, Exposure, Compliance reports, the journal's table of who may ask) and the schema's descriptions,
 * summed up by the issue: "A SUBJECT sees only their own records and never a non-disclosed one; an
 * ORGANIZATION writes only events it is party to and reads only its own activity; no token, no data."
 *
 * Where the documents say nothing explicit about a field, the role descriptions are read as the whole of what
 * each role may do (README, Auth): AUDITOR reads everything; ORGANIZATION reads only its own activity;
 * SUBJECT reads `me`, their own history, exposure and linkage, findings and proofs about themselves;
 * The registry (organizations, datasets) is read by an organization for itself and its counterparties, those it
 * provided information to or obtained it from or shares a permitted row with (schema/common.graphql); the item
 * catalogue, names and nothing personal, by every signed-in role.
 * OPERATOR sees projections, health and the journal, and the registry whose events it may prove
 * (journal table: "events about no one (organizations, datasets, …)"), no personal histories. Commands are
 * sent by organizations (only events they are party to) and operators ("operators may send any"; the
 * permitted-provision table is operators' only); auditors and subjects send none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import type { INestApplication } from '@nestjs/common';
import { DATABASE, type Database } from '#database';
import { ProjectionRunner } from '#projections';
import { LogInsider } from '#event-store-postgres/testing';
import { JournalSealing } from '#app';
import { GraphQLClient, ok, type GraphQLAnswer } from '../support/graphql-client.js';
import { startTestApi } from '../support/test-api.js';
import { T } from '../support/ingestion-fixture.js';
import { settled } from '../support/read-models.js';
import { backendName } from '../support/test-database.js';
import { sealedAll } from '../journal/journal-support.js';

// ---------------------------------------------------------------------------------------------------------
// The matrix's vocabulary
// ---------------------------------------------------------------------------------------------------------

/** The columns of the matrix. */
const ROLES = ['none', 'auditor', 'operator', 'orgOwn', 'orgOther', 'subjectSelf', 'subjectOther'] as const;
type Role = (typeof ROLES)[number];

const ROLE_NAMES: Record<Role, string> = {
  none: 'no token',
  auditor: 'AUDITOR',
  operator: 'OPERATOR',
  orgOwn: 'ORGANIZATION (its own activity)',
  orgOther: 'ORGANIZATION (another’s)',
  subjectSelf: 'SUBJECT (about themselves)',
  subjectOther: 'SUBJECT (about someone else)',
};

type TokenName = 'auditor' | 'operator' | 'city' | 'newcomer' | 'taro';

/** Who sends a column's requests unless a case says otherwise: the organization is `city`, the subject is taro. */
const DEFAULT_TOKEN: Record<Role, TokenName | undefined> = {
  none: undefined,
  auditor: 'auditor',
  operator: 'operator',
  orgOwn: 'city',
  orgOther: 'city',
  subjectSelf: 'taro',
  subjectOther: 'taro',
};

type Vars = Record<string, unknown>;

interface Case {
  /** What is asked, in words. */
  what: string;
  allowed: boolean;
  /** The query's variables, or the mutation's input; read from the world once it is built. */
  vars: () => Vars;
  /** Another sender than the column's. */
  as?: TokenName;
  /** For an allowed read: what the answer may show (only the caller's own lines, nothing non-disclosed…). */
  check?: (value: any) => void;
}

/** A cell that does not apply: the field names no organization or subject to be one's own or another's. */
interface NotApplicable {
  na: string;
}
type Cell = Case | Case[] | NotApplicable;

const allow = (what: string, vars: () => Vars = () => ({}), more: Partial<Case> = {}): Case => ({ what, allowed: true, vars, ...more });
const refuse = (what: string, vars: () => Vars = () => ({}), more: Partial<Case> = {}): Case => ({ what, allowed: false, vars, ...more });
const na = (why: string): NotApplicable => ({ na: why });
const NO_ORG_TARGET = na('names no organization: one column covers it');
const NO_SUBJECT_TARGET = na('names no subject: one column covers it');

// ---------------------------------------------------------------------------------------------------------
// The world, built once through mutations in beforeAll
// ---------------------------------------------------------------------------------------------------------

const TARO_MY_NUMBER = { kind: 'MY_NUMBER', value: '123456789018' };
const TARO = { kind: 'INTERNAL_ID', value: 'Y-0001', scope: 'city' };
const HANAKO = { kind: 'INTERNAL_ID', value: 'H-0001', scope: 'jps' };
const cityId = (value: string) => ({ kind: 'INTERNAL_ID', value, scope: 'city' });
const jpsId = (value: string) => ({ kind: 'INTERNAL_ID', value, scope: 'jps' });
const serial = (value: string) => ({ kind: 'JPKI_SIGN_SERIAL', value });
const HIDDEN_PROCEDURE = '犯罪捜査';
/** Taro's provisions under a non-disclosure flag while the queries run. */
const HIDDEN_PROVISIONS = ['p-hidden', 'p-hidden-op', 'p-hidden-city'];
const PERIOD = { from: T(1, 0), to: '2024-05-01T00:00:00+09:00' };

interface World {
  taro: string;
  hanako: string;
  events: {
    cityRegistered: string;
    taroEnrolled: string;
    hanakoEnrolled: string;
    taroTie: string;
    cityAccess: string;
    provisionOpen: string;
    provisionHidden: string;
    jpsAccessHanako: string;
    auditOfTaro: string;
  };
  streams: { taroTie: string; hanakoTie: string };
  sealedSize: string;
}
const w = {} as World;

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

const HISTORY_NODE = `totalCount edges { node { id organization { id } counterparty { id } purpose nonDisclosure } }`;

/** Only lines where `city` acted or was the counterparty. */
const onlyCityLines = (history: any) => {
  for (const { node } of history.edges) expect([node.organization.id, node.counterparty?.id]).toContain('city');
};
/** No line under a non-disclosure flag, and not the hidden provision itself. */
const nothingNonDisclosed = (history: any) => {
  expect(history.edges.filter((e: any) => e.node.nonDisclosure || e.node.purpose === HIDDEN_PROCEDURE)).toEqual([]);
  expect(history.totalCount).toBe(history.edges.length);
  expect(history.totalCount).toBeGreaterThan(0);
};

/** Findings about taro only, and none that shows one of his non-disclosed provisions (its id, event or procedure). */
const onlyTaroFindings = (findings: any) => {
  expect(findings.totalCount).toBeGreaterThan(0);
  expect(findings.totalCount).toBe(findings.edges.length);
  for (const { node } of findings.edges) expect(node.subjectId).toBe(w.taro);
  const shown = findings.edges.map(({ node }: any) => ({ provisionId: node.detail.provisionId, procedure: node.detail.procedure, events: node.events.map((e: any) => e.eventId) }));
  expect(shown.filter((f: any) => HIDDEN_PROVISIONS.includes(f.provisionId) || f.procedure === HIDDEN_PROCEDURE || f.events.includes(w.events.provisionHidden))).toEqual([]);
};

interface QueryRow {
  document: string;
  cells: Record<Role, Cell>;
}

const QUERIES: Record<string, QueryRow> = {
  accessHistory: {
    document: `query ($subjectId: ID!) { accessHistory(subjectId: $subjectId) { ${HISTORY_NODE} } }`,
    cells: {
      none: refuse('taro’s history', () => ({ subjectId: w.taro })),
      auditor: allow('taro’s history, non-disclosed lines included', () => ({ subjectId: w.taro }), {
        check: (h) => expect(h.edges.some((e: any) => e.node.nonDisclosure)).toBe(true),
      }),
      operator: refuse('taro’s history (no personal histories)', () => ({ subjectId: w.taro })),
      orgOwn: allow('the history of a subject it acted on: only its own lines', () => ({ subjectId: w.taro }), {
        check: (h) => {
          expect(h.totalCount).toBeGreaterThan(0);
          onlyCityLines(h);
        },
      }),
      orgOther: allow('the history of a subject only another organization acted on: none of its lines', () => ({ subjectId: w.hanako }), {
        check: (h) => expect(h.totalCount).toBe(0),
      }),
      subjectSelf: allow('their own history, without non-disclosed lines', () => ({ subjectId: w.taro }), { check: nothingNonDisclosed }),
      subjectOther: refuse('hanako’s history', () => ({ subjectId: w.hanako })),
    },
  },

  whoAccessed: {
    document: `query ($subjectId: ID!, $item: String!) { whoAccessed(subjectId: $subjectId, item: $item) { organization { id } kind purpose } }`,
    cells: {
      none: refuse('who obtained taro’s INCOME', () => ({ subjectId: w.taro, item: 'INCOME' })),
      auditor: allow('who obtained taro’s INCOME', () => ({ subjectId: w.taro, item: 'INCOME' }), {
        check: (uses) => expect(uses.map((u: any) => u.purpose)).toContain(HIDDEN_PROCEDURE),
      }),
      operator: refuse('who obtained taro’s INCOME (no personal histories)', () => ({ subjectId: w.taro, item: 'INCOME' })),
      orgOwn: [
        allow('who used taro’s TAX_AMOUNT (its own access)', () => ({ subjectId: w.taro, item: 'TAX_AMOUNT' }), {
          check: (uses) => {
            expect(uses.length).toBeGreaterThan(0);
            for (const u of uses) expect(u.organization.id).toBe('city');
          },
        }),
        allow('who obtained taro’s INCOME from it (it was the counterparty)', () => ({ subjectId: w.taro, item: 'INCOME' }), {
          check: (uses) => expect(uses.map((u: any) => u.purpose)).toContain('保険料免除'),
        }),
      ],
      orgOther: allow('who used hanako’s PENSION_AMOUNT (another’s access only): nothing', () => ({ subjectId: w.hanako, item: 'PENSION_AMOUNT' }), {
        check: (uses) => expect(uses).toEqual([]),
      }),
      subjectSelf: allow('who obtained their own INCOME, without the non-disclosed provision', () => ({ subjectId: w.taro, item: 'INCOME' }), {
        check: (uses) => {
          expect(uses.length).toBeGreaterThan(0);
          expect(uses.map((u: any) => u.purpose)).not.toContain(HIDDEN_PROCEDURE);
        },
      }),
      subjectOther: refuse('who used hanako’s PENSION_AMOUNT', () => ({ subjectId: w.hanako, item: 'PENSION_AMOUNT' })),
    },
  },

  me: {
    document: `{ me { ${HISTORY_NODE} } }`,
    cells: {
      none: refuse('me'),
      auditor: refuse('me (not a citizen)'),
      operator: refuse('me (not a citizen)'),
      orgOwn: refuse('me (not a citizen)'),
      orgOther: NO_ORG_TARGET,
      subjectSelf: allow('their own history, without non-disclosed lines', undefined, { check: nothingNonDisclosed }),
      subjectOther: na('`me` is always the caller'),
    },
  },

  subject: {
    document: `query ($identifier: IdentifierInput!) { subject(identifier: $identifier) { id } }`,
    cells: {
      none: refuse('resolve taro’s My Number', () => ({ identifier: TARO_MY_NUMBER })),
      auditor: allow('resolve taro’s My Number', () => ({ identifier: TARO_MY_NUMBER }), { check: (s) => expect(s.id).toBe(w.taro) }),
      operator: refuse('resolve taro’s My Number (auditors only)', () => ({ identifier: TARO_MY_NUMBER })),
      orgOwn: refuse('resolve its own internal id of taro (auditors only)', () => ({ identifier: TARO })),
      orgOther: refuse('resolve another organization’s internal id of hanako', () => ({ identifier: HANAKO })),
      subjectSelf: refuse('resolve their own My Number (auditors only)', () => ({ identifier: TARO_MY_NUMBER })),
      subjectOther: refuse('resolve hanako’s internal id', () => ({ identifier: HANAKO })),
    },
  },

  organization: {
    document: `query ($id: ID!) { organization(id: $id) { id name } }`,
    cells: {
      none: refuse('city', () => ({ id: 'city' })),
      auditor: allow('city', () => ({ id: 'city' })),
      operator: allow('city (registry data, whose events it may prove)', () => ({ id: 'city' })),
      orgOwn: [
        allow('itself', () => ({ id: 'city' })),
        allow('jps, its counterparty (a provision, a permitted row)', () => ({ id: 'jps' })),
      ],
      orgOther: refuse('points, with which it never dealt', () => ({ id: 'points' })),
      subjectSelf: refuse('city, which acted on them (not among what a subject reads)', () => ({ id: 'city' })),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  dataset: {
    document: `query ($id: ID!) { dataset(id: $id) { id name } }`,
    cells: {
      none: refuse('city-tax', () => ({ id: 'city-tax' })),
      auditor: allow('city-tax', () => ({ id: 'city-tax' })),
      operator: allow('city-tax (registry data, whose events it may prove)', () => ({ id: 'city-tax' })),
      orgOwn: [
        allow('its own city-tax', () => ({ id: 'city-tax' })),
        allow('jps-pension, held by its counterparty', () => ({ id: 'jps-pension' })),
      ],
      orgOther: refuse('points-members, held by an organization it never dealt with', () => ({ id: 'points-members' })),
      subjectSelf: refuse('city-tax, which holds their record (not among what a subject reads)', () => ({ id: 'city-tax' })),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  organizations: {
    document: `{ organizations(first: 500) { totalCount edges { node { id } } } }`,
    cells: {
      none: refuse('the registered organizations'),
      auditor: allow('every registered organization', () => ({}), { check: (page) => expect(page.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining(['city', 'jps', 'points'])) }),
      operator: allow('every registered organization (registry data)'),
      orgOwn: allow('itself and its counterparties only', () => ({}), {
        check: (page) => {
          const ids = page.edges.map((e: any) => e.node.id);
          expect(ids).toEqual(expect.arrayContaining(['city', 'jps']));
          expect(ids).not.toContain('points');
        },
      }),
      orgOther: NO_ORG_TARGET,
      subjectSelf: refuse('the registered organizations (not among what a subject reads)'),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  datasets: {
    document: `{ datasets(first: 500) { totalCount edges { node { id holder { id } } } } }`,
    cells: {
      none: refuse('the registered datasets'),
      auditor: allow('every registered dataset', () => ({}), { check: (page) => expect(page.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining(['city-tax', 'jps-pension', 'points-members'])) }),
      operator: allow('every registered dataset (registry data)'),
      orgOwn: allow('its own and its counterparties’ datasets only', () => ({}), {
        check: (page) => {
          const ids = page.edges.map((e: any) => e.node.id);
          expect(ids).toEqual(expect.arrayContaining(['city-tax', 'jps-pension']));
          expect(ids).not.toContain('points-members');
        },
      }),
      orgOther: NO_ORG_TARGET,
      subjectSelf: refuse('the registered datasets (not among what a subject reads)'),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  items: {
    document: `{ items { code nameJa } }`,
    cells: {
      none: refuse('the item catalogue'),
      auditor: allow('the item catalogue'),
      operator: allow('the item catalogue'),
      orgOwn: allow('the item catalogue (names, nothing personal)'),
      orgOther: NO_ORG_TARGET,
      subjectSelf: allow('the item catalogue, to read their own history’s items by name'),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  projections: {
    document: `{ projections { name state } }`,
    cells: {
      none: refuse('projections'),
      auditor: allow('projections'),
      operator: allow('projections'),
      orgOwn: refuse('projections (auditors and operators)'),
      orgOther: NO_ORG_TARGET,
      subjectSelf: refuse('projections (auditors and operators)'),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  applied: {
    document: `{ applied(transactionId: "1") { applied pending } }`,
    cells: {
      none: refuse('applied'),
      auditor: allow('applied'),
      operator: allow('applied, to read its own commands\' effects'),
      orgOwn: allow('applied, to read its own commands\' effects'),
      orgOther: NO_ORG_TARGET,
      subjectSelf: refuse('applied (subjects send no commands)'),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  stream: {
    document: `query ($id: ID!) { stream(id: $id) { edges { node { type } } } }`,
    cells: {
      none: refuse('the stream of taro’s tie', () => ({ id: w.streams.taroTie })),
      auditor: allow('the stream of taro’s tie', () => ({ id: w.streams.taroTie }), { check: (s) => expect(s.edges.length).toBeGreaterThan(0) }),
      operator: refuse('the organization stream of city (auditors only)', () => ({ id: 'organization-city' })),
      orgOwn: refuse('the stream of its own tie (auditors only)', () => ({ id: w.streams.taroTie })),
      orgOther: refuse('the stream of jps’s tie', () => ({ id: w.streams.hanakoTie })),
      subjectSelf: refuse('their own subject stream (auditors only)', () => ({ id: `subject-${w.taro}` })),
      subjectOther: refuse('hanako’s subject stream', () => ({ id: `subject-${w.hanako}` })),
    },
  },

  linkage: {
    document: `query ($subjectId: ID!) { linkage(subjectId: $subjectId) { subjectId } }`,
    cells: {
      none: refuse('taro’s linkage', () => ({ subjectId: w.taro })),
      auditor: allow('taro’s linkage', () => ({ subjectId: w.taro })),
      operator: refuse('taro’s linkage', () => ({ subjectId: w.taro })),
      orgOwn: refuse('the linkage of a subject in its datasets (auditors and the subject)', () => ({ subjectId: w.taro })),
      orgOther: refuse('the linkage of another’s subject', () => ({ subjectId: w.hanako })),
      subjectSelf: allow('their own linkage', () => ({ subjectId: w.taro }), { check: (l) => expect(l.subjectId).toBe(w.taro) }),
      subjectOther: refuse('hanako’s linkage', () => ({ subjectId: w.hanako })),
    },
  },

  exposure: {
    document: `query ($subjectId: ID!) { exposure(subjectId: $subjectId) { subjectId } }`,
    cells: {
      none: refuse('taro’s exposure', () => ({ subjectId: w.taro })),
      auditor: allow('taro’s exposure', () => ({ subjectId: w.taro })),
      operator: refuse('taro’s exposure', () => ({ subjectId: w.taro })),
      orgOwn: refuse('the exposure of a subject in its datasets (auditors and the subject)', () => ({ subjectId: w.taro })),
      orgOther: refuse('the exposure of another’s subject', () => ({ subjectId: w.hanako })),
      subjectSelf: allow('their own exposure', () => ({ subjectId: w.taro }), { check: (e) => expect(e.subjectId).toBe(w.taro) }),
      subjectOther: refuse('hanako’s exposure', () => ({ subjectId: w.hanako })),
    },
  },

  datasetRisk: {
    document: `query ($datasetId: ID!) { datasetRisk(datasetId: $datasetId) { records k } }`,
    cells: {
      none: refuse('city-tax', () => ({ datasetId: 'city-tax' })),
      auditor: allow('city-tax', () => ({ datasetId: 'city-tax' })),
      operator: refuse('city-tax (auditors and the holder)', () => ({ datasetId: 'city-tax' })),
      orgOwn: allow('its own city-tax', () => ({ datasetId: 'city-tax' })),
      orgOther: refuse('jps-pension', () => ({ datasetId: 'jps-pension' })),
      subjectSelf: refuse('city-tax, which holds their record', () => ({ datasetId: 'city-tax' })),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  matchability: {
    document: `query ($a: ID!, $b: ID!) { matchability(datasetA: $a, datasetB: $b) { matchableRecords } }`,
    cells: {
      none: refuse('city-tax × jps-pension', () => ({ a: 'city-tax', b: 'jps-pension' })),
      auditor: allow('jps-pension × points-members', () => ({ a: 'jps-pension', b: 'points-members' })),
      operator: refuse('city-tax × jps-pension (auditors and holders)', () => ({ a: 'city-tax', b: 'jps-pension' })),
      orgOwn: [
        allow('its own city-tax × jps-pension', () => ({ a: 'city-tax', b: 'jps-pension' })),
        allow('jps-pension × its own city-tax', () => ({ a: 'jps-pension', b: 'city-tax' })),
      ],
      orgOther: refuse('jps-pension × points-members, neither its own', () => ({ a: 'jps-pension', b: 'points-members' })),
      subjectSelf: refuse('city-tax × jps-pension, which hold their records', () => ({ a: 'city-tax', b: 'jps-pension' })),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  exposureDistribution: {
    document: `{ exposureDistribution { level } }`,
    cells: {
      none: refuse('the distribution'),
      auditor: allow('the distribution'),
      operator: refuse('the distribution (auditors)'),
      orgOwn: refuse('the distribution (auditors)'),
      orgOther: NO_ORG_TARGET,
      subjectSelf: refuse('the distribution (auditors)'),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  findings: {
    document: `query ($filter: FindingFilter) { findings(filter: $filter) { totalCount edges { node { id organization { id } subjectId detail events { eventId } } } } }`,
    cells: {
      none: refuse('every finding'),
      auditor: allow('every finding', undefined, { check: (f) => expect(f.totalCount).toBeGreaterThanOrEqual(2) }),
      operator: refuse('every finding (an operator sees none)'),
      orgOwn: [
        allow('its own findings', () => ({ filter: { organizationId: 'city' } }), {
          check: (f) => {
            expect(f.totalCount).toBeGreaterThan(0);
            for (const { node } of f.edges) expect(node.organization.id).toBe('city');
          },
        }),
        allow('findings with no filter: only its own', undefined, {
          check: (f) => {
            expect(f.totalCount).toBeGreaterThan(0);
            for (const { node } of f.edges) expect(node.organization.id).toBe('city');
          },
        }),
      ],
      orgOther: refuse('jps’s findings', () => ({ filter: { organizationId: 'jps' } })),
      subjectSelf: [
        allow('the findings about them, none of them a non-disclosed provision', () => ({ filter: { subjectId: w.taro } }), { check: onlyTaroFindings }),
        allow('findings with no filter: only those about them, none of them a non-disclosed provision', undefined, { check: onlyTaroFindings }),
      ],
      subjectOther: refuse('the findings about hanako', () => ({ filter: { subjectId: w.hanako } })),
    },
  },

  journal: {
    document: `{ journal { keyId sealedSize latestHead { treeSize } } }`,
    cells: {
      none: refuse('the journal (a token is still required)'),
      auditor: allow('the journal'),
      operator: allow('the journal'),
      orgOwn: allow('the journal'),
      orgOther: NO_ORG_TARGET,
      subjectSelf: allow('the journal'),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  inclusionProof: {
    document: `query ($eventId: ID!) { inclusionProof(eventId: $eventId) { eventId leafIndex } }`,
    cells: {
      none: refuse('a proof of city’s registration', () => ({ eventId: w.events.cityRegistered })),
      auditor: allow('a proof of the non-disclosed provision about taro (any event)', () => ({ eventId: w.events.provisionHidden })),
      operator: [
        allow('a proof of city’s registration (about no one)', () => ({ eventId: w.events.cityRegistered })),
        refuse('a proof of city’s access to taro (about a subject)', () => ({ eventId: w.events.cityAccess })),
        refuse('a proof of taro’s enrolment (about a subject)', () => ({ eventId: w.events.taroEnrolled })),
        refuse('a proof of a tie of taro’s records (about a subject)', () => ({ eventId: w.events.taroTie })),
        refuse('a proof of an auditor’s query of taro (about a subject)', () => ({ eventId: w.events.auditOfTaro })),
      ],
      orgOwn: [
        allow('a proof of its own access to taro', () => ({ eventId: w.events.cityAccess })),
        allow('a proof of a provision it was the counterparty of', () => ({ eventId: w.events.provisionOpen })),
        allow('a proof of a non-disclosed provision it was the counterparty of', () => ({ eventId: w.events.provisionHidden })),
      ],
      orgOther: [
        refuse('a proof of jps’s access to hanako', () => ({ eventId: w.events.jpsAccessHanako })),
        refuse('a proof of an auditor’s query of taro (the auditor’s activity)', () => ({ eventId: w.events.auditOfTaro })),
      ],
      subjectSelf: [
        allow('a proof of a line of their own history', () => ({ eventId: w.events.cityAccess })),
        allow('a proof of their own enrolment (their subject stream)', () => ({ eventId: w.events.taroEnrolled })),
        allow('a proof of an auditor’s query of them (an AUDIT line of their history)', () => ({ eventId: w.events.auditOfTaro })),
        refuse('a proof of the non-disclosed provision about them', () => ({ eventId: w.events.provisionHidden })),
      ],
      subjectOther: [
        refuse('a proof of jps’s access to hanako', () => ({ eventId: w.events.jpsAccessHanako })),
        refuse('a proof of hanako’s enrolment', () => ({ eventId: w.events.hanakoEnrolled })),
      ],
    },
  },

  consistencyProof: {
    document: `query ($from: BigInt!, $to: BigInt!) { consistencyProof(fromSize: $from, toSize: $to) { fromSize toSize } }`,
    cells: {
      none: refuse('1 → sealed size', () => ({ from: '1', to: w.sealedSize })),
      auditor: allow('1 → sealed size', () => ({ from: '1', to: w.sealedSize })),
      operator: allow('1 → sealed size', () => ({ from: '1', to: w.sealedSize })),
      orgOwn: allow('1 → sealed size', () => ({ from: '1', to: w.sealedSize })),
      orgOther: NO_ORG_TARGET,
      subjectSelf: allow('1 → sealed size', () => ({ from: '1', to: w.sealedSize })),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },

  complianceReport: {
    document: `query ($from: DateTime!, $to: DateTime!, $organizationId: ID) {
      complianceReport(from: $from, to: $to, organizationId: $organizationId) { generatedAt organization { id } } }`,
    cells: {
      none: refuse('city’s report', () => ({ ...PERIOD, organizationId: 'city' })),
      auditor: [allow('every organization’s report', () => PERIOD), allow('jps’s report', () => ({ ...PERIOD, organizationId: 'jps' }))],
      operator: refuse('city’s report (auditors and the organization itself)', () => ({ ...PERIOD, organizationId: 'city' })),
      orgOwn: allow('its own report', () => ({ ...PERIOD, organizationId: 'city' }), { check: (r) => expect(r.organization.id).toBe('city') }),
      orgOther: [refuse('jps’s report', () => ({ ...PERIOD, organizationId: 'jps' })), refuse('every organization’s report', () => PERIOD)],
      subjectSelf: refuse('city’s report', () => ({ ...PERIOD, organizationId: 'city' })),
      subjectOther: NO_SUBJECT_TARGET,
    },
  },
};

// ---------------------------------------------------------------------------------------------------------
// Mutations: `vars` is the command's input. The organization is `city`; "another's" is city acting on jps's
// objects or in jps's name. Refusals use inputs that would be stored if the sender were entitled, on spare
// objects nobody consumes, so a refusal is the sender's, never the domain's.
// ---------------------------------------------------------------------------------------------------------

const AT = T(20);
const registerOrganization = (organizationId: string) => ({ organizationId, name: organizationId, kind: 'PRIVATE_BUSINESS', domains: ['PRIVATE'], occurredAt: AT });
const permittedRow = (permittedProvisionId: string, requesterId: string, providerId: string) => ({
  permittedProvisionId, requesterId, providerId, procedure: '児童手当の支給', items: ['INCOME'], legalBasis: '別表第二 第74項', occurredAt: AT,
});
const dataset = (datasetId: string, holderId: string) => ({
  datasetId, holderId, name: datasetId, purpose: '確認', domain: 'TAX', keyedBy: ['INTERNAL_ID'], basic4Fields: ['NAME_KANJI'], occurredAt: AT,
});
const enrolment = (enrolledBy: string, value: string) => ({ enrolledBy, identifiers: [{ kind: 'INTERNAL_ID', value, scope: enrolledBy }], occurredAt: AT });
const issue = (issuedBy: string, subject: object, value: string) => ({ issuedBy, subject, identifier: { kind: 'INTERNAL_ID', value, scope: issuedBy }, occurredAt: AT });
const retirement = (retiredBy: string, identifier: object) => ({ retiredBy, identifier, reason: 'ROTATED', occurredAt: AT });
const succession = (linkedBy: string, from: string, to: string) => ({ linkedBy, identifier: serial(from), successor: serial(to), occurredAt: AT });
const record = (recordId: string, datasetId: string, subject: object) => ({ recordId, datasetId, subject, basic4: { nameKanji: '山田太郎' }, occurredAt: AT });
const amendment = (recordId: string) => ({ recordId, basic4: { nameKanji: '山田 太郎' }, reason: '表記の訂正', occurredAt: AT });
const tie = (linkId: string, organizationId: string, records: string[]) => ({ linkId, organizationId, staffCode: 'S-1', records, key: { by: 'BASIC4' }, purpose: '名寄せ', occurredAt: AT });
const cut = (linkId: string, organizationId: string) => ({ linkId, organizationId, staffCode: 'S-1', reason: '使用後の解除', occurredAt: AT });
const provision = (provisionId: string, requesterId: string, providerId: string, subject: object) => ({
  provisionId, requesterId, providerId, subject, items: ['INCOME'], procedure: '保険料免除', legalBasis: '別表第二', requestedAt: AT, providedAt: T(20, 10), outcome: 'PROVIDED',
});
const release = (provisionId: string, releasedBy: string) => ({ provisionId, releasedBy, occurredAt: T(21) });
const access = (accessId: string, organizationId: string, subject: object, datasetId: string) => ({
  accessId, organizationId, staffCode: 'S-9', subject, datasetId, items: ['TAX_AMOUNT'], purpose: '確認', channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: T(22),
});
const consent = (consentId: string, subject: object, organizationId: string) => ({ consentId, subject, organizationId, scope: 'JPKI', purpose: '電子証明書の更新', occurredAt: T(23) });
const withdrawal = (consentId: string, subject: object) => ({ consentId, subject, occurredAt: T(24) });
/** A correction of an access's purpose: evaluated late, once the world holds the event. */
const correction = (access: 'cityAccess' | 'jpsAccessHanako') => () => ({
  eventId: w.events[access], streamId: access === 'cityAccess' ? 'access-a-city' : 'access-a-jps', action: 'SUPERSEDE',
  correctedData: { purpose: '利用目的(訂正)' }, reason: '利用目的の訂正', occurredAt: T(25),
});

const TARO_RECORDS = ['rec-taro-city', 'rec-taro-city-2'];
const HANAKO_RECORDS = ['rec-hanako-jps', 'rec-hanako-jps-2'];

/** A mutation's cells: `refused` is the input every refused sender (no token, auditor, subject) tries. */
function mutationCells(cells: Omit<Record<Role, Cell>, 'none' | 'auditor'>, refused: () => Vars): Record<Role, Cell> {
  return { none: refuse('the refused input', refused), auditor: refuse('the refused input (auditors send no commands)', refused), ...cells };
}

const MUTATIONS: Record<string, Record<Role, Cell>> = {
  registerOrganization: mutationCells({
    operator: allow('register org-by-operator', () => registerOrganization('org-by-operator')),
    orgOwn: allow('register itself (newcomer)', () => registerOrganization('newcomer'), { as: 'newcomer' }),
    orgOther: refuse('register another organization', () => registerOrganization('not-city')),
    subjectSelf: refuse('register an organization', () => registerOrganization('refused-org')),
    subjectOther: NO_SUBJECT_TARGET,
  }, () => registerOrganization('refused-org')),

  registerPermittedProvision: mutationCells({
    operator: allow('a row jps ← city', () => permittedRow('row-op', 'jps', 'city')),
    orgOwn: refuse('a row where it is the provider (operators only)', () => permittedRow('row-city', 'jps', 'city')),
    orgOther: refuse('a row jps ← points', () => permittedRow('row-other', 'jps', 'points')),
    subjectSelf: refuse('a row jps ← city', () => permittedRow('row-refused', 'jps', 'city')),
    subjectOther: NO_SUBJECT_TARGET,
  }, () => permittedRow('row-refused', 'jps', 'city')),

  registerDataset: mutationCells({
    operator: allow('a dataset held by city', () => dataset('ds-op', 'city')),
    orgOwn: allow('a dataset it holds', () => dataset('ds-city', 'city')),
    orgOther: refuse('a dataset held by jps', () => dataset('ds-jps', 'jps')),
    subjectSelf: refuse('a dataset held by city', () => dataset('ds-refused', 'city')),
    subjectOther: NO_SUBJECT_TARGET,
  }, () => dataset('ds-refused', 'city')),

  enrollSubject: mutationCells({
    operator: allow('enrol a subject for city', () => enrolment('city', 'E-OP')),
    orgOwn: allow('enrol a subject itself', () => enrolment('city', 'E-CITY')),
    orgOther: [
      refuse('enrol a subject in jps’s name', () => enrolment('jps', 'E-JPS')),
      refuse('enrol a subject with an identifier of jps’s numbering in its own name', () => ({ ...enrolment('city', 'E-JPS-2'), identifiers: [jpsId('E-JPS-2')] })),
    ],
    subjectSelf: refuse('enrol a subject', () => enrolment('city', 'E-REFUSED')),
    subjectOther: NO_SUBJECT_TARGET,
  }, () => enrolment('city', 'E-REFUSED')),

  issueIdentifier: mutationCells({
    operator: allow('issue taro an identifier for city', () => issue('city', TARO, 'I-OP')),
    orgOwn: allow('issue taro its own identifier', () => issue('city', TARO, 'I-CITY')),
    orgOther: [
      refuse('issue hanako an identifier in jps’s name', () => issue('jps', HANAKO, 'I-JPS')),
      refuse('issue hanako an identifier of jps’s numbering in its own name', () => ({ ...issue('city', HANAKO, 'I-JPS-2'), identifier: jpsId('I-JPS-2') })),
    ],
    subjectSelf: refuse('issue themselves an identifier', () => issue('city', TARO, 'I-REFUSED')),
    subjectOther: refuse('issue hanako an identifier', () => issue('jps', HANAKO, 'I-REFUSED')),
  }, () => issue('city', TARO, 'I-REFUSED')),

  retireIdentifier: mutationCells({
    operator: allow('retire one of taro’s city ids', () => retirement('city', cityId('R-OP'))),
    orgOwn: allow('retire its own id of taro', () => retirement('city', cityId('R-CITY'))),
    orgOther: [
      refuse('retire jps’s id of hanako in jps’s name', () => retirement('jps', jpsId('R-JPS'))),
      refuse('retire jps’s id of hanako in its own name', () => retirement('city', jpsId('R-JPS'))),
    ],
    subjectSelf: refuse('retire their own id', () => retirement('city', cityId('R-SPARE'))),
    subjectOther: refuse('retire hanako’s id', () => retirement('jps', jpsId('R-JPS'))),
  }, () => retirement('city', cityId('R-SPARE'))),

  linkIdentifierSuccessor: mutationCells({
    operator: allow('link taro’s serial to its successor', () => succession('city', 'S-OP-OLD', 'S-OP-NEW')),
    orgOwn: allow('link taro’s serial to its successor', () => succession('city', 'S-CITY-OLD', 'S-CITY-NEW')),
    orgOther: [
      refuse('link hanako’s serials in jps’s name', () => succession('jps', 'S-H-OLD', 'S-H-NEW')),
      // Following a serial to its successor is the linker's own act (a carrier does so for its subscribers); without
      // the subject's consent it is a finding (SUCCESSION_WITHOUT_CONSENT), not a refusal.
      allow('link hanako’s serials, issued by jps, in its own name', () => succession('city', 'S-H-OLD', 'S-H-NEW')),
    ],
    subjectSelf: refuse('link their own serials', () => succession('city', 'S-SPARE-OLD', 'S-SPARE-NEW')),
    subjectOther: refuse('link hanako’s serials', () => succession('jps', 'S-H-OLD', 'S-H-NEW')),
  }, () => succession('city', 'S-SPARE-OLD', 'S-SPARE-NEW')),

  registerRecord: mutationCells({
    operator: allow('a record of taro in city-tax', () => record('rec-op', 'city-tax', TARO)),
    orgOwn: allow('a record of taro in its own city-tax', () => record('rec-city-new', 'city-tax', TARO)),
    orgOther: refuse('a record of hanako in jps-pension', () => record('rec-jps-new', 'jps-pension', HANAKO)),
    subjectSelf: refuse('a record of themselves', () => record('rec-refused', 'city-tax', TARO)),
    subjectOther: refuse('a record of hanako', () => record('rec-refused-h', 'jps-pension', HANAKO)),
  }, () => record('rec-refused', 'city-tax', TARO)),

  amendRecord: mutationCells({
    operator: allow('amend taro’s city record', () => amendment('rec-taro-city')),
    orgOwn: allow('amend its own record of taro', () => amendment('rec-taro-city')),
    orgOther: refuse('amend jps’s record of hanako', () => amendment('rec-hanako-jps')),
    subjectSelf: refuse('amend their own record', () => amendment('rec-taro-city')),
    subjectOther: refuse('amend hanako’s record', () => amendment('rec-hanako-jps')),
  }, () => amendment('rec-taro-city')),

  linkRecords: mutationCells({
    operator: allow('tie taro’s city records for city', () => tie('tie-op', 'city', TARO_RECORDS)),
    orgOwn: allow('tie its own records of taro', () => tie('tie-city-new', 'city', TARO_RECORDS)),
    orgOther: [
      refuse('tie hanako’s jps records in jps’s name', () => tie('tie-jps-new', 'jps', HANAKO_RECORDS)),
      refuse('tie hanako’s jps records in its own name', () => tie('tie-jps-new', 'city', HANAKO_RECORDS)),
    ],
    subjectSelf: refuse('tie their own records', () => tie('tie-refused', 'city', TARO_RECORDS)),
    subjectOther: refuse('tie hanako’s records', () => tie('tie-refused-h', 'jps', HANAKO_RECORDS)),
  }, () => tie('tie-refused', 'city', TARO_RECORDS)),

  unlinkRecords: mutationCells({
    operator: allow('cut a tie city made', () => cut('tie-for-op', 'city')),
    orgOwn: allow('cut its own tie', () => cut('tie-for-city', 'city')),
    orgOther: [
      refuse('cut jps’s tie in jps’s name', () => cut('tie-hanako', 'jps')),
      refuse('cut jps’s tie of jps’s records in its own name', () => cut('tie-hanako', 'city')),
    ],
    subjectSelf: refuse('cut a tie of their own records', () => cut('tie-spare', 'city')),
    subjectOther: refuse('cut a tie of hanako’s records', () => cut('tie-hanako', 'jps')),
  }, () => cut('tie-spare', 'city')),

  provideInformation: mutationCells({
    operator: allow('a provision jps ← city about taro', () => provision('p-op', 'jps', 'city', TARO_MY_NUMBER)),
    orgOwn: [
      allow('a provision it requested from jps', () => provision('p-city-new', 'city', 'jps', TARO)),
      allow('a provision it gave jps', () => provision('p-city-gave', 'jps', 'city', TARO)),
    ],
    orgOther: refuse('a provision jps ← points, in neither of which it is', () => provision('p-jp-new', 'jps', 'points', HANAKO)),
    subjectSelf: refuse('a provision about themselves', () => provision('p-refused', 'jps', 'city', TARO)),
    subjectOther: refuse('a provision about hanako', () => provision('p-refused-h', 'jps', 'points', HANAKO)),
  }, () => provision('p-refused', 'jps', 'city', TARO)),

  releaseNonDisclosure: mutationCells({
    operator: allow('release a hidden provision jps ← city', () => release('p-hidden-op', 'city')),
    orgOwn: allow('release a hidden provision it provided', () => release('p-hidden-city', 'city')),
    orgOther: [
      refuse('release a hidden provision jps ← points in jps’s name', () => release('p-hidden-jp', 'jps')),
      refuse('release a hidden provision jps ← points in its own name', () => release('p-hidden-jp', 'city')),
    ],
    subjectSelf: refuse('release the hidden provision about them', () => release('p-hidden', 'city')),
    subjectOther: refuse('release a hidden provision about hanako', () => release('p-hidden-jp', 'jps')),
  }, () => release('p-hidden', 'city')),

  accessInformation: mutationCells({
    operator: allow('an access by city to taro', () => access('a-op', 'city', TARO, 'city-tax')),
    orgOwn: allow('its own access to taro', () => access('a-city-new', 'city', TARO, 'city-tax')),
    orgOther: refuse('an access in jps’s name to hanako', () => access('a-jps-new', 'jps', HANAKO, 'jps-pension')),
    subjectSelf: refuse('an access to themselves', () => access('a-refused', 'city', TARO, 'city-tax')),
    subjectOther: refuse('an access to hanako', () => access('a-refused-h', 'jps', HANAKO, 'jps-pension')),
  }, () => access('a-refused', 'city', TARO, 'city-tax')),

  grantConsent: mutationCells({
    operator: allow('taro’s consent to city', () => consent('c-op', TARO, 'city')),
    orgOwn: allow('taro’s consent to itself', () => consent('c-city-new', TARO, 'city')),
    orgOther: refuse('hanako’s consent to jps', () => consent('c-jps-new', HANAKO, 'jps')),
    subjectSelf: refuse('their own consent to city (commands are organizations’ and operators’)', () => consent('c-refused', TARO, 'city')),
    subjectOther: refuse('hanako’s consent to jps', () => consent('c-refused-h', HANAKO, 'jps')),
  }, () => consent('c-refused', TARO, 'city')),

  withdrawConsent: mutationCells({
    operator: allow('withdraw taro’s consent to city', () => withdrawal('c-w-op', TARO)),
    orgOwn: allow('withdraw taro’s consent to itself', () => withdrawal('c-w-city', TARO)),
    orgOther: refuse('withdraw hanako’s consent to jps', () => withdrawal('c-hanako', HANAKO)),
    subjectSelf: refuse('withdraw their own consent (commands are organizations’ and operators’)', () => withdrawal('c-w-spare', TARO)),
    subjectOther: refuse('withdraw hanako’s consent', () => withdrawal('c-hanako', HANAKO)),
  }, () => withdrawal('c-w-spare', TARO)),

  correctEvent: mutationCells({
    operator: allow('correct jps’s access to hanako', correction('jpsAccessHanako')),
    orgOwn: refuse('correct its own access (operators only: a correction is not the writer’s)', correction('cityAccess')),
    orgOther: refuse('correct jps’s access to hanako', correction('jpsAccessHanako')),
    subjectSelf: refuse('correct an access to themselves', correction('cityAccess')),
    subjectOther: refuse('correct an access to hanako', correction('jpsAccessHanako')),
  }, correction('cityAccess')),
};

// ---------------------------------------------------------------------------------------------------------
// The matrix as test rows
// ---------------------------------------------------------------------------------------------------------

type Row = [title: string, field: string, role: Role, c: Case];

function rowsOf(table: Record<string, Record<Role, Cell>>): Row[] {
  return Object.entries(table).flatMap(([field, cells]) =>
    ROLES.flatMap((role) => {
      const cell = cells[role];
      if ('na' in cell) return [];
      return (Array.isArray(cell) ? cell : [cell]).map((c): Row => [
        `${field} × ${ROLE_NAMES[role]}: ${c.what} → ${c.allowed ? 'allowed' : role === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN'}`,
        field,
        role,
        c,
      ]);
    }),
  );
}

const queryRows = rowsOf(Object.fromEntries(Object.entries(QUERIES).map(([field, row]) => [field, row.cells])));
const mutationRows = rowsOf(MUTATIONS);

/** Root fields of a type (with its extensions) across schema/*.graphql. */
function schemaFields(typeName: 'Query' | 'Mutation'): string[] {
  const folder = join(process.cwd(), 'schema');
  const names: string[] = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.graphql'))) {
    for (const definition of parse(readFileSync(join(folder, file), 'utf8')).definitions) {
      if ((definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && definition.name.value === typeName) {
        names.push(...(definition.fields ?? []).map((f) => f.name.value));
      }
    }
  }
  return names.sort();
}

// ---------------------------------------------------------------------------------------------------------

describe(`the authorization matrix of the GraphQL API on ${backendName}`, () => {
  let app: INestApplication;
  let api: GraphQLClient;
  let database: Database;
  const tokens = {} as Record<TokenName, string>;
  const as = (role: Role, c: Case) => api.as(c.as ? tokens[c.as] : DEFAULT_TOKEN[role] && tokens[DEFAULT_TOKEN[role]]);

  beforeAll(async () => {
    const started = await startTestApi();
    ({ app, api } = started);
    const { mint } = started;
    database = app.get<Database>(DATABASE);
    Object.assign(tokens, {
      auditor: await mint.auditor(),
      operator: await mint.operator(),
      city: await mint.organization('city'),
      newcomer: await mint.organization('newcomer'),
    });
    const operator = api.as(tokens.operator);
    const city = api.as(tokens.city);
    const jps = api.as(await mint.organization('jps'));
    const points = api.as(await mint.organization('points'));
    const first = (answer: GraphQLAnswer<Record<string, { events: { eventId: string; streamId: string }[] } | undefined>>) => Object.values(ok(answer))[0]!.events[0]!;

    // Three organizations, their datasets, a permitted row.
    let registered = '';
    for (const [organizationId, name, kind, domains] of [
      ['city', '横浜市', 'MUNICIPALITY', ['TAX', 'SOCIAL_SECURITY']],
      ['jps', '日本年金機構', 'PENSION', ['SOCIAL_SECURITY']],
      ['points', 'ポイント株式会社', 'PRIVATE_BUSINESS', ['PRIVATE']],
    ] as const) {
      const event = first(await operator.mutate('registerOrganization', { organizationId, name, kind, domains, occurredAt: T(1) }));
      if (organizationId === 'city') registered = event.eventId;
    }
    // No provision below is for this row's procedure: each is a PROVISION_NOT_PERMITTED finding of jps's about its subject.
    ok(await operator.mutate('registerPermittedProvision', permittedRow('row-74', 'jps', 'city')));
    const fields = ['NAME_KANJI', 'NAME_KANA', 'BIRTH_DATE', 'SEX', 'ADDRESS'];
    ok(await city.mutate('registerDataset', { datasetId: 'city-tax', holderId: 'city', name: '課税台帳', purpose: '住民税の賦課', domain: 'TAX', keyedBy: ['MY_NUMBER', 'INTERNAL_ID'], basic4Fields: fields, occurredAt: T(1) }));
    ok(await jps.mutate('registerDataset', { datasetId: 'jps-pension', holderId: 'jps', name: '年金記録', purpose: '年金給付', domain: 'SOCIAL_SECURITY', keyedBy: ['INTERNAL_ID'], basic4Fields: ['NAME_KANJI', 'BIRTH_DATE', 'SEX'], occurredAt: T(1) }));
    ok(await points.mutate('registerDataset', { datasetId: 'points-members', holderId: 'points', name: '会員台帳', purpose: 'ポイントサービス', domain: 'PRIVATE', keyedBy: ['MEMBER_NUMBER'], basic4Fields: ['NAME_KANJI', 'NAME_KANA', 'BIRTH_DATE'], occurredAt: T(1) }));

    // Taro, enrolled by city (with spare identifiers for the mutations), and hanako, enrolled by jps.
    const issued = (...ids: object[]) => ids;
    const taroEnrolled = first(await city.mutate('enrollSubject', {
      enrolledBy: 'city',
      identifiers: issued(TARO_MY_NUMBER, TARO, cityId('R-OP'), cityId('R-CITY'), cityId('R-SPARE'), ...['S-OP-OLD', 'S-OP-NEW', 'S-CITY-OLD', 'S-CITY-NEW', 'S-SPARE-OLD', 'S-SPARE-NEW'].map(serial)),
      occurredAt: T(2),
    }));
    const hanakoEnrolled = first(await jps.mutate('enrollSubject', { enrolledBy: 'jps', identifiers: issued(HANAKO, jpsId('R-JPS'), serial('S-H-OLD'), serial('S-H-NEW')), occurredAt: T(2) }));
    w.taro = taroEnrolled.streamId.slice('subject-'.length);
    w.hanako = hanakoEnrolled.streamId.slice('subject-'.length);
    tokens.taro = await mint.subject(w.taro, 'taro');

    // Records in both organizations' datasets, and ties (one per mutation case that cuts one, and spares).
    const taroBasic4 = { nameKanji: '山田太郎', nameKana: 'ヤマダタロウ', birthDate: '1985-01-02', sex: 'MALE', address: '神奈川県横浜市中区港町1-1' };
    const hanakoBasic4 = { nameKanji: '佐藤花子', birthDate: '1990-03-04', sex: 'FEMALE' };
    for (const recordId of TARO_RECORDS) ok(await city.mutate('registerRecord', { recordId, datasetId: 'city-tax', subject: TARO, basic4: taroBasic4, occurredAt: T(3) }));
    ok(await jps.mutate('registerRecord', { recordId: 'rec-taro-jps', datasetId: 'jps-pension', subject: TARO_MY_NUMBER, basic4: { nameKanji: '山田太郎', birthDate: '1985-01-02', sex: 'MALE' }, occurredAt: T(3) }));
    for (const recordId of HANAKO_RECORDS) ok(await jps.mutate('registerRecord', { recordId, datasetId: 'jps-pension', subject: HANAKO, basic4: hanakoBasic4, occurredAt: T(3) }));
    const taroTie = first(await city.mutate('linkRecords', { ...tie('tie-taro', 'city', TARO_RECORDS), occurredAt: T(4) }));
    for (const linkId of ['tie-for-op', 'tie-for-city', 'tie-spare']) ok(await city.mutate('linkRecords', { ...tie(linkId, 'city', TARO_RECORDS), occurredAt: T(4) }));
    const hanakoTie = first(await jps.mutate('linkRecords', { ...tie('tie-hanako', 'jps', HANAKO_RECORDS), occurredAt: T(4) }));
    w.streams = { taroTie: taroTie.streamId, hanakoTie: hanakoTie.streamId };

    // Provisions: one open, the non-disclosed one the subject must never see, and hidden ones to release.
    const provide = (provisionId: string, requesterId: string, providerId: string, subject: object, procedure: string, nonDisclosure: boolean, day: number) =>
      jps.mutate('provideInformation', { provisionId, requesterId, providerId, subject, items: ['INCOME'], procedure, legalBasis: '番号法', requestedAt: T(day), providedAt: T(day, 10), outcome: 'PROVIDED', nonDisclosure });
    const provisionOpen = first(await provide('p-open', 'jps', 'city', TARO_MY_NUMBER, '保険料免除', false, 5));
    const provisionHidden = first(await provide('p-hidden', 'jps', 'city', TARO_MY_NUMBER, HIDDEN_PROCEDURE, true, 6));
    for (const provisionId of ['p-hidden-op', 'p-hidden-city']) ok(await provide(provisionId, 'jps', 'city', TARO_MY_NUMBER, HIDDEN_PROCEDURE, true, 6));
    ok(await provide('p-hidden-jp', 'jps', 'points', HANAKO, HIDDEN_PROCEDURE, true, 6));

    // Accesses: city's to taro (one without a purpose: a finding of city's about taro), jps's to hanako (likewise).
    const cityAccess = first(await city.mutate('accessInformation', { ...access('a-city', 'city', TARO, 'city-tax'), purpose: '住民税の賦課', occurredAt: T(7) }));
    ok(await city.mutate('accessInformation', { ...access('a-city-nopurpose', 'city', TARO, 'city-tax'), purpose: null, occurredAt: T(7, 11) }));
    const jpsAccess = first(await jps.mutate('accessInformation', { ...access('a-jps', 'jps', HANAKO, 'jps-pension'), items: ['PENSION_AMOUNT'], purpose: null, occurredAt: T(7) }));

    // Consents to withdraw.
    for (const consentId of ['c-w-op', 'c-w-city', 'c-w-spare']) ok(await city.mutate('grantConsent', { ...consent(consentId, TARO, 'city'), occurredAt: T(8) }));
    ok(await jps.mutate('grantConsent', { ...consent('c-hanako', HANAKO, 'jps'), occurredAt: T(8) }));

    w.events = {
      cityRegistered: registered,
      taroEnrolled: taroEnrolled.eventId,
      hanakoEnrolled: hanakoEnrolled.eventId,
      taroTie: taroTie.eventId,
      cityAccess: cityAccess.eventId,
      provisionOpen: provisionOpen.eventId,
      provisionHidden: provisionHidden.eventId,
      jpsAccessHanako: jpsAccess.eventId,
      auditOfTaro: '',
    };
    // An auditor's query of taro: an AUDIT line of his history.
    const auditor = api.as(tokens.auditor);
    ok(await auditor.request(`query ($s: ID!) { linkage(subjectId: $s) { subjectId } }`, { s: w.taro }));
    await settled(app.get(ProjectionRunner));
    const audits = ok(await auditor.request(`query ($s: ID!) { accessHistory(subjectId: $s, filter: { kinds: [AUDIT] }) { edges { node { id purpose } } } }`, { s: w.taro }));
    w.events.auditOfTaro = audits.accessHistory.edges.find((e: any) => e.node.purpose === '紐付けの状況の確認').node.id;
    await settled(app.get(ProjectionRunner));
    await sealedAll(database, () => app.get(JournalSealing).catchUp());
    w.sealedSize = ok(await api.as(tokens.auditor).request(`{ journal { sealedSize } }`)).journal.sealedSize;
  }, 300_000);
  afterAll(() => app?.close());

  it('has a row for every root Query and Mutation field of schema/*.graphql, and no other', () => {
    expect(Object.keys(QUERIES).sort()).toEqual(schemaFields('Query'));
    expect(Object.keys(MUTATIONS).sort()).toEqual(schemaFields('Mutation'));
  });

  describe('queries', () => {
    it.each(queryRows)('%s', async (_, field, role, c) => {
      expectVerdict(await as(role, c).request(QUERIES[field]!.document, c.vars()), field, role, c);
    });
  });

  describe('mutations', () => {
    const stored = () => new LogInsider(database.pool).count({ otherThan: ['AuditorQueried'] });
    it.each(mutationRows)('%s', async (_, field, role, c) => {
      const before = await stored();
      const answer = await as(role, c).mutate(field, c.vars());
      expectVerdict(answer, field, role, c);
      if (c.allowed) expect(answer.data![field]!.applied).toBe(true);
      else expect(await stored()).toBe(before);
    });
  });
});

/** Allowed: no error and an answer (then the case's own check). Refused: the code, and no data for the field. */
function expectVerdict(answer: GraphQLAnswer<Record<string, any>>, field: string, role: Role, c: Case): void {
  if (c.allowed) {
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.[field]).toEqual(expect.anything());
    c.check?.(answer.data![field]);
  } else {
    expect(answer.errors?.[0]?.extensions?.code).toBe(role === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    expect(answer.data?.[field] ?? null).toBeNull();
  }
}
