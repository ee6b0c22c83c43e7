import type { Role } from "../../db/schema";

export const ROLE_LABELS: Record<Role, string> = {
  force_lead: "Force lead",
  reviewer: "Reviewer",
  admin: "Administrator",
};

/** Where each role starts after signing in. */
export function landingPathFor(role: Role): string {
  switch (role) {
    case "force_lead":
      return "/submissions";
    case "reviewer":
      return "/review";
    case "admin":
      return "/admin";
  }
}

// Any base would do: only whether the target leaves it matters.
const REDIRECT_BASE = "http://practice-bank.invalid";

/**
 * Only a path on this site, so a crafted link cannot bounce a signed-in user
 * elsewhere. The target is resolved as a browser would resolve it (which drops
 * tabs and newlines and reads backslashes as slashes) and kept only if it stays
 * on the same origin; control characters or spaces, which no link of ours
 * holds and which would break the Location header, mean the fallback.
 */
export function safeRedirectPath(to: unknown, fallback: string): string {
  if (typeof to !== "string" || to.length > 2000 || !to.startsWith("/")) return fallback;
  if (/[\p{C}\p{Z}]/u.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser
  // given it as a Location would read as another host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
