// Stated cooperation between organizations (PARTNER_OF): 联合…共同组建, 签约, 合作.
import type { RelateScope } from "./scope.js";

export function relatePartners(s: RelateScope): void {
  void s;
}
