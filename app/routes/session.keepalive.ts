import type { ActionFunctionArgs } from "@remix-run/node";
import { getUser } from "~/lib/auth.server";

// "Stay signed in": any request by a signed-in person counts as use of the
// session (auth.server records it), so this only has to ask who is signed in.
// A POST, so that nothing but the person's own page extends their session.
export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  return Response.json({ signedIn: user !== null }, { status: user ? 200 : 401, headers: { "Cache-Control": "no-store" } });
}

export async function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}
