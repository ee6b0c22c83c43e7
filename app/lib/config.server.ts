import { z } from "zod";

// Read once at start-up, so a misconfigured server refuses to start instead of
// failing on the first sign-in.
//
// Two things are kept apart (docs/decisions/0001-demo-is-not-a-runtime-mode.md):
// - the runtime: the server always runs the production build with production
//   error handling; NODE_ENV only says whether that is so;
// - the demo: demo accounts and case studies, a generated session secret and
//   a site address of http://localhost:<PORT>. DEMO switches it.

/** An empty variable counts as unset, as people expect of `FOO= npm start`. */
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return LOOPBACK_HOSTS.has(host) || host.startsWith("127.") || host.endsWith(".localhost");
  } catch {
    return false;
  }
}

/** Also read by the backup and restore scripts, which need no other setting. */
export const DEFAULT_DATABASE_PATH = "./data/practice-bank.sqlite";

const schema = z
  .object({
    NODE_ENV: optional(z.enum(["development", "production", "test"])),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
    DEMO: optional(z.enum(["on", "off"])),
    /** A demo on a public address is a deliberate choice, never an accident. */
    DEMO_ON_PUBLIC_ADDRESS: optional(z.enum(["yes", "no"])),
    APP_URL: optional(
      z
        .string()
        .refine((v) => /^https?:\/\/[^/?#]+/i.test(v) && URL.canParse(v), "must be the site's address, e.g. https://practice-bank.example.org")
        .refine((v) => {
          const u = URL.canParse(v) ? new URL(v) : null;
          return !u || ((u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && !u.username && !u.password);
        }, "must be only the scheme and host (and port), with no path, query or credentials"),
    ),
    SESSION_SECRET: optional(z.string()),
    TRUST_PROXY: optional(z.string()),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
    // Email (see "Email" in README.md).
    SMTP_URL: optional(
      z.string().refine((v) => /^smtps?:\/\/[^/?#]/i.test(v) && URL.canParse(v), "must be a URL like smtp://user:pass@host:587 or smtps://…"),
    ),
    MAIL_FROM: z.string().min(1).refine((v) => v.includes("@"), "must be an address, e.g. Practice bank <no-reply@example.org>").default("Practice bank <no-reply@practice-bank.invalid>"),
    MAIL_DIR: z.string().min(1).default("./data/outbox-mail"),
    MAIL_WORKER: z.enum(["on", "off"]).default("on"),
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5000),
    // Scheduled backups (README, "Back up and restore"): off unless both are set. Fractions of an hour are allowed, down to one second.
    BACKUP_DIR: optional(z.string().min(1)),
    BACKUP_INTERVAL_HOURS: optional(z.coerce.number().min(1 / 3600, "must be at least 1 second (0.0003 hours)").max(24 * 31)),
    BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(7),
  })
  .transform((env) => {
    // With no site address given, this is someone trying the portal on their
    // own machine: the demo is on. Giving APP_URL means a deployment.
    const demo = env.DEMO ? env.DEMO === "on" : !env.APP_URL;
    const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
    return { ...env, demo, APP_URL: appUrl, appUrlGiven: Boolean(env.APP_URL) };
  })
  .superRefine((env, ctx) => {
    if (!env.demo) {
      if (!env.appUrlGiven) ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "APP_URL must be set to the site's address (e.g. https://practice-bank.example.org) when DEMO=off" });
      if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32) {
        ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "SESSION_SECRET must be set to at least 32 random characters when DEMO=off" });
      }
    } else if (!isLoopbackUrl(env.APP_URL) && env.DEMO_ON_PUBLIC_ADDRESS !== "yes") {
      ctx.addIssue({
        code: "custom",
        path: ["DEMO"],
        message: `the demo creates accounts whose passwords are published in README, so it does not run on ${env.APP_URL}; set DEMO=off for a real service (or DEMO_ON_PUBLIC_ADDRESS=yes for a deliberately public demo)`,
      });
    }
  });

export type Config = z.infer<typeof schema> & {
  /** The site is served over HTTPS, so cookies are Secure and __Host- prefixed. */
  secureCookies: boolean;
};

let cached: Config | undefined;

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Configuration error: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return { ...parsed.data, secureCookies: parsed.data.APP_URL.startsWith("https:") };
}

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** An absolute address on this site, built from APP_URL and never from a request's Host header. */
export function siteUrl(path = "/"): string {
  return getConfig().APP_URL + (path.startsWith("/") ? path : `/${path}`);
}
