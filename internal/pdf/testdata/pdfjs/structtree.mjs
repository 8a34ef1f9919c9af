// Prints the structure tree pdf.js reads from a PDF, page by page: one
// line per element, indented two spaces a level, with its role, its
// language and alternative text when it has them, and the text of its
// marked content; link annotations as "annotation" with their
// /Contents.
//
//   node structtree.mjs FILE.pdf
import { readFile } from "node:fs/promises";

// pdf.js wants DOMMatrix when it loads, for rendering, which this script
// does not do: a stand-in saves the native canvas package.
globalThis.DOMMatrix ??= class DOMMatrix {
  constructor(m = [1, 0, 0, 1, 0, 0]) {
    [this.a, this.b, this.c, this.d, this.e, this.f] = m;
  }
};
const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");

const data = new Uint8Array(await readFile(process.argv[2]));
const doc = await getDocument({ data, verbosity: 0 }).promise;
const out = [];
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const text = new Map(); // marked content id → its text
  const open = [];
  const content = await page.getTextContent({ includeMarkedContent: true });
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
      open.push(item.id ?? null);
    } else if (item.type === "endMarkedContent") {
      open.pop();
    } else if (item.str !== undefined) {
      const id = open.findLast((x) => x);
      if (id) text.set(id, (text.get(id) ?? "") + item.str + (item.hasEOL ? " " : ""));
    }
  }
  const contents = new Map(); // annotation id → its /Contents
  for (const a of await page.getAnnotations()) contents.set(a.id, a.contentsObj?.str ?? "");
  out.push(`page ${n}`);
  const walk = (node, depth) => {
    if (node.type === "content") {
      const s = (text.get(node.id) ?? "").replace(/\s+/g, " ").trim();
      out.push(`${"  ".repeat(depth)}"${s}"`);
      return;
    }
    if (node.type === "annotation" || node.type === "object") {
      const id = node.id.replace(/^pdfjs_internal_id_/, "");
      out.push(`${"  ".repeat(depth)}${node.type} "${contents.get(id) ?? ""}"`);
      return;
    }
    let line = "  ".repeat(depth) + node.role;
    if (node.lang) line += ` lang=${node.lang}`;
    if (node.alt) line += ` alt="${node.alt}"`;
    out.push(line);
    for (const kid of node.children ?? []) walk(kid, depth + 1);
  };
  const tree = await page.getStructTree();
  if (tree) walk(tree, 1);
}
console.log(out.join("\n"));
