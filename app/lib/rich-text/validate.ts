import { getSchema } from "@tiptap/core";
import { Node as ProseMirrorNode, type Schema } from "@tiptap/pm/model";
import { richTextExtensions } from "./extensions";
import { normaliseSafeHref, SAFE_LINK_REL } from "./links";
import { richTextToPlainText } from "./render";
import type { RichTextDoc, RichTextMark, RichTextNode } from "./types";
import { countWords } from "./words";

export const RICH_TEXT_LIMITS = {
  maxChars: 60_000,
  maxDepth: 20,
  maxNodes: 20_000,
  // Generous for 60,000 characters of heavily linked text; it only stops
  // JSON.parse being handed megabytes of junk.
  maxJsonLength: 4_000_000,
} as const;

export interface RichTextLimits {
  maxChars?: number;
  maxDepth?: number;
  maxNodes?: number;
  maxJsonLength?: number;
}

export type RichTextValidation =
  | { ok: true; doc: RichTextDoc; text: string; words: number }
  | { ok: false; message: string };

export const RICH_TEXT_MESSAGES = {
  unreadable: "The text in this section could not be read. Try again, or copy your text into the editor again.",
  unsupported: "The text in this section contains formatting the editor does not support.",
  heading: "The text in this section uses a heading size the editor does not offer.",
  link: "A link in this section is not allowed. Links must be full web addresses starting with https:// or http://, or email links starting with mailto:",
  tooDeep: "The text in this section has too many lists or quotes inside each other.",
  tooComplex: "The text in this section has too many paragraphs, list items or formatting changes.",
  tooLong: (maxChars: number) =>
    `The text in this section is too long. It must be ${maxChars.toLocaleString("en-GB")} characters or fewer.`,
} as const;

