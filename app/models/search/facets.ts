import { EVIDENCE_LABELS } from "~/lib/practice-options";
import type { SearchType } from "~/lib/search-query";
import type { EvidenceLabel } from "../../../db/schema";

// Facet counting in memory, independent of the search engine. The engine
// finds which documents match the words; this counts them by type, tag,
// organisation, region and evidence label and picks the newest, in one pass
// over compact arrays indexed by document id.
//
// Counting in SQL (GROUP BY over the matches joined to their facets) costs a
// sort of every match, several times per search; at 100,000 documents that is
// tens to hundreds of milliseconds. Here it is a loop over typed arrays.

export interface FacetFilters {
  types: SearchType[];
  tagIds: number[];
  organisationIds: number[];
  regions: string[];
  evidence: EvidenceLabel[];
}

export interface FacetCounts {
  total: number;
  type: Map<SearchType, number>;
  tag: Map<number, number>;
  organisation: Map<number, number>;
  region: Map<string, number>;
  evidence: Map<EvidenceLabel, number>;
}

/** One document's facets: id, type, organisation id, region, evidence label. */
export type FacetDocument = [id: number, kind: SearchType, organisationId: number | null, region: string | null, evidence: EvidenceLabel | null];

const KINDS: SearchType[] = ["practice", "session"];
const EVIDENCE: EvidenceLabel[] = EVIDENCE_LABELS.map((e) => e.value);

function flags(size: number, on: Iterable<number>): Uint8Array {
  const out = new Uint8Array(size);
  for (const i of on) if (i >= 0 && i < size) out[i] = 1;
  return out;
}

export class FacetIndex {
  /** Documents in the index. */
  readonly size: number;
  private readonly kind: Uint8Array; // 0 = no such document, else 1 + index in KINDS
  private readonly organisation: Int32Array; // 0 = none
  private readonly region: Uint16Array; // 0 = none, else 1 + index in regions
  private readonly evidence: Uint8Array; // 0 = none, else 1 + index in EVIDENCE
  private readonly dateRank: Int32Array; // position in newest-first order
  private readonly byDate: Int32Array; // ids, newest first
  private readonly tagStart: Int32Array; // tags of document id: tagIds[tagStart[id] .. tagStart[id + 1]]
  private readonly tagIds: Int32Array;
  private readonly regions: string[];
  private readonly maxOrganisation: number;
  private readonly maxTag: number;

  /**
   * @param newestFirst every document, newest first (ties: higher id first)
   * @param tags [document id, tag id] pairs
   */
  constructor(newestFirst: FacetDocument[], tags: [number, number][]) {
    const maxId = newestFirst.reduce((m, d) => Math.max(m, d[0]), 0);
    this.size = newestFirst.length;
    this.kind = new Uint8Array(maxId + 1);
    this.organisation = new Int32Array(maxId + 1);
    this.region = new Uint16Array(maxId + 1);
    this.evidence = new Uint8Array(maxId + 1);
    this.dateRank = new Int32Array(maxId + 1);
    this.byDate = new Int32Array(newestFirst.length);
    this.regions = [...new Set(newestFirst.map((d) => d[3]).filter((r): r is string => r !== null))];
    const regionCode = new Map(this.regions.map((r, i) => [r, i + 1]));
    let maxOrganisation = 0;
    newestFirst.forEach(([id, kind, organisationId, region, evidence], rank) => {
      this.kind[id] = KINDS.indexOf(kind) + 1;
      this.organisation[id] = organisationId ?? 0;
      maxOrganisation = Math.max(maxOrganisation, organisationId ?? 0);
      this.region[id] = region === null ? 0 : regionCode.get(region)!;
      this.evidence[id] = evidence === null ? 0 : EVIDENCE.indexOf(evidence) + 1;
      this.dateRank[id] = rank;
      this.byDate[rank] = id;
    });
    this.maxOrganisation = maxOrganisation;

    const known = tags.filter(([id]) => id <= maxId && this.kind[id] !== 0).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    this.tagStart = new Int32Array(maxId + 2);
    this.tagIds = new Int32Array(known.length);
    let maxTag = 0;
    for (const [id] of known) this.tagStart[id + 1]++;
    for (let id = 1; id <= maxId + 1; id++) this.tagStart[id] += this.tagStart[id - 1];
    known.forEach(([, tagId], i) => {
      this.tagIds[i] = tagId;
      maxTag = Math.max(maxTag, tagId);
    });
    this.maxTag = maxTag;
  }

