// Appearance: how a drawn node looks, computed when the drawn graph is (re)built from the filtered dataset —
// colour by type or by Louvain community, size by degree or PageRank. Hover and selection never touch these
// attributes; they are sigma item states styled in view.ts.
import type { NodeKind } from "./dataset.js";

export type ColorBy = "type" | "community";
export type SizeBy = "degree" | "pagerank";

export const TYPE_COLORS: Record<NodeKind, string> = {
  Person: "#e4572e",
  Organization: "#3b7dd8",
  Place: "#2a9d63",
  Project: "#9b5de5",
  Meeting: "#f2a541",
  Article: "#8d99ae",
};

export const TYPE_LABELS: Record<NodeKind, string> = {
  Person: "人物",
  Organization: "机构",
  Place: "地点",
  Project: "项目",
  Meeting: "会议",
  Article: "文章",
};

export const RELATION_LABELS: Record<string, string> = {
  MENTIONS: "提及",
  REPORTED: "报道",
  HOLDS_POSITION: "任职",
  PARTICIPATED_IN: "参会",
  HELD_IN: "举办地",
  ORGANIZED_BY: "主办",
  RUNS: "承建/运营",
  LOCATED_IN: "位于",
  PART_OF: "隶属",
  PARTNER_OF: "合作",
};

export const ROLE_LABELS: Record<string, string> = { chaired: "主持", spoke: "讲话", attended: "出席" };

/** Twelve distinguishable hues for communities; beyond that, colours repeat (the legend says which). */
const COMMUNITY_PALETTE = [
  "#e6194b",
  "#3cb44b",
  "#4363d8",
  "#f58231",
  "#911eb4",
  "#42d4f4",
  "#f032e6",
  "#9a6324",
  "#469990",
  "#808000",
  "#000075",
  "#e6a8d7",
];

export function communityColor(c: number | undefined): string {
  if (c === undefined || c < 0) return "#b0b7c3";
  return COMMUNITY_PALETTE[c % COMMUNITY_PALETTE.length] ?? "#b0b7c3";
}

/** System CJK fonts only: the page must work offline, so no web fonts are fetched. */
export const CJK_FONT_STACK =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** Node radius from a metric scaled to the largest value drawn: small nodes stay visible, hubs stand out. */
export function sizeFor(value: number, max: number): number {
  if (max <= 0) return 5;
  return 4 + 12 * Math.sqrt(Math.max(0, value) / max);
}
