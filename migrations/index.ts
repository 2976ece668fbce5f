import { EventStore1764000000000 } from './1764000000000-event-store.js';
import { AppendToStreams1764000000001 } from './1764000000001-append-to-streams.js';
import { Projections1764000000002 } from './1764000000002-projections.js';
import { AccessHistory1764000000003 } from './1764000000003-access-history.js';
import { Registry1764000000004 } from './1764000000004-registry.js';
import { LinkageExposure1764000000005 } from './1764000000005-linkage-exposure.js';
import { Journal1764000000010 } from './1764000000010-journal.js';
import { Findings1764000000020 } from './1764000000020-findings.js';
import { Reporting1764000000030 } from './1764000000030-reporting.js';
import { NamesInAnswers1764000000200 } from './1764000000200-names-in-answers.js';
import { Corrections1764000000150 } from './1764000000150-corrections.js';
import { FindingsMyNumberUse1764000000250 } from './1764000000250-findings-my-number-use.js';
import { JournalCommitments1764000000300 } from './1764000000300-journal-commitments.js';
import { CommitmentsBesideEvents1764000000500 } from './1764000000500-commitments-beside-events.js';
import { PartitionedLog1764000000600 } from './1764000000600-partitioned-log.js';
import { OpeningByConcatenation1764000000700 } from './1764000000700-opening-by-concatenation.js';
import { IdentifierRecords1764000000750 } from './1764000000750-identifier-records.js';
import { UncommittedEventsIndex1764000000800 } from './1764000000800-uncommitted-events-index.js';
import { RecomputedCommitmentsByKey1764000000950 } from './1764000000950-recomputed-commitments-by-key.js';
import { JournalLeafTiles1764000001000 } from './1764000001000-journal-leaf-tiles.js';
import { CommitmentsInTheAppend1764000001050 } from './1764000001050-commitments-in-the-append.js';
import { JournalMonitorPlace1764000001200 } from './1764000001200-journal-monitor-place.js';

/** Every migration, in order. A migration that has landed is never edited: add a new one. */
export const MIGRATIONS = [
  EventStore1764000000000, AppendToStreams1764000000001, Projections1764000000002, AccessHistory1764000000003, Registry1764000000004,
  LinkageExposure1764000000005, Journal1764000000010, Findings1764000000020, Reporting1764000000030,
  Corrections1764000000150,
  NamesInAnswers1764000000200,
  FindingsMyNumberUse1764000000250,
  JournalCommitments1764000000300,
  CommitmentsBesideEvents1764000000500,
  PartitionedLog1764000000600,
  OpeningByConcatenation1764000000700,
  IdentifierRecords1764000000750,
  UncommittedEventsIndex1764000000800,
  RecomputedCommitmentsByKey1764000000950,
  JournalLeafTiles1764000001000,
  CommitmentsInTheAppend1764000001050,
  JournalMonitorPlace1764000001200,
];
