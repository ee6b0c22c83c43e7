import { createCookie, redirect } from "@remix-run/node";
import { getDb } from "~/db.server";
import { getConfig } from "~/lib/config.server";
import { cookieSecret } from "~/lib/cookie-secret.server";
import { createLoginSession, deleteLoginSession, findSessionUser, SESSION_ABSOLUTE_MS } from "~/models/login-session.server";
import type { Role, SessionUser } from "~/models/user.server";
import { rememberDevice } from "~/lib/device-cookie.server";
import { safeRedirectPath } from "~/lib/permissions";
import { noteSignedInUser } from "~/lib/request-store.server";

let cookiePromise: Promise<ReturnType<typeof createCookie>> | undefined;

function sessionCookie() {
  cookiePromise ??= (async () => {
    const config = getConfig();
    const secret = await cookieSecret();
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
  const user = token ? await findSessionUser(getDb(), token) : null;
  if (user) noteSignedInUser(user.id);
  return user;
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
  const db = getDb();
  const token = await createLoginSession(db, userId, request.headers.get("User-Agent"));
  const cookie = await sessionCookie();
  const headers = new Headers({ "Set-Cookie": await cookie.serialize(token) });
  // This browser has now signed in to this account: later failures from elsewhere do not stop it (README, "Sign-in throttling").
  const { email } = await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
  headers.append("Set-Cookie", await rememberDevice(request, email));
  return redirect(safeRedirectPath(redirectTo, "/"), { headers });
}

export async function endSession(request: Request) {
  const token = await readToken(request);
  if (token) await deleteLoginSession(getDb(), token);
  const cookie = await sessionCookie();
  return redirect("/", { headers: { "Set-Cookie": await cookie.serialize("", { maxAge: 0 }) } });
}
