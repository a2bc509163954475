// report.html: one self-contained page (inline CSS and SVG charts, nothing loaded from the network).
import { say } from "../i18n.js";
import type { RunResult } from "../pipeline.js";
import { buildModel, num2, pct, W, type ReportModel } from "./model.js";
import type { Summary } from "./summary.js";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (v: string | number) => String(v).replace(/[&<>"']/g, (c) => ESC[c]!);

const COLORS = {
  before: "#b8c2cc",
  after: "#2f6fdf",
  fair: "#d9480f",
  kept: "#2f9e44",
  gained: "#1c7ed6",
  lost: "#e03131",
  bar: "#5c7cfa",
  hot: "#e8590c",
  warm: "#fab005",
  cold: "#4dabf7",
};
/** Fixed colours for the labels whose meaning is the same everywhere, per segmenter. */
const LABEL_COLORS: Record<string, Record<string, string>> = {
  temperature: { hot: COLORS.hot, warm: COLORS.warm, cold: COLORS.cold },
  value: { A: "#2b8a3e", B: "#74b816", C: "#adb5bd" },
};
const labelColor = (id: string, label: string) => (label === "unknown" || label === "nobody" ? "#ced4da" : LABEL_COLORS[id]?.[label] ?? COLORS.bar);

/**
 * Managers drawn in a chart or listed in the page's table: the first ones of the managers file. More than that (an
 * owner column of one-off values makes thousands) made a page of 147 MB with 98k; report.md and summary.json list all.
 */
export const HTML_MANAGERS = 100;

/** The note under a chart or table that shows HTML_MANAGERS of `count` managers ("" when it shows them all). */
function moreNote(m: ReportModel, count: number): string {
  return count > HTML_MANAGERS ? `<p class="note" data-more="${count - HTML_MANAGERS}">${esc(say(m.lang, W.moreManagers, { n: String(count - HTML_MANAGERS) }))}</p>` : "";
}

/** Horizontal grouped bars of load ratio (before, after) with the fair line at 1.0. */
function loadChart(m: ReportModel): string {
  const L = m.lang;
  const ms = m.managers.filter((x) => x.active).slice(0, HTML_MANAGERS);
  const maxRatio = Math.max(1.2, ...ms.map((x) => Math.max(x.ratioBefore, x.ratioAfter))) * 1.08;
  const labelW = 190;
  const plotW = 520;
  const rowH = 34;
  const top = 28;
  const h = top + ms.length * rowH + 30;
  const x = (r: number) => labelW + (r / maxRatio) * plotW;
  const parts: string[] = [];
  parts.push(`<svg class="chart" data-chart="load" role="img" aria-label="${esc(say(L, W.loadTitle))}" viewBox="0 0 ${labelW + plotW + 60} ${h}" width="${labelW + plotW + 60}" height="${h}">`);
  parts.push(`<g font-size="11" fill="#555"><rect x="${labelW}" y="6" width="12" height="10" fill="${COLORS.before}"/><text x="${labelW + 16}" y="15">${esc(say(L, W.before))}</text><rect x="${labelW + 80}" y="6" width="12" height="10" fill="${COLORS.after}"/><text x="${labelW + 96}" y="15">${esc(say(L, W.after))}</text><line x1="${labelW + 160}" x2="${labelW + 172}" y1="11" y2="11" stroke="${COLORS.fair}" stroke-width="2" stroke-dasharray="4 2"/><text x="${labelW + 176}" y="15">${esc(say(L, W.fair))} = 1.00</text></g>`);
  ms.forEach((mgr, i) => {
    const y = top + i * rowH;
    parts.push(`<text x="${labelW - 8}" y="${y + 18}" text-anchor="end" font-size="12">${esc(mgr.name)}</text>`);
    parts.push(`<rect data-manager="${esc(mgr.name)}" data-kind="before" x="${labelW}" y="${y + 3}" width="${(x(mgr.ratioBefore) - labelW).toFixed(1)}" height="12" fill="${COLORS.before}"><title>${esc(mgr.name)} ${esc(say(L, W.before))}: ${num2(mgr.ratioBefore)}</title></rect>`);
    parts.push(`<rect data-manager="${esc(mgr.name)}" data-kind="after" data-value="${num2(mgr.ratioAfter)}" x="${labelW}" y="${y + 16}" width="${Math.max(1, x(mgr.ratioAfter) - labelW).toFixed(1)}" height="12" fill="${COLORS.after}"><title>${esc(mgr.name)} ${esc(say(L, W.after))}: ${num2(mgr.ratioAfter)}</title></rect>`);
    parts.push(`<text x="${(x(mgr.ratioAfter) + 4).toFixed(1)}" y="${y + 26}" font-size="10" fill="#333">${num2(mgr.ratioAfter)}</text>`);
  });
  const fx = x(1).toFixed(1);
  parts.push(`<line x1="${fx}" x2="${fx}" y1="${top - 4}" y2="${top + ms.length * rowH}" stroke="${COLORS.fair}" stroke-width="2" stroke-dasharray="5 3"/>`);
  parts.push(`<line x1="${labelW}" x2="${labelW}" y1="${top - 4}" y2="${top + ms.length * rowH}" stroke="#999"/>`);
  for (const tick of [0, 0.5, 1, 1.5, 2, 3, 4, 6, 8].filter((t) => t <= maxRatio)) {
    parts.push(`<text x="${x(tick).toFixed(1)}" y="${h - 10}" font-size="10" text-anchor="middle" fill="#777">${tick.toFixed(1)}</text>`);
  }
  parts.push(`</svg>`);
  return parts.join("");
}

/** Stacked bars: kept, gained, lost per manager. */
function movesChart(m: ReportModel): string {
  const L = m.lang;
  const ms = m.managers.slice(0, HTML_MANAGERS);
  const labelW = 190;
  const plotW = 520;
  const rowH = 24;
  const top = 26;
  const max = Math.max(1, ...ms.map((x) => x.kept + x.gained + x.lost));
  const h = top + ms.length * rowH + 10;
  const s = (n: number) => (n / max) * plotW;
  const parts: string[] = [`<svg class="chart" data-chart="moves" role="img" aria-label="${esc(say(L, W.movesTitle))}" viewBox="0 0 ${labelW + plotW + 60} ${h}" width="${labelW + plotW + 60}" height="${h}">`];
  let lx = labelW;
  for (const k of ["kept", "gained", "lost"] as const) {
    parts.push(`<rect x="${lx}" y="6" width="12" height="10" fill="${COLORS[k]}"/><text x="${lx + 16}" y="15" font-size="11" fill="#555">${esc(say(L, W[k]))}</text>`);
    lx += 110;
  }
  ms.forEach((mgr, i) => {
    const y = top + i * rowH;
    parts.push(`<text x="${labelW - 8}" y="${y + 13}" text-anchor="end" font-size="12">${esc(mgr.name)}</text>`);
    let x0 = labelW;
    for (const k of ["kept", "gained", "lost"] as const) {
      const w = s(mgr[k]);
      if (w > 0) parts.push(`<rect data-manager="${esc(mgr.name)}" data-kind="${k}" data-value="${mgr[k]}" x="${x0.toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="15" fill="${COLORS[k]}"><title>${esc(mgr.name)} ${esc(say(L, W[k]))}: ${mgr[k]}</title></rect>`);
      x0 += w;
    }
    parts.push(`<text x="${(x0 + 4).toFixed(1)}" y="${y + 14}" font-size="10" fill="#333">${mgr.kept}/${mgr.gained}/${mgr.lost}</text>`);
  });
  parts.push(`</svg>`);
  return parts.join("");
}

/** One horizontal bar chart of a segmenter's labels. */
function distributionChart(id: string, counts: [string, number][]): string {
  const shown = counts.slice(0, 14);
  const labelW = 200;
  const plotW = 300;
  const rowH = 20;
  const total = counts.reduce((a, [, n]) => a + n, 0) || 1;
  const max = Math.max(1, ...shown.map(([, n]) => n));
  const h = shown.length * rowH + 8;
  const parts = [`<svg class="chart small" data-chart="segment-${esc(id)}" role="img" aria-label="${esc(id)}" viewBox="0 0 ${labelW + plotW + 90} ${h}" width="${labelW + plotW + 90}" height="${h}">`];
  shown.forEach(([label, n], i) => {
    const y = 4 + i * rowH;
    const w = Math.max(1, (n / max) * plotW);
    const text = label.length > 30 ? label.slice(0, 29) + "…" : label;
    parts.push(`<text x="${labelW - 6}" y="${y + 12}" text-anchor="end" font-size="11">${esc(text)}</text>`);
    parts.push(`<rect data-label="${esc(label)}" data-value="${n}" x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="13" fill="${labelColor(id, label)}"><title>${esc(label)}: ${n}</title></rect>`);
    parts.push(`<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 12}" font-size="10" fill="#333">${n} (${pct(n / total)})</text>`);
  });
  parts.push(`</svg>`);
  return parts.join("");
}

/** Heat map of temperature × value. */
function heatMap(m: ReportModel): string {
  if (!m.matrix) return "";
  const { rows, cols, cells } = m.matrix;
  const cw = 90;
  const ch = 42;
  const left = 70;
  const top = 26;
  const max = Math.max(1, ...cells.flat());
  const parts = [`<svg class="chart" data-chart="matrix" role="img" aria-label="${esc(say(m.lang, W.matrixTitle))}" viewBox="0 0 ${left + cols.length * cw + 10} ${top + rows.length * ch + 10}" width="${left + cols.length * cw + 10}" height="${top + rows.length * ch + 10}">`];
  cols.forEach((c, j) => parts.push(`<text x="${left + j * cw + cw / 2}" y="18" text-anchor="middle" font-size="12" font-weight="bold">${esc(c)}</text>`));
  rows.forEach((r, i) => {
    parts.push(`<text x="${left - 8}" y="${top + i * ch + ch / 2 + 4}" text-anchor="end" font-size="12" font-weight="bold">${esc(r)}</text>`);
    cols.forEach((c, j) => {
      const v = cells[i]![j]!;
      const a = v / max;
      const fill = `rgba(47,111,223,${(0.08 + 0.85 * a).toFixed(3)})`;
      parts.push(`<rect data-row="${esc(r)}" data-col="${esc(c)}" data-value="${v}" x="${left + j * cw}" y="${top + i * ch}" width="${cw - 3}" height="${ch - 3}" fill="${fill}" rx="3"/>`);
      parts.push(`<text x="${left + j * cw + cw / 2 - 1}" y="${top + i * ch + ch / 2 + 4}" text-anchor="middle" font-size="13" fill="${a > 0.55 ? "#fff" : "#222"}">${v}</text>`);
    });
  });
  parts.push(`</svg>`);
  return parts.join("");
}

/** Bars of the active client base share per manager. */
function activeChart(m: ReportModel): string {
  const ms = m.managers.filter((x) => x.active).slice(0, HTML_MANAGERS);
  const labelW = 190;
  const plotW = 400;
  const rowH = 22;
  const h = ms.length * rowH + 8;
  const parts = [`<svg class="chart" data-chart="active" role="img" aria-label="${esc(say(m.lang, W.activeShare))}" viewBox="0 0 ${labelW + plotW + 70} ${h}" width="${labelW + plotW + 70}" height="${h}">`];
  ms.forEach((mgr, i) => {
    const y = 4 + i * rowH;
    const w = Math.max(1, mgr.activeShare * plotW);
    parts.push(`<text x="${labelW - 6}" y="${y + 13}" text-anchor="end" font-size="12">${esc(mgr.name)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${plotW}" height="13" fill="#f1f3f5"/>`);
    parts.push(`<rect data-manager="${esc(mgr.name)}" data-value="${mgr.activeShare.toFixed(4)}" x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="13" fill="${COLORS.kept}"/>`);
    parts.push(`<text x="${labelW + plotW + 6}" y="${y + 13}" font-size="11">${pct(mgr.activeShare)}</text>`);
  });
  parts.push(`</svg>`);
  return parts.join("");
}

function htmlTable(head: string[], rows: (string | number)[][], cls = ""): string {
  return `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td${typeof c === "number" ? ' class="num"' : ""}>${esc(c)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

const CSS = `
:root{--fg:#1f2933;--muted:#616e7c;--line:#e4e7eb;--accent:#2f6fdf}
*{box-sizing:border-box}
body{font:14px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);margin:0;background:#f7f8fa}
main{max-width:1100px;margin:0 auto;padding:28px 32px 60px;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:34px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}h3{font-size:15px;margin:20px 0 6px}
.muted{color:var(--muted)}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:16px 0}
.kpi{border:1px solid var(--line);border-radius:6px;padding:10px 12px}.kpi b{display:block;font-size:22px}.kpi span{color:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%;margin:8px 0 14px;font-size:13px}th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f5;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
.chart{max-width:100%;height:auto;display:block;margin:6px 0 12px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:4px 24px}
.advice td:first-child{font-weight:600}
.note{font-size:12px;color:var(--muted)}
@media print{body{background:#fff}main{padding:0;max-width:none}h2{break-after:avoid}table,svg,.kpis{break-inside:avoid}a{color:inherit}}
`;

export function renderHtmlModel(m: ReportModel): string {
  const L = m.lang;
  const s = m.summary;
  const t = (p: (typeof W)[keyof typeof W]) => say(L, p as never);
  const b = s.balance;
  const clients = Object.values(s.segments.temperature ?? {}).reduce((a, n) => a + n, 0);
  const kpi = (key: string, value: string | number, label: string) => `<div class="kpi"><b data-key="${esc(key)}">${esc(value)}</b><span>${esc(label)}</span></div>`;
  const body: string[] = [];
  body.push(`<h1>${esc(m.title)}</h1><p class="muted">${esc(say(L, W.asOf, { date: s.as_of }))} · ${esc(s.input.dialect)} · ${esc(s.input.encoding)}</p>`);
  body.push(
    `<div class="kpis">${[
      kpi("input.rows", s.input.rows, t(W.input)),
      kpi("input.accepted", s.input.accepted, t(W.accepted)),
      kpi("input.rejected", s.input.rejected, t(W.rejected)),
      kpi("clients", clients, t(W.clients)),
      kpi("duplicates.groups", s.duplicates.groups, t(W.dupGroups)),
      kpi("balance.max_load_ratio", num2(b.max_load_ratio), t(W.maxRatio)),
      kpi("balance.gini", b.gini.toFixed(3), t(W.gini)),
    ].join("")}</div>`,
  );
  body.push(`<p>${esc(t(W.decisions))}: ${(["kept", "moved", "assigned", "unassigned"] as const).map((k) => `<b data-key="decisions.${k}">${s.decisions[k]}</b> ${esc(say(L, W.decisionWords[k]!))}`).join(", ")}</p>`);
  const active = m.managers.filter((x) => x.active).length;
  body.push(`<h2>${esc(t(W.loadTitle))}</h2><p class="note">${esc(t(W.loadNote))}</p>${loadChart(m)}${moreNote(m, active)}`);
  body.push(
    htmlTable(
      [t(W.manager), t(W.capacity), t(W.clients), t(W.loadBefore), t(W.loadAfter), t(W.fairLoad), t(W.ratio), t(W.kept), t(W.gained), t(W.lost), t(W.activeShare)],
      m.managers.slice(0, HTML_MANAGERS).map((x) => [x.active ? x.name : `${x.name} (${t(W.inactive)})`, x.capacity, x.clients, num2(x.loadBefore), num2(x.loadAfter), num2(x.fair), x.active ? num2(x.ratioAfter) : "", x.kept, x.gained, x.lost, pct(x.activeShare)]),
      "managers",
    ),
  );
  if (m.managers.length > HTML_MANAGERS) body.push(moreNote(m, m.managers.length));
  body.push(`<h2>${esc(t(W.movesTitle))}</h2>${movesChart(m)}${moreNote(m, m.managers.length)}`);
  body.push(`<h2>${esc(t(W.activeShare))}</h2><p class="note">${esc(t(W.activeNote))}</p>${activeChart(m)}${moreNote(m, active)}`);
  const balanceRows: [string, string, string][] = [
    ["balance.max_load_ratio", t(W.maxRatio), num2(b.max_load_ratio)],
    ["balance.min_load_ratio", t(W.minRatio), num2(b.min_load_ratio)],
    ["balance.level", t(W.level), num2(b.level)],
    ["balance.unconstrained_max_load_ratio", t(W.unconstrained), num2(b.unconstrained_max_load_ratio)],
    ["balance.gini", t(W.gini), b.gini.toFixed(3)],
    ["balance.hot_spread", t(W.hotSpread), b.hot_spread.toFixed(3)],
    ["balance.a_spread", t(W.aSpread), b.a_spread.toFixed(3)],
  ];
  body.push(`<h2>${esc(t(W.balance))}</h2><table class="balance"><tbody>${balanceRows.map(([k, l, v]) => `<tr><td>${esc(l)}</td><td class="num" data-key="${k}">${v}</td></tr>`).join("")}</tbody></table>`);
  if (b.max_load_ratio - b.unconstrained_max_load_ratio > 0.005) body.push(`<p class="note">${esc(say(L, W.priceOfLimit, { d: num2(b.max_load_ratio - b.unconstrained_max_load_ratio) }))}</p>`);
  body.push(`<h2>${esc(t(W.adviceTitle))}</h2>${htmlTable([t(W.label), t(W.count), t(W.share), ""], m.advice.map((a) => [a.label, a.count, pct(a.share), a.text]), "advice")}`);
  if (m.matrix) body.push(`<h2>${esc(t(W.matrixTitle))}</h2>${heatMap(m)}`);
  body.push(`<h2>${esc(t(W.segmentsTitle))}</h2><div class="grid">${m.segments.map((seg) => `<section><h3>${esc(seg.id)}</h3>${distributionChart(seg.id, seg.counts)}</section>`).join("")}</div>`);
  body.push(`<h2>${esc(t(W.conflictsTitle))}</h2>${htmlTable([t(W.kind), t(W.count)], m.conflicts.map((c) => [say(L, W.kinds[c.kind]), c.count]))}`);
  for (const c of m.conflicts) {
    if (!c.examples.length) continue;
    body.push(`<h3>${esc(say(L, W.kinds[c.kind]))}</h3>${htmlTable([t(W.client), t(W.name), t(W.managers), t(W.detail), t(W.resolution)], c.examples.map((e) => [e.clientId, e.name, e.managers, e.detail, e.resolution]))}`);
  }
  body.push(`<h2>${esc(t(W.duplicatesTitle))}</h2>`);
  if (!m.duplicates.length) body.push(`<p>${esc(t(W.none))}</p>`);
  for (const g of m.duplicates) body.push(`<h3>${esc(g.groupId)}</h3>${htmlTable([t(W.client), t(W.name), t(W.score), t(W.evidence)], g.members.map((x) => [x.clientId, x.name, x.score, x.evidence]))}`);
  body.push(`<h2>${esc(t(W.movedTitle))}</h2>`);
  body.push(m.moved.length ? htmlTable([t(W.client), t(W.name), t(W.from), t(W.to), t(W.reason)], m.moved.map((x) => [x.clientId, x.name, x.from, x.to, x.reason])) : `<p>${esc(t(W.none))}</p>`);
  return `<!doctype html>
<html lang="${L}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(m.title)}</title>
<style>${CSS}</style>
</head>
<body><main>
${body.join("\n")}
</main></body>
</html>
`;
}

export function renderHtml(r: RunResult, s: Summary): string {
  return renderHtmlModel(buildModel(r, s));
}
