import type { RichTextDoc } from "../../app/lib/rich-text/types";
import type { RichTextSectionKey } from "../../app/lib/practice-options";
import type { Random } from "./random";
import {
  CODENAMES, FEELINGS, GROUPS, JARGON, NAMES, PARTNERS, PERIODS, PROBLEMS, STREET_KINDS, TACTICS, TEAMS, TOPIC_WORDS, TOWNS,
  VERBS_FELL, VERBS_ROSE,
} from "./vocabulary";

// Text for one synthetic practice entry: a title, a summary and the rich-text
// sections of the entry form, written from sentence templates whose slots are
// filled with Zipf-distributed words. The result reads like a (repetitive)
// write-up and has the word statistics that matter to a search engine: a few
// words in almost every entry, a long tail of names in a handful each.

export interface EntryText {
  title: string;
  summary: string;
  unit: string;
  /** The main problem's tag slug: what a reviewer would tag the entry with. */
  topicTag: string;
  sections: Partial<Record<RichTextSectionKey, RichTextDoc>>;
}

/** The things one entry is about; its sentences keep coming back to them. */
interface Subject {
  problem: string;
  tactic: string;
  town: string;
  place: string;
  codename: string;
  team: string;
}

type Slots = (r: Random, s: Subject) => string;

const upper = (text: string) => text[0].toUpperCase() + text.slice(1);
const percent = (r: Random) => `${r.int(8, 64)} percent`;
const year = (r: Random) => String(r.int(2017, 2026));

// Most sentences talk about the entry's own subject; some wander off to
// another problem, place or partner, as write-ups do.
const slot = {
  problem: (r: Random, s: Subject) => (r.chance(0.75) ? s.problem : r.zipf(PROBLEMS).text),
  tactic: (r: Random, s: Subject) => (r.chance(0.6) ? s.tactic : r.zipf(TACTICS)),
  place: (r: Random, s: Subject) => (r.chance(0.7) ? s.place : `${r.zipf(NAMES)} ${r.zipf(STREET_KINDS)}`),
  partner: (r: Random) => r.zipf(PARTNERS),
  group: (r: Random) => r.zipf(GROUPS),
  word: (r: Random) => r.zipf(TOPIC_WORDS),
  period: (r: Random) => r.zipf(PERIODS),
  name: (r: Random) => r.zipf(NAMES, 0.8),
  jargon: (r: Random) => r.zipf(JARGON),
  fell: (r: Random) => r.pick(VERBS_FELL),
  rose: (r: Random) => r.pick(VERBS_ROSE),
  felt: (r: Random) => r.pick(FEELINGS),
};

const PROBLEM_SENTENCES: Slots[] = [
  (r, s) => `Reports of ${slot.problem(r, s)} around ${slot.place(r, s)} in ${s.town} ${slot.rose(r)} by ${percent(r)} in ${year(r)}.`,
  (r, s) => `${upper(slot.group(r))} told the ${s.team} that ${slot.problem(r, s)} was their main concern at ward panel meetings.`,
  (r, s) => `Analysis of ${slot.word(r)} showed that a small number of repeat ${slot.group(r)} and locations accounted for most of the ${slot.problem(r, s)}.`,
  (r, s) => `Calls for service about ${slot.problem(r, s)} peaked on Friday and Saturday evenings near ${slot.place(r, s)}.`,
  (r) => `The ${slot.word(r)} and ${slot.word(r)} held by ${slot.partner(r)} pointed to the same hotspots.`,
  (r, s) => `Residents of ${slot.name(r)} said they no longer felt safe using ${slot.place(r, s)} after dark.`,
  (r, s) => `Officers found links between the ${slot.problem(r, s)} and ${r.zipf(PROBLEMS).text} in ${s.town}.`,
  (r) => `Earlier attempts using ${slot.jargon(r)} had not lasted beyond ${slot.period(r)}.`,
  (r, s) => `PC ${slot.name(r)} and PCSO ${slot.name(r)} mapped the ${slot.problem(r, s)} with ${slot.partner(r)}.`,
];

