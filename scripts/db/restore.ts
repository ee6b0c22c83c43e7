import { describeBackup } from "../../db/backup";
import { restoreDatabase } from "../../db/restore";
import { databasePath, fileArgument, runCommand } from "./target";

// npm run db:restore -- <file>: puts a backup in place of DATABASE_PATH (README, "Back up and restore").
await runCommand(async () => {
  const file = fileArgument(process.argv, "npm run db:restore -- <backup file>");
  const target = databasePath();
  const result = await restoreDatabase(file, target);
  const lines = [`Restored ${file} to ${target}`];
  lines.push(result.setAside ? `The database that was there is kept as ${result.setAside} (with its -wal and -shm, if it had them).` : "There was no database there before.");
  if (result.migrated.length) lines.push(`The backup was older than this version: ran ${result.migrated.join(", ")}.`);
  lines.push(describeBackup(result), "Start the server (npm start): it serves the restored data.");
  process.stdout.write(`${lines.join("\n")}\n`);
});
