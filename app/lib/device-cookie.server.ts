import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { cookieSecret } from "~/lib/cookie-secret.server";
import { getConfig } from "~/lib/config.server";
import { normaliseEmail } from "~/models/user.server";

// OWASP's device cookie ("Slow down online guessing attacks with device
// cookies"): after a successful sign-in the browser keeps a signed cookie
// naming the account and a random nonce. A later sign-in to that account from
// that browser is a trusted one: it is limited only by its own nonce's
// failures, never by failures from elsewhere. See "Sign-in throttling" in README.

const MAX_ACCOUNTS = 5;
const DEVICE_COOKIE_DAYS = 365;

interface DeviceEntry {
  e: string;
  n: string;
}

let cookiePromise: Promise<ReturnType<typeof createCookie>> | undefined;

function deviceCookie() {
  cookiePromise ??= (async () => {
    const config = getConfig();
    // The same secret as the session cookie, but its own name and shape: one cannot stand in for the other.
    const secret = await cookieSecret();
    return createCookie(config.secureCookies ? "__Host-pb_device" : "pb_device", {
      httpOnly: true,
      sameSite: "lax",
      secure: config.secureCookies,
      path: "/",
      secrets: [secret],
      maxAge: DEVICE_COOKIE_DAYS * 24 * 60 * 60,
    });
  })();
  return cookiePromise;
}

async function readEntries(request: Request): Promise<DeviceEntry[]> {
  const value = await (await deviceCookie()).parse(request.headers.get("Cookie"));
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is DeviceEntry => typeof v?.e === "string" && typeof v?.n === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(v.n));
}

/** The nonce this browser holds for the account, if it signed in to it before; null otherwise (or if the cookie is forged). */
export async function trustedDeviceFor(request: Request, email: string): Promise<string | null> {
  const wanted = normaliseEmail(email);
  return (await readEntries(request)).find((entry) => entry.e === wanted)?.n ?? null;
}

/** The Set-Cookie header that records a successful sign-in to `email` from this browser (a fresh nonce each time). */
export async function rememberDevice(request: Request, email: string): Promise<string> {
  const wanted = normaliseEmail(email);
  const others = (await readEntries(request)).filter((entry) => entry.e !== wanted);
  const entries = [{ e: wanted, n: randomBytes(18).toString("base64url") }, ...others].slice(0, MAX_ACCOUNTS);
  return (await deviceCookie()).serialize(entries);
}
