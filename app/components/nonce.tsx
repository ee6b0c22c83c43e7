import { createContext, useContext } from "react";

// The CSP nonce reaches the document only through this context on the
// server; it is never put in loader data, which would hand it to the browser.
const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
