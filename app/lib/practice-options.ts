// The fixed choices on a practice entry, shared by the form, the schema, the
// public page and (later) search facets. Values are stored; labels are shown.

export const PURPOSES = [
  { value: "prevention", label: "Prevention" },
  { value: "diversion", label: "Diversion" },
  { value: "reducing_reoffending", label: "Reducing reoffending" },
  { value: "investigation", label: "Investigation" },
  { value: "organisational", label: "Organisational (for example training or welfare)" },
] as const;

export const TARGET_GROUPS = [
  { value: "young_people", label: "Young people" },
  { value: "retailers", label: "Retailers and businesses" },
  { value: "victims", label: "Victims" },
  { value: "women_and_girls", label: "Women and girls" },
  { value: "offenders", label: "Offenders or people at risk of offending" },
  { value: "residents", label: "Residents and communities" },
  { value: "vulnerable_people", label: "Vulnerable people" },
  { value: "officers_and_staff", label: "Officers and staff" },
] as const;

export const PARTNERS = [
  { value: "local_authority", label: "Local authority" },
  { value: "retailers", label: "Retailers and businesses" },
  { value: "schools", label: "Schools and colleges" },
  { value: "housing", label: "Housing providers" },
  { value: "health", label: "Health services" },
  { value: "voluntary_sector", label: "Voluntary and community sector" },
  { value: "transport", label: "Transport operators" },
  { value: "universities", label: "Universities and researchers" },
  { value: "other_police", label: "Other police forces or units" },
] as const;

export const SCALES = [
  { value: "neighbourhood", label: "Neighbourhood" },
  { value: "force_wide", label: "Force-wide" },
  { value: "regional", label: "Regional" },
  { value: "national", label: "National" },
] as const;

export const STAGES = [
  { value: "planned", label: "Planned", hint: "Not started yet" },
  { value: "implemented", label: "Implemented", hint: "Running, not yet evaluated" },
  { value: "evaluated", label: "Evaluated", hint: "Running or finished, with results measured" },
  { value: "ended", label: "Ended", hint: "Finished" },
] as const;

export const EVALUATION_METHODS = [
  { value: "none", label: "None yet" },
  { value: "before_after", label: "Before and after comparison" },
  { value: "comparison_group", label: "Comparison with a similar area or group" },
  { value: "randomised_trial", label: "Randomised controlled trial" },
] as const;

export const COST_BANDS = [
  { value: "no_extra_cost", label: "No extra cost (existing staff time only)" },
  { value: "under_10k", label: "Under £10,000" },
  { value: "10k_to_50k", label: "£10,000 to £50,000" },
  { value: "50k_to_250k", label: "£50,000 to £250,000" },
  { value: "over_250k", label: "Over £250,000" },
  { value: "unknown", label: "Not known" },
] as const;

export const EVIDENCE_LABELS = [
  { value: "worked", label: "Worked", hint: "Evaluation shows it reduced the problem" },
  { value: "promising", label: "Promising", hint: "Early signs of an effect, not yet proven" },
  { value: "untested", label: "Untested", hint: "New or innovative, not evaluated yet" },
  { value: "did_not_work", label: "Did not work", hint: "Evaluation found no effect; shared so others can learn" },
] as const;

export const RICH_TEXT_SECTIONS = [
  { key: "problem", label: "The problem", hint: "What the problem was and where. Include the baseline figures and what you found out about offenders, victims and places.", required: true, missing: "Describe the problem" },
  { key: "aim", label: "Aim and intended outcome", hint: "What you set out to change, and how you would know.", required: true, missing: "Describe the aim and intended outcome" },
  { key: "response", label: "What you did", hint: "The response: what was done, by whom, and with which partners.", required: true, missing: "Describe what you did" },
  { key: "implementation", label: "Putting it into practice", hint: "Resources, barriers and what it took to make it happen.", required: true, missing: "Describe how you put it into practice" },
  { key: "results", label: "Results", hint: "What changed. Give before and after figures where you have them.", required: true, missing: "Describe the results" },
  { key: "mechanism", label: "Why it works, and where it might not", hint: "How you think it worked, and the places or situations where it might not.", required: false, missing: "" },
  { key: "cost", label: "Cost", hint: "Staff time, other costs and where the funding came from.", required: false, missing: "" },
  { key: "learning", label: "What you learned", hint: "What you would do differently, and whether others could repeat it.", required: true, missing: "Describe what you learned" },
] as const;

export type RichTextSectionKey = (typeof RICH_TEXT_SECTIONS)[number]["key"];

export const SUMMARY_WORD_LIMIT = 400;
export const SECTIONS_WORD_LIMIT = 4000;

export function labelOf<T extends readonly { value: string; label: string }[]>(options: T, value: string | null | undefined) {
  return options.find((o) => o.value === value)?.label ?? "";
}

export const values = <T extends readonly { value: string }[]>(options: T) =>
  options.map((o) => o.value) as unknown as [T[number]["value"], ...T[number]["value"][]];
