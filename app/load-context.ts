import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    clientAddress: string;
    /** The id in the request log, shown on error pages for a person to quote. */
    requestId: string;
  }
  // Types for loader and action data under single fetch (data() and plain objects).
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
