/**
 * A private PostgreSQL cluster for the Temporal server: Debian's `postgresql` package (installed
 * with apt-get when missing and running as root), `initdb` into a folder of our own and `pg_ctl`
 * to start it on 127.0.0.1 only, with its socket in that folder. No system service is used.
 * As root, the server programs run as the `postgres` user the package creates (PostgreSQL
 * refuses to run as root). Local connections are trusted: the cluster listens on loopback only.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';

export interface PostgresOptions {
  /** Cluster folder (created by initdb). */
  dataDir: string;
  port: number;
  /** Superuser created by initdb; Temporal connects as this user. */
  user: string;
  log: (line: string) => void;
}

export interface PostgresHandle {
  host: string;
  port: number;
  user: string;
  binDir: string;
  stop(): Promise<void>;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

const PROGRAMS = ['pg_ctl', 'initdb', 'pg_isready'];
const hasPrograms = (dir: string) => PROGRAMS.every((p) => existsSync(path.join(dir, p)));

/**
 * The PostgreSQL programs folder: the newest /usr/lib/postgresql/<n>/bin (Debian's layout), else
 * the folder pg_ctl on PATH really lives in (links are followed: Debian links a few programs
 * into /usr/bin or /usr/local/bin, not all of them).
 */
export function findPostgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+$/.test(v) && hasPrograms(path.join(base, v, 'bin')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = dir ? path.join(dir, 'pg_ctl') : '';
    if (!candidate || !existsSync(candidate)) continue;
    const real = path.dirname(realpathSync(candidate));
    if (hasPrograms(real)) return real;
  }
  return undefined;
}

function run(cmd: string, args: string[], options: { asPostgres?: boolean; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  const [file, argv] = options.asPostgres && isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return spawnSync(file, argv, { encoding: 'utf8', env: { ...process.env, ...options.env }, timeout: 300_000 });
}

function check(r: SpawnSyncReturns<string>, what: string): void {
  if (r.status !== 0) throw new Error(`${what} thất bại (mã ${r.status ?? r.signal}): ${(r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n').slice(-5).join('\n')}`);
}

/** Finds the PostgreSQL programs, installing Debian's package when possible. */
export function ensurePostgresInstalled(log: (line: string) => void): string {
  const found = findPostgresBin();
  if (found) return found;
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) {
    throw new Error('Không có PostgreSQL trên máy này. Cài gói Debian `postgresql` (sudo apt-get install postgresql) rồi chạy lại.');
  }
  log('Đang cài PostgreSQL (gói Debian postgresql, chỉ lần đầu)…');
  check(run('apt-get', ['update']), 'apt-get update');
  check(run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { env: { DEBIAN_FRONTEND: 'noninteractive' } }), 'apt-get install postgresql');
  const bin = findPostgresBin();
  if (!bin) throw new Error('Đã cài gói postgresql nhưng không thấy pg_ctl.');
  return bin;
}

/** Creates the cluster on first use, starts it, and resolves once it accepts connections. */
export async function startPostgres(options: PostgresOptions): Promise<PostgresHandle> {
  const bin = ensurePostgresInstalled(options.log);
  const dataDir = path.resolve(options.dataDir);
  const owner = isRoot() ? 'postgres' : userInfo().username;
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (isRoot()) {
      const pg = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const uid = Number(pg.stdout.trim());
      const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
      if (!Number.isInteger(uid) || pg.status !== 0) throw new Error('Không có người dùng hệ thống "postgres" (gói postgresql tạo người dùng này).');
      chownSync(dataDir, uid, gid);
      // The postgres user must be able to reach the folder.
      for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if ((statSync(dir).mode & 0o001) === 0) throw new Error(`Người dùng postgres không vào được thư mục ${dir}; chọn thư mục dữ liệu khác.`);
      }
    }
    options.log(`Đang tạo cụm PostgreSQL ở ${dataDir} (chủ sở hữu ${owner})…`);
    check(run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', options.user, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'], { asPostgres: true }), 'initdb');
  }
  const logFile = path.join(dataDir, 'server.log');
  const pgOptions = `-c listen_addresses=127.0.0.1 -p ${options.port} -k ${dataDir} -c max_connections=200 -c fsync=on`;
  check(run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-o', pgOptions, '-l', logFile, '-w', '-t', '60', 'start'], { asPostgres: true }), 'pg_ctl start');
  const ready = run(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(options.port), '-t', '30']);
  check(ready, 'pg_isready');
  return {
    host: '127.0.0.1',
    port: options.port,
    user: options.user,
    binDir: bin,
    async stop() {
      run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'], { asPostgres: true });
    },
  };
}
