import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/lib/auth.server";

// Signing out changes state, so it is a POST; a GET (a prefetch, a crawler,
// an image tag on another site) must not sign anyone out.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return endSession(request);
}
