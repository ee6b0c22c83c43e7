import { AsyncLocalStorage } from "node:async_hooks";

// What the request log and error pages need to know about the request being
// served, wherever in the app it is learnt (the user is known only once a
// loader has read the session).
export interface RequestFacts {
  requestId: string;
  userId?: number;
}

export const requestStore = new AsyncLocalStorage<RequestFacts>();

export function currentRequestId(): string | undefined {
  return requestStore.getStore()?.requestId;
}

export function noteSignedInUser(userId: number) {
  const facts = requestStore.getStore();
  if (facts) facts.userId = userId;
}
