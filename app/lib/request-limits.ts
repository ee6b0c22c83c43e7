// What any one request may carry. They bound the cost of reading a request
// before anything else runs (server/body-limit.ts) and of the lists a form or
// query string may hold (the zod schemas).

/** Forms here are text; the largest legitimate one (a full practice entry) is well under this. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** More names than any form of the app has (the entry form has about 60). */
export const MAX_FORM_FIELDS = 1000;
/**
 * No field of any form comes near this (a rich-text section is at most a few
 * hundred KB of JSON). Below it, an overlong field gets its form's own "too
 * long" message, with everything else kept.
 */
export const MAX_FIELD_BYTES = 1536 * 1024;
/** Query strings: the search page's filters are the most repeated, and unknown values are dropped. */
export const MAX_QUERY_PARAMS = 1000;
/** Any list a form or query string carries (tags, filters, speakers): far more than the reference lists hold. */
export const MAX_LIST_ITEMS = 100;
