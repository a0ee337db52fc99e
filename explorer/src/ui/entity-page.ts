// The body of an entity's page in the panel (ApiEntityPage): a person's posts as a timeline with their spans,
// meetings by date with role and the people named alongside; an organization's roster; a meeting's attendees
// grouped by role; a place's meetings, projects and divisions; then the latest evidence and the articles.
import type { ApiEntityPage, ApiEvidence, ApiNode, ApiPageFact } from "../../../core/api.js";
import { ROLE_LABELS, TYPE_COLORS } from "../appearance.js";
import { h, highlight } from "./dom.js";

type Child = HTMLElement | null;

export interface PageActions {
  /** Opens another entity's page (loading it when it is not in the view). */
  open(id: string): void;
}

/** "2023-02-03 – 2023-05-06", one date when seen on one day, "" when undated. */
export function spanOf(f: Pick<ApiPageFact, "firstSeen" | "lastSeen">): string {
  const { firstSeen: a, lastSeen: b } = f;
  if (a && b) return a === b ? a : `${a} – ${b}`;
  return a ?? b ?? "";
}

/** "2023-02-06 – 2023-03-15 · 3 篇" */
export function spanAndCount(f: ApiPageFact): string {
  return [spanOf(f), f.articles > 0 ? `${f.articles} 篇` : ""].filter(Boolean).join(" · ");
}

const ROLE_ORDER = ["chaired", "spoke", "attended"];

export function renderEntityPage(page: ApiEntityPage, act: PageActions): Child[] {
  const n = page.node;
  const link = (o: ApiNode) =>
    h(
      "a",
      {
        class: "link",
        "data-id": o.id,
        href: `#/entity/${encodeURIComponent(o.id)}`,
        onclick: (e: Event) => {
          e.preventDefault();
          act.open(o.id);
        },
      },
      o.name,
    );
  const dot = (o: ApiNode) => h("span", { class: "dot", style: `background:${TYPE_COLORS[o.type]}` });
  const list = (testid: string, facts: ApiPageFact[], extra: (f: ApiPageFact) => Child[] = () => []) =>
    facts.length
      ? h(
          "ul",
          { class: "list" },
          ...facts.map((f) =>
            h(
              "li",
              { "data-testid": testid },
              dot(f.other),
              link(f.other),
              ...extra(f),
              h("span", { class: "date" }, spanAndCount(f)),
            ),
          ),
        )
      : null;
  const one = (title: string, testid: string, facts: ApiPageFact[], extra?: (f: ApiPageFact) => Child[]) =>
    facts.length
      ? [h("h4", { "data-testid": `section-${testid}` }, `${title}（${facts.length}）`), list(testid, facts, extra)]
      : [];
  const via = (f: ApiPageFact): Child[] => (f.via ? [h("span", { class: "muted" }, `在${f.via.name}`)] : []);
  const muted = (text: string | undefined): Child[] => (text ? [h("span", { class: "muted" }, text)] : []);

  const out: Child[] = [];
  switch (n.type) {
    case "Person":
      out.push(...postsTimeline("任职经历", page.posts, (f) => link(f.other)));
      out.push(...meetingsByDate(page.meetings, link, (f) => muted(ROLE_LABELS[f.role ?? ""] ?? f.role)));
      if (page.coMentioned.length)
        out.push(
          h("h4", { "data-testid": "section-co-mentioned" }, `同文提及的人物（${page.coMentioned.length}）`),
          h(
            "ul",
            { class: "list" },
            ...page.coMentioned.map((c) =>
              h(
                "li",
                { "data-testid": "co-mentioned" },
                dot(c.node),
                link(c.node),
                h("span", { class: "date" }, `${c.articles} 篇`),
              ),
            ),
          ),
        );
      break;
    case "Organization":
      out.push(...roster(page.posts, link));
      out.push(...meetingsByDate(page.meetings, link, () => []));
      out.push(...one("运营项目", "project", page.projects));
      out.push(...one("上级机构", "parent", page.parents));
      out.push(...one("下属机构", "child", page.children));
      out.push(...one("合作", "partner", page.partners));
      out.push(...one("所在地", "place", page.places));
      break;
    case "Meeting": {
      // The date is among the node's properties above; place and organizer follow it.
      out.push(
        h(
          "dl",
          { class: "meeting-facts" },
          ...(page.places.length
            ? [
                h("dt", {}, "地点"),
                h("dd", { "data-testid": "meeting-place" }, ...page.places.map((f) => link(f.other))),
              ]
            : []),
          ...(page.organizers.length
            ? [
                h("dt", {}, "主办"),
                h("dd", { "data-testid": "meeting-organizer" }, ...page.organizers.map((f) => link(f.other))),
              ]
            : []),
        ),
      );
      const roles = [...new Set([...ROLE_ORDER, ...page.attendees.map((f) => f.role ?? "attended")])];
      for (const role of roles) {
        const group = page.attendees.filter((f) => (f.role ?? "attended") === role);
        if (!group.length) continue;
        out.push(
          h("h4", { "data-testid": `role-${role}` }, `${ROLE_LABELS[role] ?? role}（${group.length}）`),
          list(`attendee-${role}`, group),
        );
      }
      break;
    }
    case "Place":
      out.push(...one("上级区划", "parent", page.parents));
      out.push(...one("下辖区划", "division", page.children));
      out.push(...meetingsByDate(page.meetings, link, via));
      out.push(...one("项目", "project", page.projects, via));
      out.push(...one("驻地机构", "located", page.located));
      break;
    case "Project":
      out.push(...one("承建/运营", "organizer", page.organizers));
      out.push(...one("所在地", "place", page.places));
      break;
    default:
      break;
  }
  if (page.evidence.length) {
    const names = [n.name, ...n.aliases];
    out.push(
      h("h4", { "data-testid": "section-evidence" }, `最新出处（${page.evidence.length}）`),
      ...page.evidence.map((ev) => evidenceQuote(ev, names, pageNames(page))),
    );
  }
  if (page.articles.length)
    out.push(
      h("h4", {}, `提及它的文章（${page.articles.length}）`),
      h(
        "ul",
        { class: "list" },
        ...page.articles.map((a) =>
          h(
            "li",
            { "data-testid": "article" },
            h("span", {}, a.title),
            h("span", { class: "date" }, [a.source, a.date].filter(Boolean).join(" · ")),
          ),
        ),
      ),
    );
  if (page.omitted) out.push(h("div", { class: "muted" }, `另有 ${page.omitted} 条关系未列出`));
  return out;
}

