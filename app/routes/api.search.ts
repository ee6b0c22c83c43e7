import { getConfig } from "~/lib/config.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { searchJson } from "~/lib/open-data/search-json";
import { search, searchParamsFromUrl } from "~/models/search.server";

// Search as open data: the same parameters as /search, answered as JSON.
// Only published content is in the index, so anyone may read it from any
// site (CORS *); no cookies are read, so the answer is the same for everyone
// and shared caches may keep it for a short while.

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const response = await search(getDb(), searchParamsFromUrl(url.searchParams));
  return Response.json(searchJson(response, getConfig().APP_URL), {
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=60",
    },
  });
}
