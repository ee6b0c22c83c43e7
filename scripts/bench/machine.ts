import fs from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";
import SQLite from "better-sqlite3";

// What the numbers were measured on: they mean little without it.

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  sqlite: string;
  betterSqlite3: string;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(fs.readFileSync("/etc/os-release", "utf8"))?.[1];
    if (pretty) return `${pretty}, ${os.type()} ${os.release()} ${os.arch()}`;
  } catch {
    // not Linux, or no os-release
  }
  return `${os.type()} ${os.release()} ${os.arch()}`;
}

export function describeMachine(): Machine {
  const sqlite = new SQLite(":memory:");
  const version = (sqlite.prepare("select sqlite_version() as v").get() as { v: string }).v;
  sqlite.close();
  const require = createRequire(import.meta.url);
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    sqlite: version,
    betterSqlite3: (require("better-sqlite3/package.json") as { version: string }).version,
  };
}

/** 1, 5 and 15 minute load averages: above the core count, something else was busy. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(" ");
}
