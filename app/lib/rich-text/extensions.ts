import { StarterKit } from "@tiptap/starter-kit";
import { isSafeHref, SAFE_LINK_REL } from "./links";

/**
 * The one list of Tiptap extensions, shared by the browser editor and the
 * server validator: the schema the server enforces is built from this list,
 * so the editor can never produce content the server refuses (and the
 * server refuses anything the editor could not have produced).
 *
 * Importable without a DOM: it only builds extension objects.
 */
export const ALLOWED_HEADING_LEVELS = [2, 3] as const;
export type AllowedHeadingLevel = (typeof ALLOWED_HEADING_LEVELS)[number];

export const richTextExtensions = [
  StarterKit.configure({
    // Not offered to authors. Disabling them removes their nodes and marks
    // from the schema, which is what makes the server refuse them.
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,

    heading: { levels: [...ALLOWED_HEADING_LEVELS] },
    link: {
      openOnClick: false,
      autolink: true,
      // `protocols` only ADDS schemes to Tiptap's default list (ftp, tel,
      // sms…), so the restriction to http/https/mailto lives in
      // isAllowedUri, which Tiptap consults for setLink, paste, autolink and
      // HTML parsing.
      protocols: [],
      defaultProtocol: "https",
      isAllowedUri: (url) => isSafeHref(url),
      // target must be nulled explicitly: Tiptap merges these with its
      // defaults, which include target="_blank".
      HTMLAttributes: { rel: SAFE_LINK_REL, target: null, class: null },
    },
  }),
];
