/**
 * ProseMirror JSON as the Tiptap editor stores it.
 *
 * The shapes are deliberately loose (`type: string`): values of these types
 * may come straight from a request body, so code reading them must still
 * check every node and mark type. Only `validateRichText` output is known to
 * follow the schema in `extensions.ts`.
 */
export interface RichTextMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: RichTextMark[];
  text?: string;
}

export interface RichTextDoc {
  type: "doc";
  content?: RichTextNode[];
}

/** Node types the schema allows, besides `doc`. */
export type RichTextNodeType =
  | "paragraph"
  | "text"
  | "hardBreak"
  | "heading"
  | "bulletList"
  | "orderedList"
  | "listItem"
  | "blockquote";

export type RichTextMarkType = "bold" | "italic" | "link";
