import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Witness } from '#journal';
import { CliInputError } from './journal-commands.js';

export const WITNESS_USAGE = `himotoki witness --name NAME --key FILE --log VKEY [--log VKEY]... --state FILE [--listen HOST:PORT]
                                          run a witness (C2SP tlog-witness): cosign each log's checkpoints
                                          that extend the last one cosigned; refuse and alarm on a fork or a
                                          rollback. FILE keys are Ed25519 PEM (created when missing).`;

/** The witness's own key: the PEM file, or a new key written there (mode 0600) on first use. */
async function witnessKey(file: string): Promise<KeyObject> {
  try {
    const key = createPrivateKey(await readFile(file, 'utf8'));
    if (key.asymmetricKeyType !== 'ed25519') throw new CliInputError(`--key: ${file} holds a ${key.asymmetricKeyType} key; a witness signs with Ed25519`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error instanceof CliInputError ? error : new CliInputError(`--key: cannot read a PEM private key from ${file}: ${(error as Error).message}`);
    const { privateKey } = generateKeyPairSync('ed25519');
    await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    return privateKey;
  }
}

/** `himotoki witness`: a separate process, run by an outside party; it runs until SIGINT or SIGTERM. */
export async function runWitness(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { name: { type: 'string' }, key: { type: 'string' }, log: { type: 'string', multiple: true }, state: { type: 'string' }, listen: { type: 'string', default: '127.0.0.1:7380' } },
  });
  if (!values.name || !values.key || !values.state || !values.log?.length) throw new CliInputError(`witness needs --name, --key, --state and at least one --log\n${WITNESS_USAGE}`);
  const listen = /^(.+):(\d{1,5})$/.exec(values.listen);
  if (!listen) throw new CliInputError('--listen must be HOST:PORT');
  let witness: Witness;
  try {
    witness = await Witness.open({
      name: values.name,
      key: await witnessKey(values.key),
      logs: values.log,
      stateFile: values.state,
      onAlarm: (alarm) => console.error(`ALARM ${alarm.kind} of ${alarm.origin} at ${alarm.at}: ${alarm.reason}`),
    });
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    throw new CliInputError((error as Error).message);
  }
  const { url, server } = await witness.listen(Number(listen[2]), listen[1]);
  console.log(`witness ${values.name} on ${url}/add-checkpoint; its verifier key (give it to the log, HIMOTOKI_JOURNAL_WITNESSES="${url} <key>"):`);
  console.log(witness.verifierKey);
  for (const alarm of witness.alarms) console.error(`ALARM (earlier) ${alarm.kind} of ${alarm.origin} at ${alarm.at}: ${alarm.reason}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await new Promise((resolve) => server.close(resolve));
  return 0;
}
