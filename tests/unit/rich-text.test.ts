import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { ALLOWED_HEADING_LEVELS, richTextExtensions } from "../../app/lib/rich-text/extensions";
import { normaliseSafeHref, SAFE_LINK_REL } from "../../app/lib/rich-text/links";
import { renderRichTextHtml, richTextToPlainText } from "../../app/lib/rich-text/render";
import type { RichTextDoc, RichTextNode } from "../../app/lib/rich-text/types";
import {
  ALLOWED_ATTRIBUTES,
  emptyRichTextDoc,
  RICH_TEXT_MESSAGES,
  validateRichText,
  type RichTextValidation,
} from "../../app/lib/rich-text/validate";
import { countWords } from "../../app/lib/rich-text/words";

const M = RICH_TEXT_MESSAGES;

const text = (value: string, marks?: RichTextNode["marks"]): RichTextNode =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const p = (...content: RichTextNode[]): RichTextNode =>
  content.length ? { type: "paragraph", content } : { type: "paragraph" };
const li = (...content: RichTextNode[]): RichTextNode => ({ type: "listItem", content });
const doc = (...content: unknown[]): RichTextDoc => ({ type: "doc", content: content as RichTextNode[] });
const link = (href: unknown, extra: Record<string, unknown> = {}) => ({
  type: "link",
  attrs: { href, ...extra },
});
const linkDoc = (href: unknown, extra?: Record<string, unknown>) =>
  doc(p(text("click", [link(href, extra)])));

function expectRefused(result: RichTextValidation, message: string) {
  expect(result).toEqual({ ok: false, message });
}

function expectOk(result: RichTextValidation) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result;
}

/** Builds nesting iteratively so the test itself cannot overflow the stack. */
function nested(levels: number, wrap: (inner: RichTextNode) => RichTextNode): RichTextDoc {
  let node: RichTextNode = p(text("deep"));
  for (let i = 0; i < levels; i++) node = wrap(node);
  return doc(node);
}
const inBlockquote = (inner: RichTextNode): RichTextNode => ({ type: "blockquote", content: [inner] });
const inList = (inner: RichTextNode): RichTextNode => ({
  type: "bulletList",
  content: [li(p(text("item")), inner)],
});

describe("a realistic case study round trip", () => {
  const input = doc(
    { type: "heading", attrs: { level: 2 }, content: [text("Problem")] },
    p(
      text("Residents on the Elm Park estate reported "),
      text("repeat anti-social behaviour", [{ type: "bold" }]),
      text(" near the shops."),
      { type: "hardBreak" },
      text("See the "),
      text("College of Policing guidance", [
        link("https://www.college.police.uk/guidance", { target: null, rel: SAFE_LINK_REL, class: null }),
      ]),
      text("."),
    ),
    { type: "heading", attrs: { level: 3 }, content: [text("What we did")] },
    {
      type: "bulletList",
      content: [
        li(p(text("Weekly foot patrols"))),
        li(p(text("Joint visits "), text("with the council's wardens", [{ type: "italic" }]))),
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 1, type: null },
      content: [li(p(text("Mapped hotspots"))), li(p(text("Held a community meeting")))],
    },
    { type: "blockquote", content: [p(text("“We feel safer walking home.” – a resident"))] },
  );

  const expectedHtml =
    "<h2>Problem</h2>" +
    "<p>Residents on the Elm Park estate reported <strong>repeat anti-social behaviour</strong> near the shops.<br>" +
    'See the <a href="https://www.college.police.uk/guidance" rel="noopener noreferrer nofollow">College of Policing guidance</a>.</p>' +
    "<h3>What we did</h3>" +
    "<ul><li><p>Weekly foot patrols</p></li><li><p>Joint visits <em>with the council&#39;s wardens</em></p></li></ul>" +
    "<ol><li><p>Mapped hotspots</p></li><li><p>Held a community meeting</p></li></ol>" +
    "<blockquote><p>“We feel safer walking home.” – a resident</p></blockquote>";

  const expectedText = [
    "Problem",
    "Residents on the Elm Park estate reported repeat anti-social behaviour near the shops.\nSee the College of Policing guidance.",
    "What we did",
    "Weekly foot patrols\nJoint visits with the council's wardens",
    "Mapped hotspots\nHeld a community meeting",
    "“We feel safer walking home.” – a resident",
  ].join("\n\n");

  it("validates, renders exact HTML and extracts exact text", () => {
    const result = expectOk(validateRichText(input));
    expect(renderRichTextHtml(result.doc)).toBe(expectedHtml);
    expect(result.text).toBe(expectedText);
    expect(richTextToPlainText(result.doc)).toBe(expectedText);
    // Per block: 1 + 19 + 3 + 9 + 6 + 7 ("anti-social" and "council's" are one word each).
    expect(result.words).toBe(45);
  });

  it("accepts the same document as a JSON string, and its own output unchanged", () => {
    const fromString = expectOk(validateRichText(JSON.stringify(input)));
    const again = expectOk(validateRichText(fromString.doc));
    expect(again.doc).toEqual(fromString.doc);
    expect(renderRichTextHtml(again.doc)).toBe(expectedHtml);
  });

  it("fills in schema defaults so stored documents have one shape", () => {
    const result = expectOk(validateRichText(doc(p(text("x", [link("https://example.com")])))));
    expect(result.doc).toEqual(
      doc(p(text("x", [link("https://example.com/", { target: null, rel: SAFE_LINK_REL, class: null, title: null })]))),
    );
  });
});

