import { chromium, type Browser } from "@playwright/test";

// A real, strict, namespace-aware XML parser for tests: the browser's
// DOMParser (libxml2 in Chromium), through the Chromium the browser tests
// already use, so no XML library is added just for tests. A document that is
// not well-formed XML is an error, never a best guess.

export interface XmlElement {
  namespace: string | null;
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, children's text left out. */
  text: string;
}

export interface XmlParser {
  parse(xml: string): Promise<XmlElement>;
  close(): Promise<void>;
}

export async function xmlParser(): Promise<XmlParser> {
  const browser: Browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu"],
  });
  const page = await browser.newPage();
  return {
    async parse(xml) {
      const result = await page.evaluate((source) => {
        type Tree = { namespace: string | null; name: string; attributes: Record<string, string>; children: Tree[]; text: string };
        const doc = new DOMParser().parseFromString(source, "application/xml");
        const error = doc.getElementsByTagNameNS("*", "parsererror")[0];
        if (error) return { error: error.textContent ?? "not well-formed" };
        const walk = (el: Element): Tree => ({
          namespace: el.namespaceURI,
          name: el.localName,
          attributes: Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value])),
          children: Array.from(el.children, walk),
          text: Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE || n.nodeType === Node.CDATA_SECTION_NODE).map((n) => n.nodeValue).join(""),
        });
        return { tree: walk(doc.documentElement) };
      }, xml);
      if ("error" in result) throw new Error(`not well-formed XML: ${result.error}`);
      return result.tree;
    },
    close: () => browser.close(),
  };
}
