import type { Client } from "./client";
import { completeEntryForm } from "./entries";
import type { RunningServer } from "./server";

/** A write the server acknowledged (2xx, or the 302 of a form that worked), to look for after a crash. */
export type Acknowledged =
  | { kind: "autosave"; entryId: number; version: number; title: string }
  | { kind: "submit"; entryId: number; title: string }
  | { kind: "publish"; entryId: number };

export interface BurstCounts {
  autosave: number;
  submit: number;
  publish: number;
}

/**
 * Autosaves, submissions and publishes at once against one server, as a busy
 * morning would bring, until `stop()` or until the server goes away. Only
 * answers that say the write happened are recorded; a request cut off by a
 * crash is not, whatever became of it.
 */
export class WriteBurst {
  readonly acknowledged: Acknowledged[] = [];
  private running = true;
  private loops: Promise<void>[];

  constructor(
    private server: RunningServer,
    private clients: { leads: Client[]; reviewer: Client },
    private tagId: number,
    private label: string,
  ) {
    this.loops = [...clients.leads.map((lead, i) => this.autosaves(lead, i)), ...clients.leads.map((lead, i) => this.submissions(lead, i)), this.publishes()];
  }

  counts(): BurstCounts {
    const counts = { autosave: 0, submit: 0, publish: 0 };
    for (const a of this.acknowledged) counts[a.kind]++;
    return counts;
  }

  async stop() {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Runs `fn` until stopped; a refused connection (the server was killed) ends the loop quietly. */
  private async repeat(fn: (n: number) => Promise<void>) {
    for (let n = 1; this.running; n++) {
      try {
        await fn(n);
      } catch (e) {
        if (e instanceof TypeError) return; // fetch failed: the server went away
        throw e;
      }
    }
  }

  private async newDraft(lead: Client) {
    const res = await lead.post("/submissions/new", {});
    const match = /\/submissions\/(\d+)\/edit/.exec(res.headers.get("location") ?? "");
    if (res.status !== 302 || !match) throw new Error(`starting a draft answered ${res.status}`);
    return Number(match[1]);
  }

  private async autosaves(lead: Client, i: number) {
    let entryId: number | undefined;
    let version = 1;
    await this.repeat(async (n) => {
      entryId ??= await this.newDraft(lead);
      const title = `${this.label} lead ${i} save ${n}`;
      const res = await lead.post(`/submissions/${entryId}/autosave`, { version: String(version), richTextFormat: "json", title });
      if (res.status !== 200) throw new Error(`autosave answered ${res.status}: ${await res.text()}`);
      version = ((await res.json()) as { version: number }).version;
      this.acknowledged.push({ kind: "autosave", entryId, version, title });
    });
  }

  private async submissions(lead: Client, i: number) {
    await this.repeat(async (n) => {
      const entryId = await this.newDraft(lead);
      const title = `${this.label} lead ${i} entry ${n}`;
      const res = await lead.post(`/submissions/${entryId}/edit`, { intent: "submit", version: "1", ...completeEntryForm(this.tagId, { title }) });
      if (res.status !== 302) throw new Error(`submitting answered ${res.status}`);
      this.acknowledged.push({ kind: "submit", entryId, title });
    });
  }

  private async publishes() {
    const published = new Set<number>();
    await this.repeat(async () => {
      const waiting = this.acknowledged.find((a) => a.kind === "submit" && !published.has(a.entryId));
      if (!waiting) {
        await new Promise((r) => setTimeout(r, 20));
        return;
      }
      published.add(waiting.entryId);
      const { state_version } = await this.server.withDb((db) =>
        db.selectFrom("practice_entries").select("state_version").where("id", "=", waiting.entryId).executeTakeFirstOrThrow(),
      );
      const res = await this.clients.reviewer.post(`/review/${waiting.entryId}`, {
        intent: "publish", stateVersion: String(state_version), evidenceLabel: "worked", tagIds: [String(this.tagId)],
      });
      if (res.status !== 302) throw new Error(`publishing answered ${res.status}`);
      this.acknowledged.push({ kind: "publish", entryId: waiting.entryId });
    });
  }
}

/** Every acknowledged write that the database does not hold, in words; empty when nothing was lost. */
export async function missingWrites(server: RunningServer, acknowledged: Acknowledged[]): Promise<string[]> {
  return server.withDb(async (db) => {
    const missing: string[] = [];
    const latestSave = new Map<number, Extract<Acknowledged, { kind: "autosave" }>>();
    for (const a of acknowledged) if (a.kind === "autosave") latestSave.set(a.entryId, a);
    const entry = (id: number) =>
      db.selectFrom("practice_entries")
        .leftJoin("practice_revisions", "practice_revisions.id", "practice_entries.working_revision_id")
        .select(["practice_entries.status", "practice_entries.slug", "practice_revisions.title", "practice_revisions.version"])
        .where("practice_entries.id", "=", id)
        .executeTakeFirst();
    for (const save of latestSave.values()) {
      const row = await entry(save.entryId);
      // A save cut off after it committed may have moved the entry one version further.
      if (!row || row.version! < save.version || (row.version === save.version && row.title !== save.title)) {
        missing.push(`autosave ${save.title} (version ${save.version}) of entry ${save.entryId}: found ${JSON.stringify(row)}`);
      }
    }
    for (const a of acknowledged) {
      if (a.kind === "submit") {
        const row = await entry(a.entryId);
        if (!row || row.status === "draft") missing.push(`submission of entry ${a.entryId} (${a.title}): found ${JSON.stringify(row)}`);
      }
      if (a.kind === "publish") {
        const row = await entry(a.entryId);
        const indexed = await db.selectFrom("search_documents").select("id").where("kind", "=", "practice").where("ref_id", "=", a.entryId).executeTakeFirst();
        if (row?.status !== "published" || !indexed) missing.push(`publication of entry ${a.entryId}: found ${JSON.stringify(row)}, indexed: ${Boolean(indexed)}`);
      }
    }
    return missing;
  });
}
