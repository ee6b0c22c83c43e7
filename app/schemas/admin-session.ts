import { z } from "zod";
import { checkboxGroup, idList, optionalText, optionalWebAddress, requiredText } from "./fields";

export const sessionListingSchema = z.object({
  title: requiredText("Enter the session title", 200, "Title must be 200 characters or fewer"),
  summary: optionalText(2000, "Summary must be 2,000 characters or fewer"),
  bookingUrl: optionalWebAddress("The booking link"),
  recordingUrl: optionalWebAddress("The recording link"),
  tagIds: idList,
  // The text of each warning the admin has ticked "I have checked this" for.
  checkedWarnings: checkboxGroup(z.string().max(5000)),
});

export type SessionListingValues = z.infer<typeof sessionListingSchema>;
