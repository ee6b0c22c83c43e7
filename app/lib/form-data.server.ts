import { MAX_BODY_BYTES } from "~/lib/request-limits";

function refuse(status: number, message: string): never {
  throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// Reads a urlencoded form body with a hard size cap, answering 4xx for
// anything else, so that odd or hostile requests never reach a parser that
// would throw a 500. (Remix's <Form> and useSubmit send urlencoded bodies.)
export async function readForm(request: Request, maxBytes = MAX_BODY_BYTES): Promise<URLSearchParams> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    refuse(415, "This form could not be read. Reload the page and try again.");
  }
  if (!request.body) return new URLSearchParams();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      refuse(413, "What you sent is too large. Shorten it and try again.");
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  try {
    return new URLSearchParams(text);
  } catch {
    refuse(400, "This form could not be read. Reload the page and try again.");
  }
}

export { formToObject } from "./form-values";