const AIM_SENTENCES: Slots[] = [
  (r, s) => `To reduce ${slot.problem(r, s)} in ${slot.place(r, s)} by a quarter within ${slot.period(r)}.`,
  (r) => `To improve the confidence of ${slot.group(r)} in the ${slot.word(r)} and the police.`,
  (r, s) => `To work with ${slot.partner(r)} on the causes of ${slot.problem(r, s)} rather than its symptoms.`,
  (r) => `Success would be measured through ${slot.word(r)}, ${slot.word(r)} and a survey of ${slot.group(r)}.`,
];

const RESPONSE_SENTENCES: Slots[] = [
  (r, s) => `The ${s.team} introduced ${slot.tactic(r, s)} with ${slot.partner(r)} under Operation ${s.codename}.`,
  (r, s) => `${upper(slot.tactic(r, s))} ran alongside ${r.zipf(TACTICS)} at ${slot.place(r, s)}.`,
  (r) => `PCSOs and officers shared ${slot.word(r)} with ${slot.partner(r)} every week.`,
  (r, s) => `Problem-solving using the SARA model identified the offenders, victims and locations behind the ${slot.problem(r, s)}.`,
  (r) => `${upper(slot.partner(r))} funded ${slot.word(r)} and extra ${slot.word(r)} for ${slot.group(r)}.`,
  (r, s) => `Youth workers and the ${s.team} offered diversion activities to ${slot.group(r)} on ${slot.name(r)} estate.`,
  (r) => `CCTV coverage was extended and ${slot.word(r)} were reviewed daily by the partnership hub.`,
  (r) => `The team also drew on ${slot.jargon(r)} and ${slot.jargon(r)}.`,
  (r, s) => `Sergeant ${slot.name(r)} led weekly tasking on ${slot.problem(r, s)} with ${slot.partner(r)} and ${slot.jargon(r)}.`,
];

const IMPLEMENTATION_SENTENCES: Slots[] = [
  (r, s) => `Two PCSOs and a sergeant from the ${s.team} gave about ${r.int(4, 30)} hours a week to the work.`,
  (r) => `The main barrier was ${slot.word(r)}: ${slot.partner(r)} had different priorities at first.`,
  (r) => `Abstractions to response duties interrupted the ${slot.word(r)} during ${slot.period(r)}.`,
  (r) => `A shared action plan with ${slot.partner(r)} kept ${slot.word(r)} and ${slot.word(r)} on track.`,
  (r, s) => `Briefings for every shift in ${s.town} explained the plan and what to record.`,
  (r) => `Guidance on ${slot.jargon(r)} helped officers new to neighbourhood roles.`,
];

const RESULTS_SENTENCES: Slots[] = [
  (r, s) => `Recorded ${slot.problem(r, s)} ${slot.fell(r)} by ${percent(r)} over ${slot.period(r)} compared with the year before.`,
  (r) => `${upper(slot.word(r))} ${slot.fell(r)} from ${r.int(40, 400)} to ${r.int(10, 200)} and ${slot.word(r)} improved.`,
  (r, s) => `There was no sign of displacement to streets next to ${slot.place(r, s)}.`,
  (r) => `A survey of ${r.int(50, 900)} ${slot.group(r)} found that ${percent(r)} ${slot.felt(r)}.`,
  (r) => `${upper(slot.partner(r))} reported fewer ${slot.word(r)} and more ${slot.word(r)}.`,
];

const MECHANISM_SENTENCES: Slots[] = [
  (r) => `Visible patrols increased the perceived risk for offenders and reassured ${slot.group(r)}.`,
  (r, s) => `It may not work where ${slot.problem(r, s)} is driven by ${r.zipf(PROBLEMS).text}.`,
  (r) => `Joint ownership with ${slot.partner(r)} meant the ${slot.word(r)} carried on without police time.`,
];

const COST_SENTENCES: Slots[] = [
  (r) => `The work cost about £${r.int(1, 90) * 1000}, funded by ${slot.partner(r)} and the police and crime commissioner.`,
  (r) => `Most of the cost was officer and PCSO time from existing ${slot.word(r)}.`,
];

