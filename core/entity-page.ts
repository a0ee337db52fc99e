// The who's-who page of an entity (ApiEntityPage) from its node detail: every fact sorted into the section a
// reader looks for (posts held or the roster, meetings, attendees, projects, parent and child units …), each
// with its span and article count, plus the newest evidence across all facts. Pure, so the service and a static
// export (which has no database) build the same page from the same relations.
import type { ApiEntityPage, ApiEvidence, ApiNodeDetail, ApiPageFact } from "./api.js";
import type { PropertyValue } from "./model.js";

/** Evidence sentences kept per fact on a page, and across the page's "latest evidence". */
export const PAGE_EVIDENCE_PER_FACT = 3;
export const PAGE_LATEST_EVIDENCE = 12;

type Relation = ApiNodeDetail["relations"][number];
type Section = Exclude<keyof ApiEntityPage, "node" | "coMentioned" | "evidence" | "articles" | "omitted">;

const str = (v: PropertyValue | undefined): string | null => (typeof v === "string" && v ? v : null);

function newestFirst(a: ApiEvidence, b: ApiEvidence): number {
  return (b.date ?? "").localeCompare(a.date ?? "") || a.article.localeCompare(b.article);
}

export function pageFact(r: Relation): ApiPageFact {
  const dates = r.evidence
    .map((e) => e.date)
    .filter((d): d is string => !!d)
    .sort();
  const evidence = [...r.evidence].sort(newestFirst);
  const articles =
    typeof r.properties.articles === "number" ? r.properties.articles : new Set(r.evidence.map((e) => e.article)).size;
  const fact: ApiPageFact = {
    type: r.type,
    direction: r.direction,
    other: r.other,
    firstSeen: str(r.properties.firstSeen) ?? dates[0] ?? null,
    lastSeen: str(r.properties.lastSeen) ?? dates[dates.length - 1] ?? null,
    articles,
    former: r.properties.former === true,
    evidence: evidence.slice(0, PAGE_EVIDENCE_PER_FACT),
  };
  const title = str(r.properties.title);
  const role = str(r.properties.role);
  if (title) fact.title = title;
  if (role) fact.role = role;
  return fact;
}

/** Which section of the page a relation of this node belongs to; null: not shown as a section. */
function sectionOf(r: Relation): Section | null {
  const out = r.direction === "out";
  switch (r.type) {
    case "HOLDS_POSITION":
      return "posts";
    case "PARTICIPATED_IN":
      return out ? "meetings" : "attendees";
    case "ORGANIZED_BY":
      return out ? "organizers" : "meetings";
    case "HELD_IN":
      return out ? "places" : "meetings";
    case "RUNS":
      return out ? "projects" : "organizers";
    case "LOCATED_IN":
      if (out) return "places";
      return r.other.type === "Project" ? "projects" : "located";
    case "PART_OF":
      return out ? "parents" : "children";
    case "PARTNER_OF":
      return "partners";
    default:
      return null;
  }
}

/** Current posts first, then by when they were last seen, newest first; then by article count. */
export function byLastSeen(a: ApiPageFact, b: ApiPageFact): number {
  return (
    Number(a.former) - Number(b.former) ||
    (b.lastSeen ?? "").localeCompare(a.lastSeen ?? "") ||
    b.articles - a.articles ||
    a.other.name.localeCompare(b.other.name)
  );
}

/** Meetings by date, newest first (the meeting's own date, else when the fact was last seen). */
function byMeetingDate(a: ApiPageFact, b: ApiPageFact): number {
  const da = a.other.date ?? a.lastSeen ?? "";
  const db = b.other.date ?? b.lastSeen ?? "";
  return db.localeCompare(da) || a.other.name.localeCompare(b.other.name);
}

export function buildEntityPage(detail: ApiNodeDetail, coMentioned: ApiEntityPage["coMentioned"] = []): ApiEntityPage {
  const page: ApiEntityPage = {
    node: detail.node,
    posts: [],
    meetings: [],
    attendees: [],
    organizers: [],
    projects: [],
    places: [],
    located: [],
    parents: [],
    children: [],
    partners: [],
    coMentioned,
    evidence: [],
    articles: detail.articles,
  };
  if (detail.omitted) page.omitted = detail.omitted;
  const seen = new Set<string>();
  for (const r of detail.relations) {
    if (r.type === "MENTIONS" || r.type === "REPORTED") continue;
    const section = sectionOf(r);
    if (section) page[section].push(pageFact(r));
    for (const ev of r.evidence) {
      const key = `${ev.article}\u0000${ev.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      page.evidence.push(ev);
    }
  }
  page.evidence.sort(newestFirst);
  page.evidence = page.evidence.slice(0, PAGE_LATEST_EVIDENCE);
  page.posts.sort(byLastSeen);
  for (const s of ["meetings", "attendees"] as const) page[s].sort(byMeetingDate);
  for (const s of ["organizers", "projects", "places", "located", "parents", "children", "partners"] as const)
    page[s].sort(byLastSeen);
  return page;
}
