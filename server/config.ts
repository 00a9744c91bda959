// Server configuration: one zod schema parsed from the RINGSCOPE_* environment at boot. A bad
// value stops the server with a message naming the variable and what it expects.
import { isAbsolute, join, dirname } from 'node:path';
import { z } from 'zod';
import { loadProfileSync } from '../src/detection/profile.ts';

const Int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A DNS name, an IPv4 address or a bracketed IPv6 address, as in a Host header without its port. */
const HOST_NAME = /^(\[[0-9a-f:.]+\]|[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*)$/;
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The variables, their defaults and what each is for (the README table is written from this). */
export const ConfigEnv = z.object({
  /** production: no demo accounts, first admin from the environment or a one-time token. */
  RINGSCOPE_MODE: z.enum(['production', 'demo', 'development']).default('production'),
  RINGSCOPE_HOST: z.string().min(1).default('127.0.0.1'),
  RINGSCOPE_PORT: Int(0, 65535).default(8080),
  /** Embedded graph store file; ignored when RINGSCOPE_NEO4J_URI is set. */
  RINGSCOPE_DB: z.string().min(1).default('./data/ringscope.db'),
  RINGSCOPE_NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'a bolt:// or neo4j:// URI')
    .optional(),
  /** App state (users, sessions, audit, cases, jobs); default: ringscope-app.db beside the store. */
  RINGSCOPE_APP_DB: z.string().min(1).optional(),
  /** Where uploads are streamed before ingest; default: uploads/ beside the store. */
  RINGSCOPE_UPLOAD_DIR: z.string().min(1).optional(),
  RINGSCOPE_UPLOAD_MAX_MB: Int(1, 10_000).default(512),
  RINGSCOPE_BODY_LIMIT_KB: Int(1, 10_240).default(100),
  RINGSCOPE_SESSION_IDLE_MINUTES: Int(1, 24 * 60).default(30),
  RINGSCOPE_SESSION_ABSOLUTE_HOURS: Int(1, 7 * 24).default(12),
  /** auto: Secure `__Host-` cookie on TLS requests, plain-name cookie on plain HTTP. */
  RINGSCOPE_COOKIE_SECURE: z.enum(['auto', 'always']).default('auto'),
  /** Express `trust proxy` (hops) when behind a TLS-terminating proxy; 0 = none. */
  RINGSCOPE_TRUST_PROXY: Int(0, 10).default(0),
  /** Extra origins allowed to write (comma list), besides the server's own origin. */
  RINGSCOPE_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  /**
   * More host names the server answers to (comma list; any port), besides the loopback names and
   * RINGSCOPE_HOST: any other Host header is refused (DNS rebinding).
   */
  RINGSCOPE_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim().toLowerCase().replace(/\.$/, ''))
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(HOST_NAME, 'a host name or address, without scheme or port'))),
  RINGSCOPE_LOGIN_MAX_FAILURES: Int(1, 100).default(5),
  /** Failed sign-ins from one client address, whatever the accounts, before it too waits. */
  RINGSCOPE_LOGIN_MAX_CLIENT_FAILURES: Int(1, 10_000).default(20),
  RINGSCOPE_LOGIN_WINDOW_MINUTES: Int(1, 24 * 60).default(15),
  /** First admin in production mode (both or neither). */
  RINGSCOPE_ADMIN_USER: z
    .string()
    .regex(/^[a-z][a-z0-9._-]{1,63}$/, 'a lower-case user name')
    .optional(),
  RINGSCOPE_ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  RINGSCOPE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The explorer's built files, served when present. */
  RINGSCOPE_CLIENT_DIST: z.string().default('./client/dist'),
  RINGSCOPE_LOG_REQUESTS: Flag.default(true),
  /** Threads answering neighbourhood, paths and search on the embedded store; 0 = the server's own. */
  RINGSCOPE_HEAVY_READ_THREADS: Int(0, 64).default(2),
  /** Heavy reads (neighbourhood, paths, search) running at once; more wait in the queue. */
  RINGSCOPE_HEAVY_READ_RUNNING: Int(1, 256).default(2),
  RINGSCOPE_HEAVY_READ_QUEUE: Int(0, 10_000).default(16),
  /** One user's share: heavy reads running, and waiting, at once; beyond it 503 with Retry-After. */
  RINGSCOPE_HEAVY_READ_PER_USER: Int(1, 256).default(1),
  RINGSCOPE_HEAVY_READ_PER_USER_QUEUED: Int(0, 10_000).default(4),
  /** Longest wait in the queue before a heavy read is answered 503 with Retry-After. */
  RINGSCOPE_HEAVY_READ_QUEUE_WAIT_MS: Int(1, 600_000).default(2000),
  /** Risk model file written by `ringscope train`, loaded at boot; unset: the store's current model. */
  RINGSCOPE_RISK_MODEL: z.string().min(1).optional(),
  /**
   * Administration profile the detection job runs with: a preset (eu, us) or a JSON file, read
   * at boot by the loader of `ringscope detect --profile` (a bad one names the file and field).
   */
  /**
   * Folder of the keys agreed with partner administrations, for sharing from the API: per partner
   * `<name>.key` (the agreed key, mode 0600) and `<name>.pub` (its signing public key, PEM, to
   * trust on import). Unset: the API does not share.
   */
  RINGSCOPE_SHARE_KEYS_DIR: z.string().min(1).optional(),
  /** The Ed25519 signing key of packages; default: beside the app database, created on first use. */
  RINGSCOPE_SHARE_SIGNING_KEY: z.string().min(1).optional(),
  RINGSCOPE_PROFILE: z
    .string()
    .min(1)
    .default('eu')
    .transform((nameOrFile, ctx) => {
      try {
        return loadProfileSync(nameOrFile);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = z.output<typeof ConfigEnv>;

/** The names a Host header may carry: loopback, the listen address (unless a wildcard), the list. */
function allowedHosts(e: Env): string[] {
  const listen = e.RINGSCOPE_HOST.toLowerCase();
  const own = ['0.0.0.0', '::', '[::]'].includes(listen)
    ? []
    : [listen.includes(':') ? `[${listen}]` : listen];
  return [...new Set([...LOOPBACK_NAMES, ...own, ...e.RINGSCOPE_ALLOWED_HOSTS])];
}

function toConfig(e: Env) {
  const beside = (name: string) => join(dirname(e.RINGSCOPE_DB), name);
  return {
    mode: e.RINGSCOPE_MODE,
    host: e.RINGSCOPE_HOST,
    port: e.RINGSCOPE_PORT,
    db: e.RINGSCOPE_DB,
    neo4jUri: e.RINGSCOPE_NEO4J_URI,
    appDb: e.RINGSCOPE_APP_DB ?? beside('ringscope-app.db'),
    uploadDir: e.RINGSCOPE_UPLOAD_DIR ?? beside('uploads'),
    uploadMaxBytes: e.RINGSCOPE_UPLOAD_MAX_MB * 1024 * 1024,
    bodyLimitBytes: e.RINGSCOPE_BODY_LIMIT_KB * 1024,
    sessionIdleMs: e.RINGSCOPE_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.RINGSCOPE_SESSION_ABSOLUTE_HOURS * 3_600_000,
    cookieSecure: e.RINGSCOPE_COOKIE_SECURE,
    trustProxy: e.RINGSCOPE_TRUST_PROXY,
    allowedOrigins: e.RINGSCOPE_ALLOWED_ORIGINS.map((o) => new URL(o).origin),
    allowedHosts: allowedHosts(e),
    loginMaxFailures: e.RINGSCOPE_LOGIN_MAX_FAILURES,
    loginMaxClientFailures: e.RINGSCOPE_LOGIN_MAX_CLIENT_FAILURES,
    loginWindowMs: e.RINGSCOPE_LOGIN_WINDOW_MINUTES * 60_000,
    admin:
      e.RINGSCOPE_ADMIN_USER !== undefined && e.RINGSCOPE_ADMIN_PASSWORD !== undefined
        ? { username: e.RINGSCOPE_ADMIN_USER, password: e.RINGSCOPE_ADMIN_PASSWORD }
        : undefined,
    logLevel: e.RINGSCOPE_LOG_LEVEL,
    clientDist: isAbsolute(e.RINGSCOPE_CLIENT_DIST)
      ? e.RINGSCOPE_CLIENT_DIST
      : join(process.cwd(), e.RINGSCOPE_CLIENT_DIST),
    logRequests: e.RINGSCOPE_LOG_REQUESTS,
    heavyReads: {
      threads: e.RINGSCOPE_HEAVY_READ_THREADS,
      running: e.RINGSCOPE_HEAVY_READ_RUNNING,
      queue: e.RINGSCOPE_HEAVY_READ_QUEUE,
      perUserRunning: e.RINGSCOPE_HEAVY_READ_PER_USER,
      perUserQueued: e.RINGSCOPE_HEAVY_READ_PER_USER_QUEUED,
      queueWaitMs: e.RINGSCOPE_HEAVY_READ_QUEUE_WAIT_MS,
    },
    riskModel: e.RINGSCOPE_RISK_MODEL,
    share: {
      keysDir: e.RINGSCOPE_SHARE_KEYS_DIR,
      /** Unset: beside the app database (sharingSigningKeyFile). */
      signingKey: e.RINGSCOPE_SHARE_SIGNING_KEY,
    },
    profile: e.RINGSCOPE_PROFILE,
  };
}

/** The server's configuration: the environment checked, then turned into the values the server uses. */
export const Config = ConfigEnv.refine(
  (e) => (e.RINGSCOPE_ADMIN_USER === undefined) === (e.RINGSCOPE_ADMIN_PASSWORD === undefined),
  'RINGSCOPE_ADMIN_USER and RINGSCOPE_ADMIN_PASSWORD: set both or neither',
).transform(toConfig);
export type Config = z.output<typeof Config>;

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const wanted = Object.fromEntries(
    Object.keys(ConfigEnv.shape).map((k) => [
      k,
      env[k] === '' && k !== 'RINGSCOPE_ALLOWED_ORIGINS' ? undefined : env[k],
    ]),
  );
  const parsed = Config.safeParse(wanted);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) =>
      i.path.length === 0
        ? `  ${i.message}`
        : `  ${String(i.path[0])}: ${i.message} (got ${JSON.stringify(wanted[String(i.path[0])])})`,
    );
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * The configuration of a test or a one-off tool: defaults with the given overrides. Heavy reads
 * run in the calling thread unless a test asks for threads: a test's store may be wrapped.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const config = loadConfig({ RINGSCOPE_MODE: 'development', RINGSCOPE_LOG_LEVEL: 'silent' });
  return { ...config, heavyReads: { ...config.heavyReads, threads: 0 }, ...overrides };
}
