/**
 * For old revisions only: loaded (node --import) into a benchmark script that `bench:compare` runs a round of, on a
 * side whose build predates the 'error' listener every pool now has (libs/database, lost-connections.ts). A script
 * drops its database WITH (FORCE) once its figures are taken; a pool connection still idle then is ended by the
 * server (57P01), and such a revision's pg emitted that on a pool where no listener waited, so the run died before
 * printing its JSON line. That ending alone is let pass here, named on stderr; any other uncaught error still ends
 * the run.
 */
process.on('uncaughtException', (error: Error & { code?: string }) => {
  if (error.code !== '57P01') throw error;
  console.error(`bench:compare: a pool connection was ended by the server (${error.message}); the run goes on`);
});