function pageNames(page: ApiEntityPage): string[] {
  const facts = [
    ...page.posts,
    ...page.meetings,
    ...page.attendees,
    ...page.organizers,
    ...page.projects,
    ...page.places,
    ...page.located,
    ...page.parents,
    ...page.children,
    ...page.partners,
  ];
  return facts.flatMap((f) => [f.other.name, ...f.other.aliases]);
}

export function evidenceQuote(ev: ApiEvidence, names: string[], others: string[] = []): HTMLElement {
  return h(
    "blockquote",
    { class: "evidence", "data-testid": "evidence" },
    highlight(ev.sentence, [...names, ...others]),
    h("span", { class: "src" }, [ev.articleTitle, ev.source, ev.date].filter(Boolean).join(" · ")),
  );
}

/**
 * Posts as a timeline: one row per post (organization, title, current or former, span, article count) with a
 * bar placing its span on the common time axis of all the posts.
 */
function postsTimeline(title: string, posts: ApiPageFact[], who: (f: ApiPageFact) => HTMLElement): Child[] {
  if (!posts.length) return [];
  const axis = timeAxis(posts);
  return [
    h("h4", { "data-testid": "section-posts" }, `${title}（${posts.length}）`),
    h(
      "ul",
      { class: "list timeline-list" },
      ...posts.map((f) =>
        h(
          "li",
          { "data-testid": "post", class: f.former ? "former" : "" },
          h(
            "div",
            { class: "post-line" },
            who(f),
            h("span", { class: "post-title" }, f.title ?? ""),
            h("span", { class: f.former ? "tag former" : "tag current" }, f.former ? "原任" : "现任"),
            h("span", { class: "date" }, spanAndCount(f)),
          ),
          spanBar(f, axis),
        ),
      ),
    ),
  ];
}

/** An organization's roster: who held which title when, current holders first, grouped by title. */
function roster(posts: ApiPageFact[], link: (o: ApiNode) => HTMLElement): Child[] {
  if (!posts.length) return [];
  const axis = timeAxis(posts);
  return [
    h("h4", { "data-testid": "section-roster" }, `人员名单（${posts.length}）`),
    h(
      "ul",
      { class: "list timeline-list" },
      ...posts.map((f) =>
        h(
          "li",
          { "data-testid": "roster", class: f.former ? "former" : "" },
          h(
            "div",
            { class: "post-line" },
            h("span", { class: "post-title" }, f.title ?? ""),
            link(f.other),
            h("span", { class: f.former ? "tag former" : "tag current" }, f.former ? "原任" : "现任"),
            h("span", { class: "date" }, spanAndCount(f)),
          ),
          spanBar(f, axis),
        ),
      ),
    ),
  ];
}

function meetingsByDate(
  meetings: ApiPageFact[],
  link: (o: ApiNode) => HTMLElement,
  extra: (f: ApiPageFact) => Child[],
): Child[] {
  if (!meetings.length) return [];
  return [
    h("h4", { "data-testid": "section-meetings" }, `会议（${meetings.length}）`),
    h(
      "ul",
      { class: "list" },
      ...meetings.map((f) =>
        h(
          "li",
          { "data-testid": "meeting" },
          h("span", { class: "day" }, f.other.date ?? f.lastSeen ?? "—"),
          link(f.other),
          ...extra(f),
        ),
      ),
    ),
  ];
}

interface Axis {
  lo: number;
  hi: number;
}

const day = (d: string | null) => (d ? Date.parse(d.slice(0, 10)) : NaN);

function timeAxis(facts: ApiPageFact[]): Axis | null {
  const all = facts.flatMap((f) => [day(f.firstSeen), day(f.lastSeen)]).filter(Number.isFinite);
  if (!all.length) return null;
  return { lo: Math.min(...all), hi: Math.max(...all) };
}

function spanBar(f: ApiPageFact, axis: Axis | null): Child {
  const a = day(f.firstSeen ?? f.lastSeen);
  const b = day(f.lastSeen ?? f.firstSeen);
  if (!axis || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  const width = Math.max(1, axis.hi - axis.lo);
  const left = ((a - axis.lo) / width) * 100;
  const w = Math.max(2, ((b - a) / width) * 100);
  return h(
    "div",
    { class: "span-bar", title: spanOf(f) },
    h("span", { style: `left:${left.toFixed(1)}%;width:${Math.min(w, 100 - left).toFixed(1)}%` }),
  );
}
