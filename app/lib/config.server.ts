import { z } from "zod";

// Read once at start-up, so a misconfigured production server refuses to
// start instead of failing on the first sign-in.
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_PATH: z.string().min(1).default("./data/practice-bank.sqlite"),
    SESSION_SECRET: z.string().optional(),
    TRUST_PROXY: z.string().optional(),
    // Email (see "Email" in README.md). An empty value counts as not set.
    SMTP_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .refine((v) => /^smtps?:\/\/[^/?#]/i.test(v) && URL.canParse(v), "must be a URL like smtp://user:pass@host:587 or smtps://…")
        .optional(),
    ),
    MAIL_FROM: z.string().min(1).refine((v) => v.includes("@"), "must be an address, e.g. Practice bank <no-reply@example.org>").default("Practice bank <no-reply@practice-bank.invalid>"),
    MAIL_DIR: z.string().min(1).default("./data/outbox-mail"),
    MAIL_WORKER: z.enum(["on", "off"]).default("on"),
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET must be set to at least 32 random characters when NODE_ENV=production",
      });
    }
  });

export type Config = z.infer<typeof schema> & { isProduction: boolean };

let cached: Config | undefined;

export function getConfig(): Config {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Configuration error: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    cached = { ...parsed.data, isProduction: parsed.data.NODE_ENV === "production" };
  }
  return cached;
}
