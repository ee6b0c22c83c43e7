// Small pieces shared by the administration screens. Browser-safe: no server
// imports, so route components can use them too.

/** A record id from the URL: digits only, else the page does not exist (404). */
export function recordIdFrom(param: string | undefined): number {
  if (!param || !/^\d+$/.test(param)) throw new Response(null, { status: 404 });
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id < 1) throw new Response(null, { status: 404 });
  return id;
}

/** The id named by a `?saved=<id>` flag after a redirect, if any. */
export function savedIdFrom(request: Request): number | null {
  const saved = new URL(request.url).searchParams.get("saved");
  return saved && /^\d{1,15}$/.test(saved) ? Number(saved) : null;
}

// Letters that do not decompose into a plain letter and an accent.
const LETTERS: Record<string, string> = { æ: "ae", ø: "o", œ: "oe", ß: "ss", ł: "l", đ: "d", ð: "d", þ: "th" };

/** "Avon and Somerset Police" -> "avon-and-somerset-police"; "" when nothing usable is left. */
export function slugFrom(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[æøœßłđðþ]/g, (c) => LETTERS[c])
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

/** The slug itself, or the first of slug-2, slug-3... that is not taken. */
export async function firstFreeSlug(base: string, fallback: string, taken: (slug: string) => Promise<boolean>) {
  const root = base || fallback;
  if (!(await taken(root))) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
