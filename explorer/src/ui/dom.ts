// A tiny element builder: the explorer's panels are plain DOM, no framework to download or learn.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, "").toLowerCase(), v);
    else if (k === "class") el.className = String(v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "object" ? c : String(c));
  }
  return el;
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) el.append(typeof c === "object" ? c : String(c));
}

/** The sentence with every occurrence of the names marked, for evidence. */
export function highlight(sentence: string, names: string[]): HTMLElement {
  const span = h("span", { class: "evidence-text" });
  const terms = [...new Set(names.filter((n) => n && n.length > 0))].sort((a, b) => b.length - a.length);
  if (!terms.length) {
    span.textContent = sentence;
    return span;
  }
  const re = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  let last = 0;
  for (const m of sentence.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > last) span.append(sentence.slice(last, i));
    span.append(h("mark", {}, m[0]));
    last = i + m[0].length;
  }
  if (last < sentence.length) span.append(sentence.slice(last));
  return span;
}

export function download(name: string, data: Blob | string, type = "text/plain;charset=utf-8"): void {
  const blob = typeof data === "string" ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
