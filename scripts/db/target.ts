import { DEFAULT_DATABASE_PATH } from "../../app/lib/config.server";
import { BackupError } from "../../db/backup";

// What db:backup and db:restore work on: DATABASE_PATH, as the server reads it.

export class UsageError extends Error {}

/**
 * The SQLite file the server would open. A DATABASE_URL naming another
 * database is refused plainly: the app runs on SQLite only today, and a
 * PostgreSQL database is backed up with pg_dump (README, "Back up and restore").
 */
export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? "";
    const what = scheme.startsWith("postgres") ? "a PostgreSQL database" : `a database the practice bank does not know (${scheme || "no scheme"}:)`;
    throw new UsageError(
      [
        `DATABASE_URL names ${what}. The practice bank runs on SQLite only today (DATABASE_PATH), so this command does nothing.`,
        "Once PostgreSQL is supported, back it up with pg_dump and restore it with pg_restore (README, \"Back up and restore\").",
        "Unset DATABASE_URL to back up or restore the SQLite database at DATABASE_PATH.",
      ].join("\n"),
    );
  }
  return env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH;
}

/** The one file argument after vite-node's own arguments. */
export function fileArgument(argv: string[], usage: string): string {
  const args = argv.slice(2).filter((a) => a !== "--");
  if (args.length !== 1 || args[0].startsWith("-")) throw new UsageError(`Usage: ${usage}`);
  return args[0];
}

/** Runs a command's body, printing a failure as a plain message and an exit code, never a stack trace. */
export async function runCommand(body: () => Promise<void> | void) {
  try {
    await body();
  } catch (e) {
    const known = e instanceof BackupError || e instanceof UsageError;
    process.stderr.write(`${known ? (e as Error).message : `Failed: ${e instanceof Error ? e.message : String(e)}`}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  }
}
