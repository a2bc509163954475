// Average-linkage clustering on a base where most companies have branches (as the Odoo exports have them):
// each company comes out whole, a lookalike stays apart, and no pair of rows is scored twice.
import { describe, expect, it } from "vitest";
import { cluster, type ClusterInput } from "../../src/dedupe/cluster.js";

/** `companies` companies of `branches` rows each (rows interleaved, as an export lists them), and one lookalike row per company. */
function branches(companies: number, branches: number) {
  const n = companies * (branches + 1);
  const company = (r: number) => r % companies;
  const lookalike = (r: number) => r >= companies * branches;
  // The same company: a strong match (a little weaker between branches than with the head office);
  // a lookalike: strong to the head office, fair to its first three branches (four links, so its cluster is
  // weighed against the company's four times), weak to the rest, so it must not join on average.
  const p = (i: number, j: number): number => {
    if (company(i) !== company(j)) return 0.01;
    if (lookalike(i) || lookalike(j)) {
      const other = lookalike(i) ? j : i;
      return other < companies ? 0.95 : other < companies * 4 ? 0.6 : 0.05;
    }
    return i < companies || j < companies ? 0.97 : 0.9;
  };
  const links: ClusterInput["links"] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (company(i) === company(j) && p(i, j) > 0.5) links.push({ i, j, p: p(i, j) });
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[i] = i;
  return { n, company, lookalike, p, links, rank };
}

describe("cluster", () => {
  it("keeps each company whole and its lookalike apart, scoring every ordered pair once at most", () => {
    const b = branches(30, 12);
    const asked = new Map<number, number>();
    const probability = (i: number, j: number): number => {
      const key = i * b.n + j;
      asked.set(key, (asked.get(key) ?? 0) + 1);
      return b.p(i, j);
    };
    const root = cluster({ n: b.n, links: b.links, probability, tax: new Array<string>(b.n).fill(""), cannotLink: [], rank: b.rank });

    for (let r = 0; r < b.n; r++) {
      if (b.lookalike(r)) expect(root[r], `lookalike row ${r}`).toBe(r);
      else expect(root[r], `row ${r}`).toBe(root[b.company(r)]);
    }
    expect(new Set(Array.from(root, (x, r) => (b.lookalike(r) ? -1 : x))).size).toBe(30 + 1);
    // Average linkage asked about many pairs, each once; a link's own pair is known from its score.
    expect(asked.size).toBeGreaterThan(100);
    expect(Math.max(...asked.values())).toBe(1);
    for (const l of b.links) expect(asked.has(l.i * b.n + l.j), `link ${l.i}-${l.j}`).toBe(false);
  });
});
