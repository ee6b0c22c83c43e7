import fs from "node:fs";
import path from "node:path";

// A running server says which database it uses with a pid file beside it,
// `<database>.server-<pid>.pid`, so that `npm run db:restore` can refuse to
// swap the file under it. One file per server process that opens the
// database: several servers may share one database (README, "Email"). A file
// left by a killed server names a process that no longer exists and is ignored
// (and removed by the next server to start).

const pattern = (database: string) => new RegExp(`^${escape(path.basename(database))}\\.server-(\\d+)\\.pid$`);

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function pidFileOf(database: string, pid = process.pid) {
  return `${path.resolve(database)}.server-${pid}.pid`;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface ServerUsingDatabase {
  pid: number;
  pidFile: string;
}

/** The live server processes whose pid files name this database. */
export function serversUsing(database: string): ServerUsingDatabase[] {
  const dir = path.dirname(path.resolve(database));
  if (!fs.existsSync(dir)) return [];
  const re = pattern(database);
  const found: ServerUsingDatabase[] = [];
  for (const name of fs.readdirSync(dir)) {
    const match = re.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isAlive(pid)) found.push({ pid, pidFile: path.join(dir, name) });
  }
  return found;
}

/** Records that this process uses `database`; returns a function that removes the record. */
export function holdDatabase(database: string): () => void {
  const dir = path.dirname(path.resolve(database));
  const re = pattern(database);
  for (const name of fs.readdirSync(dir)) {
    const match = re.exec(name);
    if (match && !isAlive(Number(match[1]))) fs.rmSync(path.join(dir, name), { force: true });
  }
  const file = pidFileOf(database);
  fs.writeFileSync(file, `${process.pid}\n`);
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    fs.rmSync(file, { force: true });
  };
  process.once("exit", release);
  return release;
}
