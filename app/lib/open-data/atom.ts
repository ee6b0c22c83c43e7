import type { PublishedPractice } from "~/models/published-practice.server";
import { escapeXml as x } from "./xml";

// An Atom (RFC 4287) feed of newly published practice. Written as a
// template rather than with an XML library: the document is small and
// fixed, and every piece of text goes through escapeXml.
//
// Ids are tag: URIs (RFC 4151) built from the slug, which never changes once
// an entry is published, rather than from the address the feed was fetched
// at, so a reader that sees the feed on two host names, or after a move to a
// new domain, does not show every entry twice. Same idea as the calendar UIDs.

const ID_PREFIX = "tag:practice-bank,2026:practice";
export const FEED_TITLE = "Neighbourhood policing practice bank: newly published practice";

function entryXml(e: PublishedPractice, origin: string): string {
  const url = `${origin}/practice/${e.slug}`;
  return [
    "  <entry>",
    `    <id>${x(`${ID_PREFIX}/${e.slug}`)}</id>`,
    `    <title type="text">${x(e.title || "Untitled entry")}</title>`,
    `    <link rel="alternate" type="text/html" href="${x(url)}"/>`,
    `    <published>${x(e.firstPublishedAt)}</published>`,
    `    <updated>${x(e.publishedAt)}</updated>`,
    `    <author><name>${x(e.organisation.name)}</name></author>`,
    ...e.tags.map((t) => `    <category term="${x(t.slug)}" label="${x(t.label)}"/>`),
    `    <summary type="text">${x(e.summary)}</summary>`,
    "  </entry>",
  ].join("\n");
}

/**
 * The whole feed. `updated` is when the list last changed (a publication or
 * a take-down); the feed-level author covers a feed with no entries, which
 * RFC 4287 would otherwise not allow.
 */
export function practiceFeed(entries: PublishedPractice[], { origin, updated }: { origin: string; updated: string }): string {
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">`,
    `  <id>${ID_PREFIX}</id>`,
    `  <title type="text">${x(FEED_TITLE)}</title>`,
    `  <subtitle type="text">Neighbourhood policing practice from forces in England and Wales, reviewed and published by the College's practice team.</subtitle>`,
    `  <updated>${x(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(`${origin}/practice/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(`${origin}/`)}"/>`,
    `  <author><name>Neighbourhood policing practice bank</name></author>`,
    ...entries.map((e) => entryXml(e, origin)),
    `</feed>`,
    "",
  ].join("\n");
}