describe("empty input", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["an empty string", ""],
    ["a blank string", "  \n "],
    ["the JSON string null", "null"],
    ["a doc without content", { type: "doc" }],
    ["a doc with empty content", { type: "doc", content: [] }],
    ["a doc without content as JSON", '{"type":"doc"}'],
  ])("treats %s as an empty document", (_name, input) => {
    expect(validateRichText(input)).toEqual({ ok: true, doc: emptyRichTextDoc(), text: "", words: 0 });
  });

  it("accepts the editor's own empty document", () => {
    const result = expectOk(validateRichText(doc(p())));
    expect(result).toMatchObject({ text: "", words: 0 });
    expect(renderRichTextHtml(result.doc)).toBe("<p></p>");
  });
});

describe("trailing empty paragraphs", () => {
  it("are dropped, so the last Enter is neither saved nor published", () => {
    const result = expectOk(validateRichText(doc(p(text("Patrols began in March.")), p(), p(text("  ")))));
    expect(renderRichTextHtml(result.doc)).toBe("<p>Patrols began in March.</p>");
    expect(result).toMatchObject({ text: "Patrols began in March.", words: 4 });
  });

  it("are kept between paragraphs", () => {
    const result = expectOk(validateRichText(doc(p(text("One.")), p(), p(text("Two.")))));
    expect(renderRichTextHtml(result.doc)).toBe("<p>One.</p><p></p><p>Two.</p>");
  });
});

describe("input that is not a document", () => {
  it.each([
    ["truncated JSON", '{"type":"doc","content":['],
    ["not JSON at all", "<p>hello</p>"],
    ["single-quoted JSON", "{'type':'doc'}"],
  ])("refuses %s as unreadable", (_name, input) => {
    const result = validateRichText(input);
    expectRefused(result, M.unreadable);
    expect(M.unreadable).toContain("could not be read");
  });

  it.each([
    ["a number", 42],
    ["a boolean", true],
    ["an array", [{ type: "doc" }]],
    ["a JSON number", "42"],
    ["a JSON string", '"doc"'],
    ["a JSON array", "[]"],
    ["a Date", new Date()],
    ["a Map", new Map([["type", "doc"]])],
    ["an object with an inherited type", Object.create({ type: "doc" })],
    ["an object of another type", { type: "paragraph" }],
    ["an object without a type", {}],
  ])("refuses %s as unreadable", (_name, input) => {
    expectRefused(validateRichText(input), M.unreadable);
  });

  it("turns a throwing getter into a refusal instead of an exception", () => {
    const hostile = {
      type: "doc",
      get content(): never {
        throw new Error("boom");
      },
    };
    expectRefused(validateRichText(hostile), M.unreadable);
  });

  it("refuses JSON text longer than the limit before parsing it", () => {
    const json = JSON.stringify(doc(p(text("x".repeat(200)))));
    expectRefused(validateRichText(json, { maxJsonLength: 100 }), M.tooComplex);
  });
});

