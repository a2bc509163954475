// How each CRM writes dates, numbers, phones and CSV cells.

const p2 = (n) => String(n).padStart(2, "0");
const parts = (ts) => { const d = new Date(ts); return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() }; };

/** Date formats by name; every one reads the timestamp's UTC fields, so no host time zone leaks in. */
export const DATE = {
  ruDateTime: (t) => { const x = parts(t); return `${p2(x.d)}.${p2(x.m)}.${x.y} ${p2(x.h)}:${p2(x.mi)}:${p2(x.s)}`; },
  ruDate: (t) => { const x = parts(t); return `${p2(x.d)}.${p2(x.m)}.${x.y}`; },
  oneC: (t) => { const x = parts(t); return `${p2(x.d)}.${p2(x.m)}.${x.y} 0:00:00`; },
  isoMinute: (t) => { const x = parts(t); return `${x.y}-${p2(x.m)}-${p2(x.d)} ${p2(x.h)}:${p2(x.mi)}`; },
  isoSecond: (t) => { const x = parts(t); return `${x.y}-${p2(x.m)}-${p2(x.d)} ${p2(x.h)}:${p2(x.mi)}:${p2(x.s)}`; },
  isoDate: (t) => { const x = parts(t); return `${x.y}-${p2(x.m)}-${p2(x.d)}`; },
  isoZ: (t) => { const x = parts(t); return `${x.y}-${p2(x.m)}-${p2(x.d)}T${p2(x.h)}:${p2(x.mi)}:${p2(x.s)}.000Z`; },
  usDate: (t) => { const x = parts(t); return `${x.m}/${x.d}/${x.y}`; },
};

/** `1 234 567,89` with no-break spaces, as 1C writes money. */
export function num1C(n, decimals = 2) {
  const [i, f] = Math.abs(n).toFixed(decimals).split(".");
  const g = i.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return (n < 0 ? "-" : "") + g + (f ? "," + f : "");
}
/** `1.234.567,89`, as a Romanian spreadsheet writes it. */
export function numRo(n, decimals = 2) {
  const [i, f] = Math.abs(n).toFixed(decimals).split(".");
  return (n < 0 ? "-" : "") + i.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (f ? "," + f : "");
}

function groupLocal(s) {
  if (s.length === 7) return `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`;
  if (s.length === 6) return `${s.slice(0, 2)}-${s.slice(2, 4)}-${s.slice(4)}`;
  return `${s.slice(0, 1)}-${s.slice(1, 3)}-${s.slice(3)}`;
}

function ruArea(d) {
  // Mobile codes are 3 digits; city codes 3-5 (the table holds the exact code).
  if (d[0] === "9") return 3;
  for (const n of [4, 3]) if (RU_AREA_LEN.has(d.slice(0, n))) return n;
  return 3;
}
const RU_AREA_LEN = new Set(["343", "351", "342", "383", "495", "499", "498", "812", "843", "347", "846", "831", "861", "863",
  "3435", "3439", "3519", "3513", "3424", "3522", "3452", "3456", "3462", "3466", "4967", "4966", "8552", "8553", "3473", "8482", "8313", "3412", "3532", "3537", "8617", "8634"]);

/** A phone's national digits written in one of a locale's four everyday styles. */
export function phone(locale, d, style) {
  if (locale === "ru") {
    const a = ruArea(d), area = d.slice(0, a), local = d.slice(a);
    switch (style % 4) {
      case 0: return `+7 (${area}) ${groupLocal(local)}`;
      case 1: return `8 (${area}) ${groupLocal(local)}`;
      case 2: return `+7 ${area} ${local}`;
      default: return `8${d}`;
    }
  }
  if (locale === "ro") {
    const a = d.startsWith("21") || d.startsWith("31") ? 2 : 3, area = d.slice(0, a), local = d.slice(a);
    const spaced = local.length === 7 ? `${local.slice(0, 3)} ${local.slice(3, 5)} ${local.slice(5)}` : `${local.slice(0, 3)} ${local.slice(3)}`;
    switch (style % 4) {
      case 0: return `0${area} ${spaced}`;
      case 1: return `+40 ${area} ${spaced}`;
      case 2: return `0${area}-${local}`;
      default: return `+40${d}`;
    }
  }
  switch (style % 4) {
    case 0: return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
    case 1: return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
    case 2: return `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
    default: return `+1${d}`;
  }
}

/** Quotes a cell when it must be (delimiter, quote, line break, edge spaces) or always. */
export function cell(value, delimiter, always) {
  const s = value === null || value === undefined ? "" : String(value);
  if (always || s.includes(delimiter) || s.includes("\"") || s.includes("\n") || s.includes("\r")) return "\"" + s.replace(/"/g, "\"\"") + "\"";
  return s;
}
