-- Whether the journal's commitments are on: a constant, which only switchJournalCommitments redefines (a benchmark's
-- "append alone", on a database of its own). Read by every append at no cost: the planner folds it into the
-- append's plans, and redefining it invalidates, in every session, the plans whose statements name it (so an
-- append names it itself, not through another SQL function, whose inlined body the plan cache does not track).
CREATE OR REPLACE FUNCTION event_store.journal_commitments_on() RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT true $$