/** What the editor stores for a section nobody has typed in. */
export function emptyRichTextDoc(): RichTextDoc {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

/**
 * Checks editor JSON from an untrusted source and returns it normalised.
 *
 * Two passes: first our own walk over the raw value, with hard limits, that
 * copies only known keys and checked attribute values (so hostile input
 * never reaches ProseMirror, and prototype tricks never survive the copy);
 * then ProseMirror's own schema check for nesting rules, using the schema
 * built from the same extensions as the editor.
 *
 * null, undefined, "" and a doc with no content all mean an empty section.
 */
export function validateRichText(input: unknown, opts: RichTextLimits = {}): RichTextValidation {
  const limits = { ...RICH_TEXT_LIMITS, ...opts };

  let value: unknown = input;
  if (typeof input === "string") {
    if (input.trim() === "") return emptyResult();
    if (input.length > limits.maxJsonLength) return refused(RICH_TEXT_MESSAGES.tooComplex);
    try {
      value = JSON.parse(input);
    } catch {
      return refused(RICH_TEXT_MESSAGES.unreadable);
    }
  }
  if (value === null || value === undefined) return emptyResult();
  if (!isPlainObject(value) || value.type !== "doc") return refused(RICH_TEXT_MESSAGES.unreadable);

  let clean: RichTextNode;
  try {
    clean = sanitiseNode(value, 0, { ...limits, nodes: 0, chars: 0, schema: richTextSchema() });
  } catch (error) {
    // Anything else (a throwing getter on a hand-built object, say) is not
    // something to explain to an author.
    return refused(error instanceof Refusal ? error.message : RICH_TEXT_MESSAGES.unreadable);
  }
  // The editor leaves an empty paragraph after the last Enter; it is not part of the text.
  while (clean.content?.length && isEmptyParagraph(clean.content[clean.content.length - 1])) clean.content.pop();
  if (!clean.content || clean.content.length === 0) return emptyResult();

  let node: ProseMirrorNode;
  try {
    node = ProseMirrorNode.fromJSON(richTextSchema(), clean);
    node.check();
  } catch {
    // ProseMirror's messages name internal node types; the author only
    // needs to know the editor could not have produced this.
    return refused(RICH_TEXT_MESSAGES.unsupported);
  }

  // A deep copy: toJSON shares attrs objects with the schema's defaults.
  const doc = JSON.parse(JSON.stringify(node.toJSON())) as RichTextDoc;
  const text = richTextToPlainText(doc);
  return { ok: true, doc, text, words: countWords(text) };
}

let cachedSchema: Schema | undefined;
function richTextSchema(): Schema {
  cachedSchema ??= getSchema(richTextExtensions);
  return cachedSchema;
}

function isEmptyParagraph(node: RichTextNode) {
  return node.type === "paragraph" && !(node.content ?? []).some((child) => child.type !== "hardBreak" && (child.type !== "text" || (child.text ?? "").trim() !== ""));
}

class Refusal extends Error {}

function refused(message: string): RichTextValidation {
  return { ok: false, message };
}

function emptyResult(): RichTextValidation {
  return { ok: true, doc: emptyRichTextDoc(), text: "", words: 0 };
}

type AttrRule = (value: unknown) => unknown;

function refuse(message: string): never {
  throw new Refusal(message);
}

const MAX_TITLE_LENGTH = 500;
const ORDERED_LIST_TYPES = ["1", "a", "A", "i", "I"];

/**
 * Every attribute an author's document may carry, and how its value is
 * checked. Anything not listed is refused, even if the schema defines it,
 * so a Tiptap upgrade cannot quietly widen what we accept.
 */
const NODE_ATTR_RULES: Record<string, Record<string, AttrRule>> = {
  heading: {
    level: (v) => (v === 2 || v === 3 ? v : refuse(RICH_TEXT_MESSAGES.heading)),
  },
  orderedList: {
    start: (v) =>
      Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000
        ? v
        : refuse(RICH_TEXT_MESSAGES.unsupported),
    type: (v) =>
      v === null || (typeof v === "string" && ORDERED_LIST_TYPES.includes(v))
        ? v
        : refuse(RICH_TEXT_MESSAGES.unsupported),
  },
};

const MARK_ATTR_RULES: Record<string, Record<string, AttrRule>> = {
  link: {
    href: (v) => normaliseSafeHref(v) ?? refuse(RICH_TEXT_MESSAGES.link),
    // Opening in a new window is not offered, and target plus a missing
    // rel is how reverse tabnabbing happens.
    target: (v) => (v === null ? null : refuse(RICH_TEXT_MESSAGES.link)),
    rel: () => SAFE_LINK_REL,
    class: (v) => (v === null ? null : refuse(RICH_TEXT_MESSAGES.unsupported)),
    title: (v) =>
      v === null || (typeof v === "string" && v.length <= MAX_TITLE_LENGTH)
        ? v
        : refuse(RICH_TEXT_MESSAGES.unsupported),
  },
};

// Without these the schema would fill in a default (heading level 1, an
// empty href) instead of refusing.
const REQUIRED_ATTRS: Record<string, { name: string; message: string }> = {
  heading: { name: "level", message: RICH_TEXT_MESSAGES.heading },
  link: { name: "href", message: RICH_TEXT_MESSAGES.link },
};

/** Attribute names accepted per node and mark type, for tests and the editor UI. */
export const ALLOWED_ATTRIBUTES = {
  nodes: mapValues(NODE_ATTR_RULES, (rules) => Object.keys(rules)),
  marks: mapValues(MARK_ATTR_RULES, (rules) => Object.keys(rules)),
};

const NODE_KEYS = new Set(["type", "attrs", "content", "marks", "text"]);
const MARK_KEYS = new Set(["type", "attrs"]);
// There are three mark types; more than this can only be duplicates.
const MAX_MARKS_PER_NODE = 8;

interface WalkState extends Required<RichTextLimits> {
  nodes: number;
  chars: number;
  schema: Schema;
}

function sanitiseNode(raw: unknown, depth: number, state: WalkState): RichTextNode {
  if (depth > state.maxDepth) refuse(RICH_TEXT_MESSAGES.tooDeep);
  if (++state.nodes > state.maxNodes) refuse(RICH_TEXT_MESSAGES.tooComplex);
  if (!isPlainObject(raw)) refuse(RICH_TEXT_MESSAGES.unsupported);
  checkKeys(raw, NODE_KEYS);

  const { type } = raw;
  if (typeof type !== "string" || !Object.hasOwn(state.schema.nodes, type)) {
    refuse(RICH_TEXT_MESSAGES.unsupported);
  }
  if ((type === "doc") !== (depth === 0)) refuse(RICH_TEXT_MESSAGES.unsupported);
  const nodeType = state.schema.nodes[type];
  const node: RichTextNode = { type };

  const attrs = sanitiseAttrs(type, raw.attrs, NODE_ATTR_RULES);
  if (attrs) node.attrs = attrs;

  if (type === "text") {
    const { text } = raw;
    if (typeof text !== "string" || text === "" || raw.content !== undefined) {
      refuse(RICH_TEXT_MESSAGES.unsupported);
    }
    state.chars += text.length;
    if (state.chars > state.maxChars) refuse(RICH_TEXT_MESSAGES.tooLong(state.maxChars));
    node.text = text;
  } else if (raw.text !== undefined) {
    refuse(RICH_TEXT_MESSAGES.unsupported);
  }

  if (raw.marks !== undefined) {
    const { marks } = raw;
    if (!nodeType.isInline || !Array.isArray(marks) || marks.length > MAX_MARKS_PER_NODE) {
      refuse(RICH_TEXT_MESSAGES.unsupported);
    }
    if (marks.length > 0) {
      node.marks = Array.from({ length: marks.length }, (_, i) => sanitiseMark(marks[i], state));
    }
  }

  if (raw.content !== undefined) {
    const { content } = raw;
    if (!Array.isArray(content)) refuse(RICH_TEXT_MESSAGES.unsupported);
    const children: RichTextNode[] = [];
    // Indexed loop: a sparse or enormous array fails at the first hole or
    // at the node limit, without being copied first.
    for (let i = 0; i < content.length; i++) {
      children.push(sanitiseNode(content[i], depth + 1, state));
    }
    if (children.length > 0) node.content = children;
  }
  return node;
}

function sanitiseMark(raw: unknown, state: WalkState): RichTextMark {
  if (!isPlainObject(raw)) refuse(RICH_TEXT_MESSAGES.unsupported);
  checkKeys(raw, MARK_KEYS);
  const { type } = raw;
  if (typeof type !== "string" || !Object.hasOwn(state.schema.marks, type)) {
    refuse(RICH_TEXT_MESSAGES.unsupported);
  }
  const mark: RichTextMark = { type };
  const attrs = sanitiseAttrs(type, raw.attrs, MARK_ATTR_RULES);
  if (attrs) mark.attrs = attrs;
  return mark;
}

function sanitiseAttrs(
  type: string,
  raw: unknown,
  rulesByType: Record<string, Record<string, AttrRule>>,
): Record<string, unknown> | undefined {
  const rules = Object.hasOwn(rulesByType, type) ? rulesByType[type] : {};
  const required = Object.hasOwn(REQUIRED_ATTRS, type) ? REQUIRED_ATTRS[type] : undefined;
  if (raw === undefined || raw === null) {
    if (required) refuse(required.message);
    return undefined;
  }
  if (!isPlainObject(raw)) refuse(RICH_TEXT_MESSAGES.unsupported);

  const clean: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(rules, key)) refuse(RICH_TEXT_MESSAGES.unsupported);
    const value = raw[key];
    // Absent and undefined both mean "use the schema default".
    if (value !== undefined) clean[key] = rules[key](value);
  }
  if (required && clean[required.name] === undefined) refuse(required.message);
  if (type === "link") clean.rel = SAFE_LINK_REL;
  return Object.keys(clean).length > 0 ? clean : undefined;
}

function checkKeys(raw: Record<string, unknown>, allowed: Set<string>): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.has(key)) refuse(RICH_TEXT_MESSAGES.unsupported);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}
