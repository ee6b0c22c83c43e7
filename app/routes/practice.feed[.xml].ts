import { getConfig } from "~/lib/config.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { practiceFeed } from "~/lib/open-data/atom";
import { lastPublicationChange, listPublishedPractice } from "~/models/published-practice.server";

// The newest published practice as an Atom feed, for feed readers and other
// sites. The static "feed.xml" segment ranks above practice.$slug.
const FEED_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const entries = await listPublishedPractice(db, { limit: FEED_SIZE });
  // Nothing ever published: "now" is as true as any other time.
  const updated = (await lastPublicationChange(db)) ?? new Date().toISOString();
  return new Response(practiceFeed(entries, { origin: getConfig().APP_URL, updated }), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
