// Second look at a split page: once every article is known in full, each column fragment placed by similarity goes
// to the article it fits best. The first pass reads in page order and sees only what came before, so a fragment read
// before its own article's name and topic appear (a column's first line printed ahead of the article's other
// columns) lands in the article that happened to share a word with it. The second pass scores every fragment against
// every other article's whole text, keeps the reading-order neighbours as evidence, and never gives a fragment in
// the paper's own voice (本报, 我市, a bare 市委) to a wire-agency story.

/** Chinese character pairs of a text: the unit of topical overlap between a fragment and an article. */
export function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[^\u4e00-\u9fff]/g, "")];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * The paper speaking of its own city or county: 本报, 我市/我县, or 市委/市政府/县委… with no place name before it
 * (after a function word, a verb ending or punctuation). A wire story names the place (济南市委), so a fragment that
 * speaks like this belongs to one of the paper's own articles.
 */
const PAPER_VOICE =
  /本报|我(?:市|县|区|州|盟)(?![场民])|(?:^|[^\u4e00-\u9fff]|[了对向和与及同到在为由的是将经表])(?:市|县|区)(?:委(?!员)|政府|人大|政协)/;

export function inPaperVoice(text: string): boolean {
  return PAPER_VOICE.test(text);
}

/** One body block of an article: its place on the page, its text, and whether similarity (not structure) put it there. */
export interface Member {
  index: number;
  text: string;
  movable: boolean;
}

export interface Group {
  /** Headline lines; their pairs count as the article's text. */
  headlines: string[];
  members: Member[];
  /** Whether the article is a wire-agency story (its source is not the paper). */
  agency: boolean;
}

/**
 * What a fragment's neighbour in page order adds to the article it belongs to: more when the text runs on across the
 * two (the earlier block stops mid-sentence), less when a sentence ends between them.
 */
const RUN_ON_BONUS = 0.08;
const NEIGHBOUR_BONUS = 0.03;
/** A fragment that starts with a person speaking (张某指出…) belongs with the article whose headline or lead names them. */
const SPEAKER_BONUS = 0.5;
const SPEAKER = /^([\u4e00-\u9fff]{2,3}?)(?:同志)?(?:指出|强调|表示|要求|说|认为|介绍)/;
const SENTENCE_END = /[。！？!?…”」]$/;
/** How much better another article's text (and speaker) must fit before a fragment leaves its article. */
const CONTENT_MARGIN = 0.15;
/** Distinctive pairs a fragment must share with an article before its text can move it: one or two shared pairs is chance. */
const MIN_SHARED = 3;
const ROUNDS = 3;

/**
 * Moves movable members between groups in place, in page order, for up to ROUNDS rounds or until nothing moves.
 * `weight` gives a character pair's distinctiveness on the page (0 for pairs that say nothing).
 */
export function regroup(groups: Group[], weight: (g: string) => number): number {
  const counts = groups.map(() => new Map<string, number>());
  const norms = groups.map(() => 0);
  const add = (k: number, text: string, by: 1 | -1) => {
    const c = counts[k]!;
    for (const g of bigrams(text)) {
      const n = (c.get(g) ?? 0) + by;
      if (n === 0 && by < 0) norms[k]! -= weight(g) ** 2;
      if (n === 1 && by > 0) norms[k]! += weight(g) ** 2;
      if (n === 0) c.delete(g);
      else c.set(g, n);
    }
  };
  groups.forEach((grp, k) => {
    for (const h of grp.headlines) add(k, h, 1);
    for (const m of grp.members) add(k, m.text, 1);
  });
  const home = new Map<number, number>();
  const textAt = new Map<number, string>();
  groups.forEach((grp, k) =>
    grp.members.forEach((m) => {
      home.set(m.index, k);
      textAt.set(m.index, m.text);
    }),
  );
  // Headlines and the blocks structure placed (openings, first lines under a headline): what an article is about.
  const known = groups.map((grp) =>
    [...grp.headlines, ...grp.members.filter((m) => !m.movable).map((m) => m.text)].join("\n"),
  );
  const runsOn = (i: number) => textAt.has(i) && !SENTENCE_END.test(textAt.get(i)!);

  let moved = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let movedThisRound = 0;
    const fragments = groups.flatMap((grp) => grp.members.filter((m) => m.movable)).sort((a, b) => a.index - b.index);
    for (const m of fragments) {
      const from = home.get(m.index)!;
      if (groups[from]!.members.length < 2) continue;
      add(from, m.text, -1);
      const grams = [...bigrams(m.text)].map((g) => [g, weight(g)] as const).filter(([, w]) => w > 0);
      const own = grams.reduce((s, [, w]) => s + w * w, 0);
      const voice = inPaperVoice(m.text);
      // A speaker's name is distinctive on the page (工作表示… is no speaker).
      const speaker = [SPEAKER.exec(m.text)?.[1]].find((n) => n && [...bigrams(n)].every((g) => weight(g) > 0));
      // Content (shared distinctive pairs, a speaker the article names) must favour the new article by a margin, and
      // content with reading-order neighbours must too: neighbours keep a fragment, they never pull it away.
      const fit = groups.map((grp, k) => {
        if (voice && grp.agency && k !== from) return null;
        let dot = 0;
        let shared = 0;
        for (const [g, w] of grams)
          if (counts[k]!.has(g)) {
            dot += w * w;
            shared++;
          }
        let content = (shared >= MIN_SHARED || k === from) && norms[k]! > 0 ? dot / Math.sqrt(own * norms[k]!) : 0;
        if (speaker && known[k]!.includes(speaker)) content += SPEAKER_BONUS;
        let total = content;
        if (home.get(m.index - 1) === k) total += runsOn(m.index - 1) ? RUN_ON_BONUS : NEIGHBOUR_BONUS;
        if (home.get(m.index + 1) === k) total += runsOn(m.index) ? RUN_ON_BONUS : NEIGHBOUR_BONUS;
        return { content, total };
      });
      const stay = groups[from]!.agency && voice ? { content: -Infinity, total: -Infinity } : fit[from]!;
      let best = from;
      fit.forEach((f, k) => {
        if (!f || k === from) return;
        const cur = best === from ? stay : fit[best]!;
        if (f.content > stay.content + CONTENT_MARGIN && f.total > cur.total) best = k;
      });
      add(best, m.text, 1);
      if (best === from) continue;
      const transfer = (x: Member) => {
        const src = groups[from]!.members;
        src.splice(src.indexOf(x), 1);
        groups[best]!.members.push(x);
        home.set(x.index, best);
        movedThisRound++;
      };
      transfer(m);
      // The lines that finish the moved line's sentence (it stops mid-sentence and they followed it) go with it.
      for (let j = m.index + 1; runsOn(j - 1) && home.get(j) === from; j++) {
        const next = groups[from]!.members.find((x) => x.index === j);
        if (!next?.movable || groups[from]!.members.length < 2) break;
        add(from, next.text, -1);
        add(best, next.text, 1);
        transfer(next);
      }
    }
    moved += movedThisRound;
    if (!movedThisRound) break;
  }
  for (const grp of groups) grp.members.sort((a, b) => a.index - b.index);
  return moved;
}
