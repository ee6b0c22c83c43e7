import { randomBytes } from "node:crypto";
import { getDb } from "~/db.server";
import { getConfig } from "~/lib/config.server";
import { getOrCreateSetting } from "~/models/setting.server";

// Outside the demo the secret comes from SESSION_SECRET (the config refuses to
// start without it). In the demo one is generated once and kept in the
// database, so signing in survives a restart.
export async function cookieSecret(): Promise<string> {
  return getConfig().SESSION_SECRET ?? (await getOrCreateSetting(getDb(), "demo_session_secret", () => randomBytes(32).toString("hex")));
}
