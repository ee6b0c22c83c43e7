import type { Client } from "./client";

/**
 * Autosaves one entry again and again, as an editor open all day would,
 * recording the version and title of every save the server acknowledged.
 */
export class AutosaveLoop {
  readonly acknowledged: { version: number; title: string }[] = [];
  private running = true;
  private done: Promise<void>;

  constructor(private client: Client, readonly entryId: number, label: string) {
    this.done = this.loop(label);
  }

  get lastVersion() {
    return this.acknowledged.at(-1)?.version ?? 1;
  }

  private async loop(label: string) {
    let version = 1;
    for (let n = 1; this.running; n++) {
      const title = `${label} save ${n}`;
      let res: Response;
      try {
        res = await this.client.post(`/submissions/${this.entryId}/autosave`, { version: String(version), richTextFormat: "json", title });
      } catch {
        return; // the server went away
      }
      if (res.status !== 200) throw new Error(`autosave ${n} answered ${res.status}: ${await res.text()}`);
      version = ((await res.json()) as { version: number }).version;
      this.acknowledged.push({ version, title });
    }
  }

  /** Stops after the save in flight and rethrows anything that went wrong. */
  async stop() {
    this.running = false;
    await this.done;
  }
}

/** Starts a draft as `client` and returns its id. */
export async function newDraft(client: Client): Promise<number> {
  const res = await client.post("/submissions/new", {});
  const location = res.headers.get("location") ?? "";
  const match = /\/submissions\/(\d+)\/edit/.exec(location);
  if (res.status !== 302 || !match) throw new Error(`starting a draft answered ${res.status} ${location}`);
  return Number(match[1]);
}
