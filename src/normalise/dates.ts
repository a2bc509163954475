// Dates as CRMs write them (ISO, DD.MM.YYYY, DD/MM/YYYY, MM/DD/YYYY, with or without a time) → YYYY-MM-DD.
import type { Lang } from "../types.js";

// A timestamp's date is its calendar date as written: the zone suffix is read and ignored.
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[T ]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:[AaPp][Mm])?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/;
const DMY = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:\s*г\.?)?(?:[,T]?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/;
const NUMERIC_DMY = /^(\d{1,2})([./-])(\d{1,2})\2\d{2,4}/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the day exists (31.02 does not), in the years a CRM's dates can name. */
function dayExists(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS[m - 1]!);
}

/** `YYYY-MM-DD` when the day exists, else null. */
function ymd(y: number, m: number, d: number): string | null {
  if (!dayExists(y, m, d)) return null;
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

function timeOk(h: string | undefined, min: string | undefined, s: string | undefined, ampm: string | undefined): boolean {
  if (h === undefined) return true;
  const hh = +h;
  if (ampm ? hh < 1 || hh > 12 : hh > 24) return false;
  return +min! <= 59 && (s === undefined || +s <= 60);
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const twoDigits = (s: string, i: number): number => {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/**
 * The part of a timestamp that decides its date: `DD.MM.YYYY HH:MM:SS` (Bitrix24, 1C) and
 * `YYYY-MM-DD HH:MM:SS` / `YYYY-MM-DDTHH:MM:SS` whose day exists and whose time is valid give their first
 * ten characters, which `parseDate` and the day-order vote read exactly as the whole value; anything else
 * is its own key. A column of timestamps is then a few thousand days instead of one value per row.
 */
export function dateKey(v: string): string {
  return datePartEnd(v) === 10 ? v.slice(0, 10) : v;
}

/** Where `dateKey`'s key ends: 10 for a timestamp it shortens, else the value's length. */
function datePartEnd(v: string): number {
  if (v.length !== 19 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return v.length;
  const sep = v.charCodeAt(10);
  const hh = twoDigits(v, 11);
  const mi = twoDigits(v, 14);
  const ss = twoDigits(v, 17);
  if (hh < 0 || hh > 24 || mi < 0 || mi > 59 || ss < 0 || ss > 60) return v.length;
  let y: number, m: number, d: number;
  if (v.charCodeAt(2) === 46 && v.charCodeAt(5) === 46 && sep === 32) {
    // DD.MM.YYYY: dotted dates are day first whatever the column's order.
    d = twoDigits(v, 0);
    m = twoDigits(v, 3);
    y = twoDigits(v, 6) * 100 + twoDigits(v, 8);
    if (twoDigits(v, 6) < 0 || twoDigits(v, 8) < 0) return v.length;
  } else if (v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && (sep === 32 || sep === 84)) {
    y = twoDigits(v, 0) * 100 + twoDigits(v, 2);
    if (twoDigits(v, 0) < 0 || twoDigits(v, 2) < 0) return v.length;
    m = twoDigits(v, 5);
    d = twoDigits(v, 8);
  } else return v.length;
  return dayExists(y, m, d) ? 10 : v.length; // asked of every timestamp cell: no date text made to be dropped
}

/**
 * `dateKey(v)` as a small non-negative integer, where that key is ten characters shaped `DD.MM.YYYY` or
 * `YYYY-MM-DD` (a timestamp it shortens, or such a date itself); -1 for any other value. Two values get the same
 * number exactly when their keys are the same text, so a column can count its days without making the key.
 */
export function dayKey(v: string): number {
  const end = datePartEnd(v);
  if (end !== 10) return -1;
  let a: number, b: number, c: number, e: number;
  if (v.charCodeAt(2) === 46 && v.charCodeAt(5) === 46) {
    a = twoDigits(v, 0);
    b = twoDigits(v, 3);
    c = twoDigits(v, 6);
    e = twoDigits(v, 8);
  } else if (v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45) {
    a = twoDigits(v, 0);
    b = twoDigits(v, 2);
    c = twoDigits(v, 5);
    e = twoDigits(v, 8);
  } else return -1;
  if (a < 0 || b < 0 || c < 0 || e < 0) return -1;
  // Eight digits in their written order, and which of the two shapes (the same digits read differently).
  return (((a * 100 + b) * 100 + c) * 100 + e) * 2 + (v.charCodeAt(2) === 46 ? 0 : 1);
}

// A date cell with digits alone: a spreadsheet's day number (`45231`, `45231.5` with a time) or `YYYYMMDD`.
const DIGITS_ONLY_DATE = /^\d{5}(?:[.,]\d+)?$|^\d{8}$/;
const EIGHT_DIGITS = /^\d{8}$/;
/** Day 0 of a spreadsheet's day numbers (1900 system, with its fictitious 29 February 1900): 30 December 1899. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date written with digits alone: `YYYYMMDD` (1900–2099), or the day number a spreadsheet saves a date column as
 * when the column's format was lost (`45231` = 2023-11-01; late 1954 to 2099 only, numbers outside that are no dates).
 */
function compactDate(s: string): string | null {
  if (EIGHT_DIGITS.test(s)) {
    const y = +s.slice(0, 4);
    return y >= 1900 && y <= 2099 ? ymd(y, +s.slice(4, 6), +s.slice(6, 8)) : null;
  }
  const serial = Math.floor(Number(s.replace(",", ".")));
  if (serial < 20_000 || serial > 73_050) return null;
  return new Date(SERIAL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The date in `YYYY-MM-DD`, or null when the value is not a date or names an impossible day.
 * `dayFirst` settles `01/02/2025` (the column's day order); dotted dates are always day first.
 */
export function parseDate(raw: string, dayFirst: boolean): string | null {
  const s = raw.trim();
  if (s.length <= 12 && DIGITS_ONLY_DATE.test(s)) return compactDate(s);
  let m = ISO.exec(s);
  if (m) {
    if (!timeOk(m[4], m[5], m[6], undefined)) return null;
    return ymd(+m[1]!, +m[2]!, +m[3]!);
  }
  m = DMY.exec(s);
  if (!m) return null;
  if (!timeOk(m[5], m[6], m[7], m[8])) return null;
  const a = +m[1]!;
  const b = +m[3]!;
  let y = +m[4]!;
  if (m[4]!.length === 2) y += y < 70 ? 2000 : 1900;
  const df = m[2] === "." ? true : dayFirst;
  return df ? ymd(y, b, a) : ymd(y, a, b);
}

/**
 * The column's day order: by the values that settle it (a first part over 12 → day first, a second
 * part over 12 → month first); the majority when they disagree, a tie to the dialect's habit; with no
 * such value the dialect's habit, else the header language (ru, ro: day first; en: month first).
 */
export function settleDayOrder(values: Iterable<string>, habit: boolean | null, lang: Lang = "en"): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const v of values) {
    const vote = dayOrderVote(v);
    if (vote === 1) dayFirst++;
    else if (vote === -1) monthFirst++;
  }
  return dayOrderOf(dayFirst, monthFirst, habit, lang);
}

/** `settleDayOrder` over distinct values and how often each occurs (each distinct value is read once). */
export function settleDayOrderCounted(distinct: readonly string[], counts: ArrayLike<number>, habit: boolean | null, lang: Lang = "en"): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  for (let i = 0; i < distinct.length; i++) {
    const n = counts[i]!;
    const vote = dayOrderVote(distinct[i]!);
    if (vote === 1) dayFirst += n;
    else if (vote === -1) monthFirst += n;
  }
  return dayOrderOf(dayFirst, monthFirst, habit, lang);
}

/** 1: the value can only be day first; -1: only month first; 0: it does not say. */
function dayOrderVote(v: string): number {
  const m = NUMERIC_DMY.exec(v.trim());
  if (!m) return 0;
  const a = +m[1]!;
  const b = +m[3]!;
  if (a > 12 && b <= 12) return 1;
  if (b > 12 && a <= 12) return -1;
  return 0;
}

function dayOrderOf(dayFirst: number, monthFirst: number, habit: boolean | null, lang: Lang): boolean {
  if (dayFirst > monthFirst) return true;
  if (monthFirst > dayFirst) return false;
  if (habit !== null) return habit;
  return lang !== "en";
}

/** `YYYY-MM-DD` written in the given style (tests and fixtures use it for round trips). */
export function formatDate(iso: string, style: "iso" | "dmy-dot" | "dmy-slash" | "mdy-slash"): string {
  const [y, m, d] = iso.split("-");
  switch (style) {
    case "iso":
      return iso;
    case "dmy-dot":
      return `${d}.${m}.${y}`;
    case "dmy-slash":
      return `${d}/${m}/${y}`;
    case "mdy-slash":
      return `${+m!}/${+d!}/${y}`;
  }
}

/** Day number of a `YYYY-MM-DD` date (days since 1970-01-01), NaN when empty or malformed. */
export function dayNumber(date: string): number {
  if (date.length < 10) return NaN;
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}