describe("script in text", () => {
  const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & \'quotes\'';

  it("keeps it as text and renders it escaped", () => {
    const result = expectOk(validateRichText(doc(p(text(hostile)))));
    expect(result.text).toBe(hostile);
    expect(renderRichTextHtml(result.doc)).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quotes&#39;</p>",
    );
  });

  it("escapes headings, list items and quotes too", () => {
    const result = expectOk(
      validateRichText(
        doc(
          { type: "heading", attrs: { level: 2 }, content: [text("<h1>")] },
          { type: "bulletList", content: [li(p(text("<li>")))] },
          { type: "blockquote", content: [p(text("</blockquote><script>"))] },
        ),
      ),
    );
    const html = renderRichTextHtml(result.doc);
    expect(html).toBe(
      "<h2>&lt;h1&gt;</h2><ul><li><p>&lt;li&gt;</p></li></ul><blockquote><p>&lt;/blockquote&gt;&lt;script&gt;</p></blockquote>",
    );
  });
});

describe("links", () => {
  const disguises: Array<[string, unknown]> = [
    ["javascript:", "javascript:alert(1)"],
    ["mixed case", "JaVaScRiPt:alert(1)"],
    ["leading spaces", "   javascript:alert(1)"],
    ["leading tab", "\tjavascript:alert(1)"],
    ["leading NUL", "\u0000javascript:alert(1)"],
    ["leading control characters", "\u0001\u001fjavascript:alert(1)"],
    ["tab inside the scheme", "java\tscript:alert(1)"],
    ["newline inside the scheme", "java\nscript:alert(1)"],
    ["carriage return inside the scheme", "java\rscript:alert(1)"],
    ["decimal entity", "&#106;avascript:alert(1)"],
    ["hex entity", "&#x6A;avascript:alert(1)"],
    ["named entity colon", "javascript&colon;alert(1)"],
    ["fake host", "javascript://example.com/%0Aalert(1)"],
    ["data:", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
    ["upper-case data:", "DATA:text/html,<script>alert(1)</script>"],
    ["vbscript:", "vbscript:msgbox(1)"],
    ["file:", "file:///etc/passwd"],
    ["ftp:", "ftp://example.com/file"],
    ["tel:", "tel:+441234567890"],
    ["protocol-relative", "//evil.example/steal"],
    ["backslash protocol-relative", "\\\\evil.example"],
    ["root-relative", "/admin"],
    ["relative", "page.html"],
    ["fragment", "#top"],
    ["query", "?q=1"],
    ["credentials that disguise the host", "https://www.gov.uk@evil.example/"],
    ["http without a host", "http://"],
    ["mailto without an address", "mailto:"],
    ["empty", ""],
    ["blank", "   "],
    ["too long", `https://example.com/${"a".repeat(2100)}`],
    ["null", null],
    ["a number", 42],
    ["an object", { toString: () => "https://example.com" }],
    ["an array", ["https://example.com"]],
  ];

  it.each(disguises)("refuses %s", (_name, href) => {
    expect(normaliseSafeHref(href)).toBeNull();
    expectRefused(validateRichText(linkDoc(href)), M.link);
  });

  it.each(disguises)("does not render %s when fed to the renderer directly", (_name, href) => {
    expect(renderRichTextHtml(linkDoc(href))).toBe("<p>click</p>");
  });

  it("refuses a link without an href", () => {
    expectRefused(validateRichText(doc(p(text("click", [{ type: "link" }])))), M.link);
    expectRefused(validateRichText(doc(p(text("click", [{ type: "link", attrs: {} }])))), M.link);
  });

  it.each([
    ["https://example.com/path?q=1#part", "https://example.com/path?q=1#part"],
    ["  HTTPS://Example.COM  ", "https://example.com/"],
    ["http://example.com", "http://example.com/"],
    ["mailto:neighbourhood.team@example.police.uk", "mailto:neighbourhood.team@example.police.uk"],
  ])("accepts %j and stores it normalised", (href, expected) => {
    expect(normaliseSafeHref(href)).toBe(expected);
    const result = expectOk(validateRichText(linkDoc(href)));
    expect(result.doc.content?.[0].content?.[0].marks?.[0].attrs?.href).toBe(expected);
    expect(renderRichTextHtml(result.doc)).toBe(
      `<p><a href="${expected}" rel="noopener noreferrer nofollow">click</a></p>`,
    );
  });

  it("cannot break out of the href attribute", () => {
    const result = expectOk(validateRichText(linkDoc('https://example.com/?q="><script>alert(1)</script>')));
    const html = renderRichTextHtml(result.doc);
    expect(html).not.toContain("<script");
    expect(html).toBe(
      '<p><a href="https://example.com/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E" rel="noopener noreferrer nofollow">click</a></p>',
    );
    // Characters the URL parser leaves alone in a path are escaped by the renderer.
    expect(renderRichTextHtml(linkDoc("https://example.com/it's"))).toBe(
      '<p><a href="https://example.com/it&#39;s" rel="noopener noreferrer nofollow">click</a></p>',
    );
  });

  it("refuses a target other than null", () => {
    expectRefused(validateRichText(linkDoc("https://example.com", { target: "_blank" })), M.link);
    expectRefused(validateRichText(linkDoc("https://example.com", { target: "" })), M.link);
    expect(validateRichText(linkDoc("https://example.com", { target: null })).ok).toBe(true);
  });

  it("forces rel to the safe value whatever was sent", () => {
    const result = expectOk(validateRichText(linkDoc("https://example.com", { rel: "opener" })));
    expect(result.doc.content?.[0].content?.[0].marks?.[0].attrs?.rel).toBe(SAFE_LINK_REL);
    const html = renderRichTextHtml(linkDoc("https://example.com", { rel: "opener", target: "_blank" }));
    expect(html).toBe('<p><a href="https://example.com/" rel="noopener noreferrer nofollow">click</a></p>');
  });

  it("refuses classes and attributes links do not have", () => {
    expectRefused(validateRichText(linkDoc("https://example.com", { class: "button" })), M.unsupported);
    expectRefused(validateRichText(linkDoc("https://example.com", { onclick: "alert(1)" })), M.unsupported);
    expectRefused(validateRichText(linkDoc("https://example.com", { style: "color:red" })), M.unsupported);
  });

  it("refuses two links on the same text", () => {
    const input = doc(p(text("x", [link("https://a.example"), link("https://b.example")])));
    expectRefused(validateRichText(input), M.unsupported);
  });
});

describe("unknown nodes, marks and attributes", () => {
  it.each([
    ["image", { type: "image", attrs: { src: "https://example.com/x.png" } }],
    ["codeBlock", { type: "codeBlock", content: [text("rm -rf /")] }],
    ["iframe", { type: "iframe", attrs: { src: "https://evil.example" } }],
    ["horizontalRule", { type: "horizontalRule" }],
    ["table", { type: "table", content: [] }],
    ["script", { type: "script", content: [text("alert(1)")] }],
    ["a node without a type", { content: [text("x")] }],
    ["a node with a numeric type", { type: 1 }],
  ])("refuses a %s node", (_name, node) => {
    expectRefused(validateRichText(doc(p(text("before")), node)), M.unsupported);
  });

  it("drops unknown nodes when rendering", () => {
    const input = doc(
      p(text("kept")),
      { type: "image", attrs: { src: "x" } },
      { type: "iframe", attrs: { src: "https://evil.example" } },
      { type: "codeBlock", content: [text("code")] },
      p(text("a"), { type: "mention", attrs: { id: "x" } }, { type: "image" }, text("b")),
      "not a node",
      null,
    );
    expect(renderRichTextHtml(input)).toBe("<p>kept</p><p>ab</p>");
    expect(richTextToPlainText(input)).toBe("kept\n\nab");
  });

  it.each(["code", "strike", "underline", "textStyle", "highlight", "onclick"])("refuses a %s mark", (type) => {
    expectRefused(validateRichText(doc(p(text("x", [{ type }])))), M.unsupported);
  });

  it("renders the text of an unknown mark without the mark", () => {
    const input = doc(p(text("x", [{ type: "code" }, { type: "bold" }, { type: "script" }])));
    expect(renderRichTextHtml(input)).toBe("<p><strong>x</strong></p>");
  });

  it.each([
    ["style on a paragraph", doc({ type: "paragraph", attrs: { style: "x" }, content: [text("x")] })],
    ["class on a paragraph", doc({ type: "paragraph", attrs: { class: "x" } })],
    ["textAlign on a paragraph", doc({ type: "paragraph", attrs: { textAlign: "center" } })],
    ["an id on a heading", doc({ type: "heading", attrs: { level: 2, id: "x" }, content: [text("x")] })],
    ["attrs on text", doc(p({ type: "text", text: "x", attrs: { href: "x" } }))],
    ["attrs on bold", doc(p(text("x", [{ type: "bold", attrs: { style: "x" } }])))],
    ["attrs that are an array", doc({ type: "paragraph", attrs: ["x"] })],
    ["a negative list start", doc({ type: "orderedList", attrs: { start: -1 }, content: [li(p())] })],
    ["a string list start", doc({ type: "orderedList", attrs: { start: "5" }, content: [li(p())] })],
    ["an infinite list start", doc({ type: "orderedList", attrs: { start: Infinity }, content: [li(p())] })],
    ["an unknown list type", doc({ type: "orderedList", attrs: { type: "disc" }, content: [li(p())] })],
    ["an extra key on a node", doc({ type: "paragraph", onclick: "alert(1)" })],
    ["an extra key on a mark", doc(p(text("x", [{ type: "bold", href: "x" } as never])))],
  ])("refuses %s", (_name, input) => {
    expectRefused(validateRichText(input), M.unsupported);
  });

  it("accepts the attributes an ordered list may have", () => {
    const result = expectOk(
      validateRichText(doc({ type: "orderedList", attrs: { start: 4, type: "a" }, content: [li(p(text("x")))] })),
    );
    expect(result.doc.content?.[0].attrs).toEqual({ start: 4, type: "a" });
  });
});

describe("headings", () => {
  const heading = (attrs: unknown) => doc({ type: "heading", attrs, content: [text("Title")] });

  it.each([1, 4, 5, 6, 0, 2.5, "2", null])("refuses level %j", (level) => {
    expectRefused(validateRichText(heading({ level })), M.heading);
  });

  it("refuses a heading without a level rather than defaulting to level 1", () => {
    expectRefused(validateRichText(doc({ type: "heading", content: [text("Title")] })), M.heading);
    expectRefused(validateRichText(heading({})), M.heading);
  });

  it.each(ALLOWED_HEADING_LEVELS)("accepts level %i", (level) => {
    const result = expectOk(validateRichText(heading({ level })));
    expect(renderRichTextHtml(result.doc)).toBe(`<h${level}>Title</h${level}>`);
  });

  it("renders a heading level it does not offer as a paragraph", () => {
    expect(renderRichTextHtml(heading({ level: 1 }))).toBe("<p>Title</p>");
    expect(renderRichTextHtml(heading({ level: '1><script src="x"></script' }))).toBe("<p>Title</p>");
  });
});

describe("nesting the schema does not allow", () => {
  it.each([
    ["a list item directly in the doc", doc(li(p(text("x"))))],
    ["text directly in the doc", doc(text("x"))],
    ["a hard break directly in the doc", doc({ type: "hardBreak" })],
    ["a paragraph inside a paragraph", doc({ type: "paragraph", content: [p(text("x"))] })],
    ["a paragraph directly in a list", doc({ type: "bulletList", content: [p(text("x"))] })],
    ["an empty list", doc({ type: "bulletList", content: [] })],
    ["a list item starting with a list", doc({ type: "bulletList", content: [li({ type: "bulletList", content: [li(p())] })] })],
    ["text directly in a blockquote", doc({ type: "blockquote", content: [text("x")] })],
    ["a doc inside a doc", doc({ type: "doc", content: [p()] })],
    ["marks on a paragraph", doc({ type: "paragraph", marks: [{ type: "bold" }], content: [text("x")] })],
    ["the same mark twice", doc(p(text("x", [{ type: "bold" }, { type: "bold" }])))],
    ["an empty text node", doc(p(text("")))],
    ["a text node with content", doc(p({ type: "text", text: "x", content: [text("y")] }))],
    ["a paragraph with a text value", doc({ type: "paragraph", text: "x" })],
    ["a text node whose text is a number", doc(p({ type: "text", text: 5 } as never))],
    ["content that is an object", doc({ type: "paragraph", content: { 0: text("x") } })],
    ["marks that are an object", doc(p({ type: "text", text: "x", marks: { type: "bold" } } as never))],
    ["a string in content", doc("paragraph")],
    ["null in content", doc(null)],
    ["undefined in content", doc(p(text("a")), undefined, p(text("b")))],
    ["a sparse content array", { type: "doc", content: Object.assign([p(text("a"))], { 2: p(text("b")) }) }],
  ])("refuses %s", (_name, input) => {
    expectRefused(validateRichText(input), M.unsupported);
  });
});

describe("resource limits", () => {
  it.each([
    ["blockquotes", inBlockquote],
    ["lists", inList],
  ])("refuses 1,000 nested %s without overflowing the stack", (_name, wrap) => {
    const input = nested(1000, wrap);
    expectRefused(validateRichText(input), M.tooDeep);
    expectRefused(validateRichText(JSON.stringify(input)), M.tooDeep);
  });

  it("refuses 100,000 nested nodes sent as JSON text", () => {
    const levels = 100_000;
    const json =
      '{"type":"doc","content":[' +
      '{"type":"blockquote","content":['.repeat(levels) +
      '{"type":"paragraph"}' +
      "]}".repeat(levels) +
      "]}";
    expectRefused(validateRichText(json), M.tooDeep);
  });

  it("refuses a document that contains itself", () => {
    const quote: RichTextNode = { type: "blockquote", content: [] };
    quote.content!.push(quote);
    expectRefused(validateRichText(doc(quote)), M.tooDeep);
    expect(renderRichTextHtml(doc(quote))).toMatch(/^(<blockquote>)+(<\/blockquote>)+$/);
  });

  it("allows nesting up to the depth limit and no further", () => {
    // doc > blockquote × n > paragraph > text: the text sits at depth n + 2.
    expect(validateRichText(nested(18, inBlockquote)).ok).toBe(true);
    expectRefused(validateRichText(nested(19, inBlockquote)), M.tooDeep);
    expectRefused(validateRichText(nested(5, inBlockquote), { maxDepth: 6 }), M.tooDeep);
  });

  it("renders very deep unvalidated documents without overflowing the stack", () => {
    const input = nested(100_000, inBlockquote);
    const html = renderRichTextHtml(input);
    expect(html.startsWith("<blockquote><blockquote>")).toBe(true);
    expect(html.length).toBeLessThan(5_000);
    expect(richTextToPlainText(input)).toBe("");
  });

  it("accepts exactly 60,000 characters and refuses one more", () => {
    expect(validateRichText(doc(p(text("a".repeat(60_000))))).ok).toBe(true);
    expectRefused(validateRichText(doc(p(text("a".repeat(60_001))))), M.tooLong(60_000));
    expect(M.tooLong(60_000)).toBe(
      "The text in this section is too long. It must be 60,000 characters or fewer.",
    );
  });

  it("counts characters across the whole document", () => {
    const paragraphs = Array.from({ length: 61 }, () => p(text("b".repeat(1_000))));
    expectRefused(validateRichText(doc(...paragraphs)), M.tooLong(60_000));
    expectRefused(validateRichText(doc(p(text("12345678901"))), { maxChars: 10 }), M.tooLong(10));
  });

  it("refuses 100,000 nodes", () => {
    const paragraphs = Array.from({ length: 100_000 }, () => p());
    expectRefused(validateRichText(doc(...paragraphs)), M.tooComplex);
    expectRefused(validateRichText(JSON.stringify(doc(...paragraphs))), M.tooComplex);
  });

  it("refuses many marks or many nodes below the character limit", () => {
    const manyMarks = Array.from({ length: 50 }, () => ({ type: "bold" }));
    expectRefused(validateRichText(doc(p(text("x", manyMarks)))), M.unsupported);
    const breaks = Array.from({ length: 20_001 }, () => ({ type: "hardBreak" }));
    expectRefused(validateRichText(doc(p(...breaks))), M.tooComplex);
    expectRefused(validateRichText(doc(p(text("a")), p(text("b"))), { maxNodes: 4 }), M.tooComplex);
  });
});

describe("prototype pollution", () => {
  const polluted = () => ({}) as Record<string, unknown>;

  it.each([
    ["__proto__ on the doc", '{"type":"doc","__proto__":{"polluted":true},"content":[{"type":"paragraph"}]}'],
    ["__proto__ on a node", '{"type":"doc","content":[{"type":"paragraph","__proto__":{"polluted":true}}]}'],
    ["__proto__ in attrs", '{"type":"doc","content":[{"type":"heading","attrs":{"level":2,"__proto__":{"polluted":true}}}]}'],
    ["__proto__ in link attrs", '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"link","attrs":{"href":"https://a.example","__proto__":{"polluted":true}}}]}]}]}'],
    ["constructor in attrs", '{"type":"doc","content":[{"type":"heading","attrs":{"level":2,"constructor":{"prototype":{"polluted":true}}}}]}'],
    ["constructor as a node type", '{"type":"doc","content":[{"type":"constructor"}]}'],
    ["__proto__ as a node type", '{"type":"doc","content":[{"type":"__proto__"}]}'],
    ["toString as a node type", '{"type":"doc","content":[{"type":"toString"}]}'],
    ["hasOwnProperty as a mark type", '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"hasOwnProperty"}]}]}]}'],
    ["constructor as a mark type", '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"constructor"}]}]}]}'],
  ])("refuses %s and pollutes nothing", (_name, json) => {
    expectRefused(validateRichText(json), M.unsupported);
    expectRefused(validateRichText(JSON.parse(json)), M.unsupported);
    expect(polluted().polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("does not render nodes named after Object.prototype members", () => {
    const input = doc({ type: "constructor", content: [p(text("x"))] }, { type: "toString" }, p(text("ok")));
    expect(renderRichTextHtml(input)).toBe("<p>ok</p>");
  });
});

describe("validation messages", () => {
  it("are all written for people, with no ProseMirror internals", () => {
    const results = [
      validateRichText(doc(li(p()))),
      validateRichText(doc(p(text("x", [{ type: "bold" }, { type: "bold" }])))),
      validateRichText(doc({ type: "image" })),
      validateRichText("{"),
    ];
    const known: unknown[] = Object.values(M).filter((m) => typeof m === "string");
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(known).toContain(result.message);
        expect(result.message).not.toMatch(/RangeError|listItem|Invalid content|JSON|at position/);
      }
    }
  });
});

describe("the shared extensions", () => {
  const schema = getSchema(richTextExtensions);

  it("build a schema on the server with only the allowed nodes and marks", () => {
    expect(typeof document).toBe("undefined");
    expect(Object.keys(schema.nodes).sort()).toEqual(
      ["blockquote", "bulletList", "doc", "hardBreak", "heading", "listItem", "orderedList", "paragraph", "text"].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(["bold", "italic", "link"]);
  });

  it("give links a safe rel and no target by default", () => {
    const attrs = schema.marks.link.spec.attrs ?? {};
    expect(attrs.rel.default).toBe(SAFE_LINK_REL);
    expect(attrs.target.default).toBeNull();
  });

  it("have exactly the attributes the validator checks, so an upgrade cannot widen them unnoticed", () => {
    const schemaAttrs = (spec: { attrs?: Record<string, unknown> | null }) => Object.keys(spec.attrs ?? {}).sort();
    for (const [name, type] of Object.entries(schema.nodes)) {
      expect([name, schemaAttrs(type.spec)]).toEqual([name, [...(ALLOWED_ATTRIBUTES.nodes[name] ?? [])].sort()]);
    }
    for (const [name, type] of Object.entries(schema.marks)) {
      expect([name, schemaAttrs(type.spec)]).toEqual([name, [...(ALLOWED_ATTRIBUTES.marks[name] ?? [])].sort()]);
    }
  });

  it("configure the editor's link behaviour", () => {
    const options = richTextExtensions[0].options.link;
    expect(options).toMatchObject({ openOnClick: false, autolink: true, protocols: [] });
    if (options === false) throw new Error("link disabled");
    const allowed = (url: string) =>
      options.isAllowedUri!(url, { defaultValidate: () => true, protocols: [], defaultProtocol: "https" });
    expect(allowed("https://example.com")).toBe(true);
    expect(allowed("mailto:a@example.com")).toBe(true);
    expect(allowed("javascript:alert(1)")).toBe(false);
    expect(allowed("tel:123")).toBe(false);
  });
});

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   \n\t ", 0],
    ["one", 1],
    ["two words", 2],
    ["don't", 1],
    ["don’t", 1],
    ["community-led policing", 2],
    ["well - spaced", 2],
    ["-- — ... !!", 0],
    ["60,000 officers", 2],
    ["3.5 hours", 2],
    ["end. Start", 2],
    ["a,b", 2],
    ["Week of Action 2026", 4],
    ["naïve café Ўзбек 東京", 4],
    ["a@b.com", 3],
    ["line\nbreak", 2],
    ["🚓 patrol", 1],
  ])("counts %j as %i", (input, expected) => {
    expect(countWords(input)).toBe(expected);
  });
});