  /**
   * Counts the documents in `hits` (or all documents when null) for the
   * total and for each facet: a facet's counts apply every other facet's
   * filters but not its own. Also returns the documents that pass every
   * filter: newest first when `hits` is null, in the order of `hits` otherwise.
   */
  count(hits: ArrayLike<number> | null, f: FacetFilters): { counts: FacetCounts; passing: Int32Array } {
    const { kind, organisation, region, evidence, tagStart, tagIds } = this;
    const byType = f.types.length ? flags(KINDS.length + 1, f.types.map((t) => KINDS.indexOf(t) + 1)) : null;
    const byOrganisation = f.organisationIds.length ? flags(this.maxOrganisation + 1, f.organisationIds.filter((id) => id > 0)) : null;
    const regionCodes = f.regions.map((r) => this.regions.indexOf(r) + 1).filter((c) => c > 0);
    const byRegion = f.regions.length ? flags(this.regions.length + 1, regionCodes) : null;
    const byEvidence = f.evidence.length ? flags(EVIDENCE.length + 1, f.evidence.map((e) => EVIDENCE.indexOf(e) + 1)) : null;
    const byTag = f.tagIds.length ? flags(this.maxTag + 1, f.tagIds) : null;

    const typeCounts = new Int32Array(KINDS.length + 1);
    const organisationCounts = new Int32Array(this.maxOrganisation + 1);
    const regionCounts = new Int32Array(this.regions.length + 1);
    const evidenceCounts = new Int32Array(EVIDENCE.length + 1);
    const tagCounts = new Int32Array(this.maxTag + 1);
    const source = hits ?? this.byDate;
    const passing = new Int32Array(source.length);
    let total = 0;
    const maxId = kind.length - 1;

    for (let i = 0; i < source.length; i++) {
      const id = source[i];
      if (id < 1 || id > maxId || kind[id] === 0) continue;
      const pType = byType === null || byType[kind[id]] === 1;
      const pOrganisation = byOrganisation === null || byOrganisation[organisation[id]] === 1;
      const pRegion = byRegion === null || byRegion[region[id]] === 1;
      const pEvidence = byEvidence === null || byEvidence[evidence[id]] === 1;
      let pTag = byTag === null;
      if (!pTag) {
        for (let j = tagStart[id]; j < tagStart[id + 1]; j++) {
          if (byTag![tagIds[j]] === 1) {
            pTag = true;
            break;
          }
        }
      }
      if (pOrganisation && pRegion && pEvidence && pTag) typeCounts[kind[id]]++;
      if (pType && pRegion && pEvidence && pTag) organisationCounts[organisation[id]]++;
      if (pType && pOrganisation && pEvidence && pTag) regionCounts[region[id]]++;
      if (pType && pOrganisation && pRegion && pTag) evidenceCounts[evidence[id]]++;
      if (pType && pOrganisation && pRegion && pEvidence) {
        for (let j = tagStart[id]; j < tagStart[id + 1]; j++) tagCounts[tagIds[j]]++;
        if (pTag) passing[total++] = id;
      }
    }

    const nonZero = <K>(counts: Int32Array, key: (i: number) => K): Map<K, number> => {
      const out = new Map<K, number>();
      for (let i = 1; i < counts.length; i++) if (counts[i] > 0) out.set(key(i), counts[i]);
      return out;
    };
    return {
      counts: {
        total,
        type: nonZero(typeCounts, (i) => KINDS[i - 1]),
        organisation: nonZero(organisationCounts, (i) => i),
        region: nonZero(regionCounts, (i) => this.regions[i - 1]),
        evidence: nonZero(evidenceCounts, (i) => EVIDENCE[i - 1]),
        tag: nonZero(tagCounts, (i) => i),
      },
      passing: passing.subarray(0, total),
    };
  }

  /** A page of documents, newest first. */
  newestFirst(ids: Int32Array, offset: number, limit: number): number[] {
    const ranks = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) ranks[i] = this.dateRank[ids[i]];
    ranks.sort();
    return Array.from(ranks.subarray(offset, offset + limit), (rank) => this.byDate[rank]);
  }
}
