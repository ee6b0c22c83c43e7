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

/** Only same-site paths, so a crafted link cannot bounce a signed-in user elsewhere. */
export function safeRedirectPath(to: unknown, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
