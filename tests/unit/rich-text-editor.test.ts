import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  hrefFromLinkInput,
  LINK_ERROR_MESSAGE,
  linkTextFromInput,
  plainTextToDoc,
  rovingIndex,
  wordCountMessage,
} from "../../app/components/rich-text/helpers";
import { RichTextEditor, type RichTextEditorProps } from "../../app/components/rich-text/rich-text-editor";
import type { RichTextDoc } from "../../app/lib/rich-text/types";

const doc: RichTextDoc = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Problem" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Fights " },
        { type: "text", text: "<near>", marks: [{ type: "bold" }] },
        { type: "text", text: " the shops" },
      ],
    },
  ],
};

function render(props: Partial<RichTextEditorProps> = {}) {
  return renderToString(
    createElement(RichTextEditor, { name: "sections.problem", label: "Problem", defaultValue: doc, ...props }),
  );
}

describe("RichTextEditor on the server (and without JavaScript)", () => {
  it("renders a labelled textarea holding the plain text", () => {
    const html = render();
    expect(html).toContain('<label id="sections-problem-label" class="govuk-label" for="sections-problem">Problem</label>');
    expect(html).toMatch(/<textarea id="sections-problem" name="sections.problem"[^>]*class="govuk-textarea app-rich-text__textarea"/);
    // Plain text, escaped, with a blank line between blocks.
    expect(html).toContain(">Problem\n\nFights &lt;near&gt; the shops</textarea>");
  });

  it("renders no toolbar, hidden input, format field or inline styles", () => {
    const html = render();
    expect(html).not.toContain('role="toolbar"');
    expect(html).not.toContain('type="hidden"');
    expect(html).not.toContain("richTextFormat");
    expect(html).not.toContain("contenteditable");
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("links the hint and error to the textarea", () => {
    const html = render({ hint: "Say what happened.", error: "Describe the problem" });
    expect(html).toContain('class="govuk-form-group app-rich-text govuk-form-group--error"');
    expect(html).toContain('<div id="sections-problem-hint" class="govuk-hint">Say what happened.</div>');
    expect(html).toContain('id="sections-problem-error" class="govuk-error-message"');
    expect(html).toContain('aria-describedby="sections-problem-hint sections-problem-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("govuk-textarea--error");
  });

  it("renders an empty textarea for an empty document", () => {
    const html = render({ defaultValue: null });
    expect(html).toMatch(/<textarea[^>]*><\/textarea>/);
    expect(html).not.toContain("aria-describedby");
  });
});

describe("link addresses typed into the link panel", () => {
  it("accepts http, https and mailto addresses, normalised", () => {
    expect(hrefFromLinkInput(" https://www.gov.uk ")).toBe("https://www.gov.uk/");
    expect(hrefFromLinkInput("http://example.org/a?b=c")).toBe("http://example.org/a?b=c");
    expect(hrefFromLinkInput("mailto:team@example.org")).toBe("mailto:team@example.org");
  });

  it("reads www. addresses as https", () => {
    expect(hrefFromLinkInput("www.example.org")).toBe("https://www.example.org/");
    expect(hrefFromLinkInput("WWW.Example.org/path")).toBe("https://www.example.org/path");
  });

  it("refuses anything else", () => {
    for (const bad of ["", "   ", "example.org", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "//evil.example", "/relative", "ftp://example.org", "https://gov.uk@evil.example"]) {
      expect(hrefFromLinkInput(bad), bad).toBeNull();
    }
    expect(LINK_ERROR_MESSAGE).toBe("Enter a web address that starts with https://, http:// or mailto:");
  });

  it("uses what was typed as the text of an inserted link", () => {
    expect(linkTextFromInput(" www.example.org ", "https://www.example.org/")).toBe("www.example.org");
  });
});

describe("word count message", () => {
  it("says word or words", () => {
    expect(wordCountMessage(0)).toBe("0 words");
    expect(wordCountMessage(1)).toBe("1 word");
    expect(wordCountMessage(2)).toBe("2 words");
    expect(wordCountMessage(12345)).toBe("12,345 words");
  });
});

describe("plainTextToDoc (text typed before the editor loaded)", () => {
  it("makes paragraphs on blank lines and line breaks on single newlines", () => {
    expect(plainTextToDoc("One\r\ntwo\r\n\r\n\r\nThree")).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "One" }, { type: "hardBreak" }, { type: "text", text: "two" }] },
        { type: "paragraph", content: [{ type: "text", text: "Three" }] },
      ],
    });
  });

  it("gives an empty paragraph for blank text", () => {
    expect(plainTextToDoc(" \n\n ")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});

describe("toolbar roving focus", () => {
  it("moves with Left/Right (wrapping) and Home/End", () => {
    expect(rovingIndex("ArrowRight", 0, 9)).toBe(1);
    expect(rovingIndex("ArrowRight", 8, 9)).toBe(0);
    expect(rovingIndex("ArrowLeft", 0, 9)).toBe(8);
    expect(rovingIndex("Home", 5, 9)).toBe(0);
    expect(rovingIndex("End", 2, 9)).toBe(8);
    expect(rovingIndex("Enter", 2, 9)).toBeNull();
    expect(rovingIndex("ArrowDown", 2, 9)).toBeNull();
  });
});
