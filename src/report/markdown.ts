// report.md: the report as Markdown tables, for pasting into a proposal.
import { say } from "../i18n.js";
import type { RunResult } from "../pipeline.js";
import { buildModel, num2, pct, W, type ReportModel } from "./model.js";
import type { Summary } from "./summary.js";

/** A Markdown table cell: no pipes or newlines. */
const cell = (v: string | number) => String(v).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function table(head: string[], rows: (string | number)[][]): string {
  const out = [`| ${head.map(cell).join(" | ")} |`, `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`];
  for (const r of rows) out.push(`| ${r.map(cell).join(" | ")} |`);
  return out.join("\n");
}

function textTable(head: string[], rows: (string | number)[][]): string {
  const out = [`| ${head.map(cell).join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`];
  for (const r of rows) out.push(`| ${r.map(cell).join(" | ")} |`);
  return out.join("\n");
}

export function renderMarkdownModel(m: ReportModel): string {
  const L = m.lang;
  const s = m.summary;
  const t = (p: (typeof W)[keyof typeof W]) => say(L, p as never);
  const out: string[] = [];
  out.push(`# ${m.title}`, "", say(L, W.asOf, { date: s.as_of }), "");
  out.push(`## ${t(W.overview)}`, "");
  out.push(
    table(
      [t(W.input), t(W.accepted), t(W.rejected), t(W.contacts), t(W.clients), t(W.dupGroups)],
      [[s.input.rows, s.input.accepted, s.input.rejected, s.input.contacts, Object.values(s.segments.temperature ?? {}).reduce((a, b) => a + b, 0), s.duplicates.groups]],
    ),
    "",
  );
  out.push(
    `${t(W.decisions)}: ` +
      (["kept", "moved", "assigned", "unassigned"] as const).map((k) => `${say(L, W.decisionWords[k]!)} ${s.decisions[k]}`).join(", "),
    "",
  );
  out.push(`## ${t(W.loadTitle)}`, "", t(W.loadNote), "");
  out.push(
    table(
      [t(W.manager), t(W.capacity), t(W.clients), t(W.loadBefore), t(W.loadAfter), t(W.fairLoad), t(W.ratio), t(W.kept), t(W.gained), t(W.lost), t(W.activeShare)],
      m.managers.map((x) => [
        x.active ? x.name : `${x.name} (${t(W.inactive)})`,
        x.capacity,
        x.clients,
        num2(x.loadBefore),
        num2(x.loadAfter),
        num2(x.fair),
        x.active ? num2(x.ratioAfter) : "",
        x.kept,
        x.gained,
        x.lost,
        pct(x.activeShare),
      ]),
    ),
    "",
    t(W.activeNote),
    "",
  );
  out.push(`## ${t(W.balance)}`, "");
  const b = s.balance;
  const balanceRows: (string | number)[][] = [
    [t(W.maxRatio), num2(b.max_load_ratio)],
    [t(W.minRatio), num2(b.min_load_ratio)],
    [t(W.level), num2(b.level)],
    [t(W.unconstrained), num2(b.unconstrained_max_load_ratio)],
    [t(W.gini), b.gini.toFixed(3)],
    [t(W.hotSpread), b.hot_spread.toFixed(3)],
    [t(W.aSpread), b.a_spread.toFixed(3)],
  ];
  out.push(table(["", ""], balanceRows), "");
  if (b.max_load_ratio - b.unconstrained_max_load_ratio > 0.005) out.push(say(L, W.priceOfLimit, { d: num2(b.max_load_ratio - b.unconstrained_max_load_ratio) }), "");
  out.push(`## ${t(W.adviceTitle)}`, "");
  out.push(textTable([t(W.label), t(W.count), t(W.share), ""], m.advice.map((a) => [a.label, a.count, pct(a.share), a.text])), "");
  if (m.matrix) {
    out.push(`## ${t(W.matrixTitle)}`, "");
    out.push(table(["", ...m.matrix.cols], m.matrix.rows.map((r, i) => [r, ...m.matrix!.cells[i]!])), "");
  }
  out.push(`## ${t(W.segmentsTitle)}`, "");
  for (const seg of m.segments) {
    const total = seg.counts.reduce((a, [, n]) => a + n, 0) || 1;
    out.push(`### ${seg.id}`, "", table([t(W.label), t(W.clients), t(W.share)], seg.counts.map(([l, n]) => [l, n, pct(n / total)])), "");
  }
  out.push(`## ${t(W.conflictsTitle)}`, "");
  out.push(table([t(W.kind), t(W.count)], m.conflicts.map((c) => [say(L, W.kinds[c.kind]), c.count])), "");
  for (const c of m.conflicts) {
    if (!c.examples.length) continue;
    out.push(`### ${say(L, W.kinds[c.kind])}`, "");
    out.push(textTable([t(W.client), t(W.name), t(W.managers), t(W.detail), t(W.resolution)], c.examples.map((e) => [e.clientId, e.name, e.managers, e.detail, e.resolution])), "");
  }
  out.push(`## ${t(W.duplicatesTitle)}`, "");
  if (!m.duplicates.length) out.push(t(W.none), "");
  for (const g of m.duplicates) {
    out.push(`**${g.groupId}**`, "", textTable([t(W.client), t(W.name), t(W.score), t(W.evidence)], g.members.map((x) => [x.clientId, x.name, x.score, x.evidence])), "");
  }
  out.push(`## ${t(W.movedTitle)}`, "");
  if (!m.moved.length) out.push(t(W.none), "");
  else out.push(textTable([t(W.client), t(W.name), t(W.from), t(W.to), t(W.reason)], m.moved.map((x) => [x.clientId, x.name, x.from, x.to, x.reason])), "");
  return out.join("\n");
}

export function renderMarkdown(r: RunResult, s: Summary): string {
  return renderMarkdownModel(buildModel(r, s));
}