const LEARNING_SENTENCES: Slots[] = [
  (r) => `Involve ${slot.partner(r)} from the start, not once the plan is written.`,
  (r) => `Record ${slot.word(r)} consistently from day one so that the evaluation is possible.`,
  (r, s) => `Other forces could repeat ${slot.tactic(r, s)} with modest resources.`,
  (r) => `Plan for the ${slot.period(r)} before it starts; ${slot.group(r)} notice when activity stops.`,
];

const SUMMARY_OPENINGS: Slots[] = [
  (r, s) => `The ${s.team} in ${s.town} and ${slot.partner(r)} used ${s.tactic} to tackle ${s.problem} around ${s.place}.`,
  (r, s) => `${upper(s.tactic)} with ${slot.partner(r)} cut ${s.problem} in ${s.town}.`,
  (r, s) => `How ${s.town}'s ${s.team} responded to ${s.problem} at ${s.place}.`,
  (r, s) => `A ${slot.period(r)} project on ${s.problem}, led by the ${s.team} in ${s.town}.`,
];

const SUMMARY_SENTENCES: Slots[] = [
  (r, s) => `${upper(s.problem)} ${slot.fell(r)} by ${percent(r)} in ${slot.period(r)} and ${slot.group(r)} ${slot.felt(r)}.`,
  (r, s) => `Operation ${s.codename} combined ${slot.tactic(r, s)} with ${slot.word(r)} and ${slot.word(r)}.`,
  (r) => `It drew on ${slot.jargon(r)} and the support of ${slot.partner(r)}.`,
  (r) => `The evaluation used ${slot.word(r)} and a survey of ${slot.group(r)}.`,
  (r, s) => `${upper(slot.group(r))} around ${slot.place(r, s)} were involved from the start.`,
];

const TITLES: ((s: Subject) => string)[] = [
  (s) => `${upper(s.tactic)} to tackle ${s.problem} in ${s.town}`,
  (s) => `Operation ${s.codename}: ${s.problem} around ${s.place}`,
  (s) => `Reducing ${s.problem} in ${s.town} with ${s.tactic}`,
  (s) => `${upper(s.problem)} at ${s.place}: a partnership response`,
];

function paragraphs(r: Random, templates: Slots[], s: Subject, count: [number, number], sentences: [number, number]): RichTextDoc {
  const content = Array.from({ length: r.int(...count) }, () => {
    const text = Array.from({ length: r.int(...sentences) }, () => r.pick(templates)(r, s)).join(" ");
    return { type: "paragraph", content: [{ type: "text", text }] };
  });
  return { type: "doc", content };
}

export function entryText(r: Random): EntryText {
  const problem = r.zipf(PROBLEMS);
  const s: Subject = {
    problem: problem.text,
    tactic: r.zipf(TACTICS),
    town: r.zipf(TOWNS),
    place: `${r.zipf(NAMES, 0.8)} ${r.zipf(STREET_KINDS)}`,
    codename: r.zipf(CODENAMES),
    team: r.zipf(TEAMS),
  };
  const sections: EntryText["sections"] = {
    problem: paragraphs(r, PROBLEM_SENTENCES, s, [1, 3], [2, 5]),
    aim: paragraphs(r, AIM_SENTENCES, s, [1, 1], [1, 3]),
    response: paragraphs(r, RESPONSE_SENTENCES, s, [1, 3], [2, 5]),
    implementation: paragraphs(r, IMPLEMENTATION_SENTENCES, s, [1, 2], [2, 4]),
    results: paragraphs(r, RESULTS_SENTENCES, s, [1, 2], [2, 4]),
    learning: paragraphs(r, LEARNING_SENTENCES, s, [1, 2], [1, 3]),
  };
  if (r.chance(0.6)) sections.mechanism = paragraphs(r, MECHANISM_SENTENCES, s, [1, 1], [1, 3]);
  if (r.chance(0.5)) sections.cost = paragraphs(r, COST_SENTENCES, s, [1, 1], [1, 2]);
  const summary = [r.pick(SUMMARY_OPENINGS), ...r.sample(SUMMARY_SENTENCES, r.int(1, 3))].map((t) => t(r, s)).join(" ");
  return {
    title: r.pick(TITLES)(s),
    summary,
    unit: `${s.town} ${s.team}`,
    topicTag: problem.tag,
    sections,
  };
}
