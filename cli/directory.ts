/**
 * The directory as CLI commands reach it: the object store the configuration names (the same
 * one `npm start` seeds and the worker reads). Commands that only draft on this machine
 * (`render … --local-only`) fall back to the shipped samples when the store does not answer,
 * and say so.
 */
import { endpointsFromConfig, loadConfig } from '../infra/config.js';
import { DirectoryStore, directoryKeys, MemoryDirectory, loadSampleUnits, type DirectoryReader } from '../infra/directory-store.js';
import { FilePlans, PlanLibrary, usePlanLibrary, type PlanReader } from '../infra/plan-library.js';
import { PLANS_DIR } from '../infra/plan-store.js';
import { S3ObjectStore } from '../infra/s3.js';
import { resolveApprovalSecret } from '../infra/secret.js';
import { CliError } from './command.js';

/** The configured store's directory (no request is made). */
export function configuredDirectory(): { directory: DirectoryStore; where: string } {
  const config = loadConfig();
  const s3 = endpointsFromConfig(config, resolveApprovalSecret(config)).s3;
  return { directory: new DirectoryStore(S3ObjectStore.fromSettings(s3)), where: `${s3.endpoint} (bucket ${s3.bucket})` };
}

async function answers(directory: DirectoryStore, timeoutMs: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      directory.store.head(directoryKeys.index),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`quá ${timeoutMs} ms không trả lời`)), timeoutMs);
      }),
    ]);
    return undefined;
  } catch (err) {
    return ((err as Error).message || String(err)).split('\n')[0];
  } finally {
    clearTimeout(timer);
  }
}

/** The configured store's directory, checked to answer; CliError naming the store otherwise. */
export async function storeDirectory(): Promise<DirectoryStore> {
  const { directory, where } = configuredDirectory();
  const problem = await answers(directory, 4_000);
  if (problem) throw new CliError(`Không đọc được danh bạ đơn vị trong kho đối tượng ${where}: ${problem}\nHãy chạy \`npm start\` (hoặc đặt S3_ENDPOINT).`, 1);
  // Plans come from the same store's library (campaign start records the version it used).
  usePlanLibrary(new PlanLibrary(directory.store));
  return directory;
}

/**
 * The directory to read. With `samplesIfDown`, a store that does not answer gives the shipped
 * samples and a note; otherwise a CliError naming the store.
 */
export async function readableDirectory(samplesIfDown: boolean): Promise<{ directory: DirectoryReader; note?: string }> {
  if (!samplesIfDown) return { directory: await storeDirectory() };
  const { directory, where } = configuredDirectory();
  if (!(await answers(directory, 4_000))) {
    usePlanLibrary(new PlanLibrary(directory.store));
    return { directory };
  }
  return { directory: new MemoryDirectory(await loadSampleUnits()), note: `Lưu ý: không đọc được danh bạ trong kho đối tượng (${where}); dùng danh bạ mẫu trong data/directory/.` };
}

/**
 * Where a read-only plan command reads plans: the folder given (`--dir`), else the plan library
 * in the configured store, else (store not answering) the sample files in plans/, with a note.
 */
export async function readablePlans(dir?: string): Promise<{ plans: PlanReader; note?: string }> {
  if (dir) return { plans: new FilePlans(dir) };
  const { directory, where } = configuredDirectory();
  const problem = await answers(directory, 4_000);
  if (!problem) {
    const plans = new PlanLibrary(directory.store);
    usePlanLibrary(plans);
    return { plans };
  }
  return { plans: new FilePlans(PLANS_DIR), note: `Lưu ý: không đọc được kho kế hoạch trong kho đối tượng (${where}); dùng các kế hoạch mẫu trong plans/.` };
}
