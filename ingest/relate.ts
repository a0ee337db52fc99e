// The relate stage: from one article's mentions to entities and evidence-carrying relations. One family a file
// under relations/ (posts, participation, projects, organizations, places, partners); each reads the mentions and appends
// entities and relations; none calls back into the mentions stage, and ids come only from resolve.
import type { ArticleDoc, EntityDoc, RelationDoc } from "../core/model.js";
import type { ArticleMentions } from "./mentions/index.js";
import type { ArticleContext } from "./mentions/types.js";
import { dateMeetings, relateParticipation } from "./relations/participation.js";
import { relateOrganizations } from "./relations/organizations.js";
import { relatePartners } from "./relations/partners.js";
import { relatePlaces } from "./relations/places.js";
import { relatePosts } from "./relations/posts.js";
import { relateProjects } from "./relations/projects.js";
import { relateScope } from "./relations/scope.js";
import { publisherEntity } from "./resolve.js";

export interface ArticleGraph {
  entities: EntityDoc[];
  relations: RelationDoc[];
}

export function relateArticle(article: ArticleDoc, found: ArticleMentions, ctx: ArticleContext): ArticleGraph {
  const s = relateScope(article, found, ctx);
  dateMeetings(s);
  relateMentions(s.article, s);
  relatePosts(s);
  relateParticipation(s);
  relateProjects(s);
  relateOrganizations(s);
  relatePartners(s);
  // Last: the hierarchy covers every place the families above added.
  relatePlaces(s);
  return { entities: s.entities, relations: s.relations };
}

/** MENTIONS with counts; nested organizations and coded places (a company inside its project's name) count too. */
function relateMentions(article: ArticleDoc, s: ReturnType<typeof relateScope>): void {
  const { mentions, nested } = s.found;
  const counts = new Map<string, number>();
  const namedInside = nested.filter(
    (n) => n.type === "Organization" || (n.type === "Place" && n.props.code && n.text === n.canonical),
  );
  for (const m of [...mentions, ...namedInside]) {
    const e = s.entityOf(m);
    s.entities.push(e);
    counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  }
  // The paper or agency that published the article is named by it (本报讯, 新华社…电).
  if (article.source) {
    const publisher = publisherEntity(article.source);
    s.entities.push(publisher);
    counts.set(publisher.id, counts.get(publisher.id) ?? 1);
  }
  // Where each entity is first named, mentions before nested ones.
  const firstAt = new Map<string, number>();
  for (const m of [...mentions, ...nested]) {
    const id = s.entityOf(m).id;
    if (counts.has(id) && !firstAt.has(id)) firstAt.set(id, m.start);
  }
  for (const [id, count] of counts) s.rel("MENTIONS", article.id, id, firstAt.get(id) ?? 0, { count });
}
