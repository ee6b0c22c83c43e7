import { parseArgs } from "node:util";
import { closeDb, getDb } from "~/db.server";
import { getConfig, siteUrl } from "~/lib/config.server";
import { ensureAdministrator } from "~/lib/first-admin.server";
import { formatUkDateTime } from "~/lib/uk-time";
import { emailAddress, requiredText } from "~/schemas/fields";
import { prepareDatabase } from "../db/prepare";

// npm run create-admin -- --email <email> --name "<name>"
//
// Creates the first administrator of a new deployment (or makes an existing
// account an enabled administrator) and prints a one-time link to choose the
// password. It takes no password on purpose: command lines end up in shell
// history and process lists. Uses the same DATABASE_PATH and APP_URL as the
// server, and migrates the database first, so it works before the first start.

function fail(message: string): never {
  console.error(`create-admin: ${message}`);
  console.error('Usage: npm run create-admin -- --email <email> --name "<full name>"');
  process.exit(2);
}

function readArguments() {
  let parsed;
  try {
    parsed = parseArgs({
      // vite-node passes its own arguments through; only ours are read.
      args: process.argv.slice(2).filter((a) => a !== "--"),
      options: { email: { type: "string" }, name: { type: "string" } },
      strict: true,
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    fail(/password/i.test(text) ? "a password is never given on the command line; the link this prints lets the person choose it" : text);
  }
  const email = emailAddress.safeParse(parsed.values.email ?? "");
  if (!email.success) fail(`--email: ${email.error.issues[0].message}`);
  const name = requiredText("Enter the person's full name", 200, "Name must be 200 characters or fewer").safeParse(parsed.values.name ?? "");
  if (!name.success) fail(`--name: ${name.error.issues[0].message}`);
  return { email: email.data, name: name.data };
}

const input = readArguments();
let config;
try {
  config = getConfig();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const db = getDb();
try {
  await prepareDatabase(db, { demo: config.demo });
  const result = await ensureAdministrator(db, input);
  console.log(`${result.created ? "Created" : "Updated"} administrator ${input.email} in ${config.DATABASE_PATH}.`);
  console.log(`Open this link to choose the password (it works once, until ${formatUkDateTime(result.expiresAt)} UK time):`);
  console.log(siteUrl(`/set-password/${result.token}`));
} finally {
  await closeDb();
}
