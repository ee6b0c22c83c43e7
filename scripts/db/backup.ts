import { backupDatabase, describeBackup } from "../../db/backup";
import { databasePath, fileArgument, runCommand } from "./target";

// npm run db:backup -- <file>: a checked online copy of DATABASE_PATH (README, "Back up and restore").
await runCommand(() => {
  const file = fileArgument(process.argv, "npm run db:backup -- <file>   (for example backups/practice-bank-2026-12-01.sqlite)");
  const source = databasePath();
  const result = backupDatabase(source, file);
  process.stdout.write(`Backed up ${source}\n${describeBackup(result)}\n`);
});
