import { randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { getDb } from "~/db.server";
import { getConfig } from "~/lib/config.server";
import { getOrCreateSetting } from "~/models/setting.server";
import { createLoginSession, deleteLoginSession, findSessionUser, SESSION_ABSOLUTE_MS } from "~/models/login-session.server";
import type { Role, SessionUser } from "~/models/user.server";
import { safeRedirectPath } from "~/lib/permissions";

let cookiePromise: Promise<ReturnType<typeof createCookie>> | undefined;

// Outside the demo the secret comes from SESSION_SECRET (the config refuses to
// start without it). In the demo one is generated once and kept in the
// database, so signing in survives a restart.
function sessionCookie() {
  cookiePromise ??= (async () => {
    const config = getConfig();
    const secret =
      config.SESSION_SECRET ??
      (await getOrCreateSetting(getDb(), "demo_session_secret", () => randomBytes(32).toString("hex")));
    return createCookie(config.secureCookies ? "__Host-pb_session" : "pb_session", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/",
      secrets: [secret],
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });
  })();
  return cookiePromise;
}

/** The signed-in browser's session token (to keep it when ending the account's other sessions). */
export async function readToken(request: Request): Promise<string | null> {
  const cookie = await sessionCookie();
  const value = await cookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  return token ? findSessionUser(getDb(), token) : null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw new Response("You do not have permission to see this page.", { status: 403 });
  }
  return user;
}

/** A new session id at every sign-in, so an id planted before sign-in is worthless. */
export async function startSession(request: Request, userId: number, redirectTo: string) {
  const token = await createLoginSession(getDb(), userId, request.headers.get("User-Agent"));
  const cookie = await sessionCookie();
  return redirect(safeRedirectPath(redirectTo, "/"), { headers: { "Set-Cookie": await cookie.serialize(token) } });
}

export async function endSession(request: Request) {
  const token = await readToken(request);
  if (token) await deleteLoginSession(getDb(), token);
  const cookie = await sessionCookie();
  return redirect("/", { headers: { "Set-Cookie": await cookie.serialize("", { maxAge: 0 }) } });
}
