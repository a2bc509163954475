// `segment inspect <export>`: what the tool sees in an export — encoding, delimiter, dialect, mapping, fill rates, samples.
import chalk from "chalk";
import { loadConfig } from "../config-load.js";
import { langFromHeaders, say } from "../i18n.js";
import { readExport, type ExportHead } from "../io/read-csv.js";
import { SegmentError } from "../errors.js";
import { ingest } from "../ingest.js";
import { mapHeader, parseMapFlags, suggestField, unusedReason } from "../schema/mapping.js";
import type { Config } from "../schema/config.js";
import { DATE_FIELDS, FIELDS, NUMBER_FIELDS, type Field, type Lang, type Mapping, type RawTable, type Row } from "../types.js";
import { parseDate } from "../normalise/dates.js";
import { parseEmployees, parseNumber } from "../normalise/numbers.js";
import { normaliseEmail, websiteDomain } from "../normalise/contact.js";
import type { Io, ReadOptions } from "./options.js";

/** Sample rows shown. */
const SAMPLES = 3;
/** Records whose cells are kept to tell what an unmapped column holds. */
const SAMPLE_CELLS = 200;

const T = {
  file: { en: "File", ru: "Файл", ro: "Fișier" },
  encoding: { en: "Encoding", ru: "Кодировка", ro: "Codificare" },
  delimiter: { en: "Delimiter", ru: "Разделитель", ro: "Separator" },
  dialect: { en: "Dialect", ru: "Диалект", ro: "Dialect" },
  confidence: { en: "confidence {c}", ru: "уверенность {c}", ro: "încredere {c}" },
  forced: { en: "forced by --preset", ru: "задан --preset", ro: "impus prin --preset" },
  rows: { en: "Rows", ru: "Строк", ro: "Rânduri" },
  headerLine: { en: "Header", ru: "Заголовок", ro: "Antet" },
  headerBelowTitle: {
    en: "line {line} (the {n} line(s) above it are a title, skipped)",
    ru: "строка {line} (строки над ним, {n}, — заголовок отчёта, пропущены)",
    ro: "linia {line} (cele {n} rânduri de deasupra sunt un titlu, omise)",
  },
  rowsDetail: {
    en: "{rows} ({accepted} accepted, {rejected} rejected, {contacts} people joined to companies)",
    ru: "{rows} (принято {accepted}, отклонено {rejected}, людей при компаниях {contacts})",
    ro: "{rows} ({accepted} acceptate, {rejected} respinse, {contacts} persoane atașate companiilor)",
  },
  mapping: { en: "Mapping", ru: "Сопоставление столбцов", ro: "Corespondența coloanelor" },
  field: { en: "field", ru: "поле", ro: "câmp" },
  headers: { en: "column(s)", ru: "столбец(ы)", ro: "coloană(e)" },
  fill: { en: "filled", ru: "заполнено", ro: "completat" },
  tags: { en: "Tags", ru: "Теги", ro: "Etichete" },
  requisites: { en: "Requisites", ru: "Реквизиты", ro: "Date de identificare" },
  lookupIds: { en: "Lookup ids (ignored)", ru: "Идентификаторы связей (не используются)", ro: "Identificatori de legătură (ignorați)" },
  people: {
    en: "People rows: {column} ({person} = person, {company} = company)",
    ru: "Строки людей: {column} ({person} = человек, {company} = компания)",
    ro: "Rânduri de persoane: {column} ({person} = persoană, {company} = companie)",
  },
  unmapped: { en: "Unmapped columns", ru: "Несопоставленные столбцы", ro: "Coloane fără corespondență" },
  none: { en: "none", ru: "нет", ro: "niciuna" },
  noGuess: {
    en: "no matching field; map it with --map FIELD=HEADER if it matters",
    ru: "подходящее поле не найдено; если столбец нужен: --map ПОЛЕ=ЗАГОЛОВОК",
    ro: "niciun câmp potrivit; dacă e nevoie: --map CÂMP=ANTET",
  },
  empty: { en: "empty", ru: "пустой", ro: "gol" },
  emptyFirst: { en: "empty in the first {n} records", ru: "пустой в первых {n} записях", ro: "gol în primele {n} înregistrări" },
  known: { en: "known {dialect} column, not used", ru: "известный столбец {dialect}, не используется", ro: "coloană {dialect} cunoscută, nefolosită" },
  not_purchases: {
    en: "counts deals of every stage, not purchases",
    ru: "считает сделки на любом этапе, а не покупки",
    ro: "numără tranzacțiile din orice etapă, nu achizițiile",
  },
  rating: { en: "a rating is never purchase evidence", ru: "рейтинг не свидетельствует о покупке", ro: "un rating nu dovedește o achiziție" },
  checkbox: { en: "a yes/no checkbox", ru: "флажок Да/Нет", ro: "o bifă Da/Nu" },
  samples: { en: "Sample rows", ru: "Примеры строк", ro: "Exemple de rânduri" },
  headerOnly: {
    en: "The file has a header but no data rows.",
    ru: "В файле есть заголовок, но нет строк с данными.",
    ro: "Fișierul are antet, dar niciun rând de date.",
  },
  noName: {
    en: "No column maps to name, which `segment run` needs: add --map name=HEADER.",
    ru: "Ни один столбец не сопоставлен с полем name, а `segment run` без него не работает: добавьте --map name=ЗАГОЛОВОК.",
    ro: "Nicio coloană nu corespunde câmpului name, necesar pentru `segment run`: adăugați --map name=ANTET.",
  },
} as const;

export interface InspectJson {
  encoding: string;
  delimiter: string;
  dialect: string;
  rows: number;
  mapping: Partial<Record<Field, string | string[]>>;
  unmapped: string[];
  fill: Partial<Record<Field, number>>;
}

interface Inspection {
  table: ExportHead;
  /** A header and no records. */
  headerOnly: boolean;
  mapping: Mapping;
  lang: Lang;
  rows: number;
  counts?: { accepted: number; rejected: number; contacts: number };
  fill: Partial<Record<Field, number>>;
  samples: Row[];
  forced: boolean;
  /** The first records' cells, every column (what the unmapped columns hold). */
  cells?: string[][];
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function mappedFields(mapping: Mapping): Field[] {
  return FIELDS.filter((f) => (mapping.columns[f]?.length ?? 0) > 0);
}

/** Without a name column no record is accepted: fill shares then come from the raw cells. */
function fillFromCells(fields: Field[], table: RawTable, mapping: Mapping): Partial<Record<Field, number>> {
  const fill: Partial<Record<Field, number>> = {};
  for (const f of fields) {
    const cols = mapping.columns[f]!;
    let n = 0;
    for (const r of table.records) if (cols.some((c) => (r.cells[c] ?? "").trim() !== "")) n++;
    fill[f] = table.records.length ? round3(n / table.records.length) : 0;
  }
  return fill;
}

/**
 * The export read like `run` reads it (a large one streamed), keeping no more than the sample rows, so an export
 * of any size is inspected in the memory of a few chunks. The two files `run` refuses and `inspect` reports, a
 * header without records and no name column, are looked at whole (`lookWhole`); any other error stands.
 */
async function look(path: string, opts: ReadOptions): Promise<Inspection> {
  const { config } = loadConfig(opts.config);
  const preset = opts.preset ?? config.preset;
  let x;
  try {
    x = await ingest(path, { config, map: opts.map ?? [], preset: opts.preset, encoding: opts.encoding, delimiter: opts.delimiter, lang: opts.lang, keepRows: SAMPLES, keepCells: SAMPLE_CELLS });
  } catch (e) {
    if (!(e instanceof SegmentError)) throw e;
    const whole = await lookWhole(path, opts, config);
    if (whole === null) throw e;
    return whole;
  }
  const fields = mappedFields(x.mapping);
  const fill: Partial<Record<Field, number>> = {};
  for (const f of fields) fill[f] = x.accepted ? round3((x.filled?.[f] ?? 0) / x.accepted) : 0;
  return {
    table: x.head,
    headerOnly: false,
    mapping: x.mapping,
    lang: x.lang,
    forced: preset !== undefined,
    rows: x.accepted + x.rejects.length + x.contacts,
    counts: { accepted: x.accepted, rejected: x.rejects.length, contacts: x.contacts },
    fill,
    samples: x.rows.slice(0, SAMPLES),
    cells: x.cells,
  };
}

/** A header-only file or one without a name column, read whole; null for any other file. */
async function lookWhole(path: string, opts: ReadOptions, config: Config): Promise<Inspection | null> {
  const table = await readExport(path, { encoding: opts.encoding, delimiter: opts.delimiter });
  const preset = opts.preset ?? config.preset;
  const mapping = mapHeader(table.header, { preset, map: parseMapFlags(opts.map ?? [], config.map) });
  const lang: Lang = opts.lang ?? config.lang ?? langFromHeaders(table.header);
  const fields = mappedFields(mapping);
  const base = { table, headerOnly: table.records.length === 0, mapping, lang, forced: preset !== undefined, cells: table.records.slice(0, SAMPLE_CELLS).map((r) => r.cells) };
  if (table.records.length === 0) return { ...base, rows: 0, fill: Object.fromEntries(fields.map((f) => [f, 0])), samples: [] };
  if (!mapping.columns.name?.length) {
    return { ...base, rows: table.records.length, fill: fillFromCells(fields, table, mapping), samples: [] };
  }
  return null;
}

/** The filled cells of the columns named `name`, trimmed. */
function columnValues(cells: readonly string[][], header: readonly string[], name: string): string[] {
  const out: string[] = [];
  header.forEach((h, i) => {
    if (h !== name) return;
    for (const r of cells) {
      const v = (r[i] ?? "").trim();
      if (v) out.push(v);
    }
  });
  return out;
}

const DIGITS = /\d/g;

/**
 * Whether most of a column's values could be the field a guess by its header names (a column "Создал" holds who
 * created the company, not when: a near spelling of "Создан" is not a date).
 */
function looksLike(field: Field, values: readonly string[]): boolean {
  let test: (v: string) => boolean;
  if ((DATE_FIELDS as readonly string[]).includes(field)) test = (v) => parseDate(v, true) !== null || parseDate(v, false) !== null;
  else if (field === "employees") test = (v) => parseEmployees(v, false) !== null || parseEmployees(v, true) !== null;
  else if ((NUMBER_FIELDS as readonly string[]).includes(field)) test = (v) => parseNumber(v, false) !== null || parseNumber(v, true) !== null;
  else if (field === "phone" || field === "contact_phone") test = (v) => (v.match(DIGITS)?.length ?? 0) >= 7;
  else if (field === "email" || field === "contact_email") test = (v) => normaliseEmail(v) !== null;
  else if (field === "website") test = (v) => websiteDomain(v) !== "";
  else return true;
  let ok = 0;
  for (const v of values) if (test(v)) ok++;
  return ok * 2 >= values.length;
}

/** The contract's `--json` shape, keys in a fixed order. */
export function inspectJson(x: Pick<Inspection, "table" | "mapping" | "rows" | "fill">): InspectJson {
  const mapping: InspectJson["mapping"] = {};
  for (const f of mappedFields(x.mapping)) {
    const headers = x.mapping.columns[f]!.map((i) => x.table.header[i]!);
    mapping[f] = headers.length === 1 ? headers[0]! : headers;
  }
  return {
    encoding: x.table.encoding,
    delimiter: x.table.delimiter,
    dialect: x.mapping.dialect,
    rows: x.rows,
    mapping,
    unmapped: [...x.mapping.unmapped],
    fill: x.fill,
  };
}

const SHELL_SAFE = /^[\p{L}\p{N}_.,:/@%+=-]+$/u;

/** A `--map` line a user can paste into a shell. */
export function mapFlag(field: Field, header: string): string {
  const arg = `${field}=${header}`;
  return `--map ${SHELL_SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`}`;
}

const showDelimiter = (d: string): string => (d === "\t" ? "\\t (tab)" : d);
const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + "…" : s);
const pct = (x: number): string => `${Math.round(x * 100)}%`;

function table(rows: string[][], indent = "  "): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd()).join("\n") + "\n";
}

function render(x: Inspection, color: boolean): string {
  const { lang, mapping, table: t } = x;
  const h = (s: string): string => (color ? chalk.bold(s) : s);
  const dim = (s: string): string => (color ? chalk.dim(s) : s);
  let out = "";
  const conf = x.forced ? say(lang, T.forced) : say(lang, T.confidence, { c: mapping.confidence.toFixed(2) });
  const rows = x.counts
    ? say(lang, T.rowsDetail, { rows: x.rows, accepted: x.counts.accepted, rejected: x.counts.rejected, contacts: x.counts.contacts })
    : String(x.rows);
  out += table([
    [say(lang, T.file), t.file],
    [say(lang, T.encoding), t.encoding],
    [say(lang, T.delimiter), showDelimiter(t.delimiter)],
    [say(lang, T.dialect), `${mapping.dialect} (${conf})`],
    [say(lang, T.rows), rows],
    ...(t.titleLines > 0 ? [[say(lang, T.headerLine), say(lang, T.headerBelowTitle, { line: t.headerLine, n: t.titleLines })]] : []),
  ], "");
  if (x.headerOnly) out += "\n" + say(lang, T.headerOnly) + "\n";

  out += "\n" + h(say(lang, T.mapping)) + "\n";
  const mrows: string[][] = [[say(lang, T.field), say(lang, T.headers), say(lang, T.fill)].map(dim)];
  for (const f of mappedFields(mapping)) {
    mrows.push([f, mapping.columns[f]!.map((i) => t.header[i]!).join(" | "), pct(x.fill[f] ?? 0)]);
  }
  out += table(mrows);
  const side = (label: string, cols: number[]): string =>
    cols.length ? `  ${say(lang, label === "tags" ? T.tags : label === "requisites" ? T.requisites : T.lookupIds)}: ${cols.map((i) => t.header[i]).join(" | ")}\n` : "";
  out += side("tags", mapping.tags) + side("requisites", mapping.requisites) + side("lookupIds", mapping.lookupIds);
  if (mapping.personType) {
    const p = mapping.personType;
    out += "  " + say(lang, T.people, { column: t.header[p.column]!, person: p.personValues.join("/"), company: p.companyValues.join("/") }) + "\n";
  }
  if (!mapping.columns.name?.length) out += "\n" + say(lang, T.noName) + "\n";

  out += "\n" + h(say(lang, T.unmapped)) + "\n";
  if (mapping.unmapped.length === 0) out += "  " + say(lang, T.none) + "\n";
  else {
    const urows: string[][] = [];
    for (const name of mapping.unmapped) {
      const why = unusedReason(name, mapping.dialect);
      let hint: string;
      if (why === "known" || why === "other" || why === "lookup") hint = say(lang, T.known, { dialect: mapping.dialect });
      else if (why) hint = `${say(lang, T.known, { dialect: mapping.dialect })}: ${say(lang, T[why])}`;
      else {
        const values = x.cells === undefined ? undefined : columnValues(x.cells, t.header, name);
        const field = values?.length === 0 ? undefined : suggestField(name, mapping.dialect);
        if (values?.length === 0) hint = x.cells!.length < SAMPLE_CELLS ? say(lang, T.empty) : say(lang, T.emptyFirst, { n: x.cells!.length });
        else hint = field && (values === undefined || looksLike(field, values)) ? mapFlag(field, name) : say(lang, T.noGuess);
      }
      urows.push([name === "" ? '""' : name, hint]);
    }
    out += table(urows);
  }

  if (x.samples.length > 0) {
    out += "\n" + h(say(lang, T.samples)) + "\n";
    const srows: string[][] = [["", ...x.samples.map((r) => `L${r.line}`)].map(dim)];
    srows.push(["client_id", ...x.samples.map((r) => r.clientId)]);
    for (const f of mappedFields(mapping)) srows.push([f, ...x.samples.map((r) => clip(r.values[f], 32))]);
    out += table(srows);
  }
  return out;
}

/** Prints what the tool sees in an export; exit 0 even for a header-only file or a missing name column. */
export async function inspect(path: string, opts: ReadOptions, io: Io): Promise<number> {
  const x = await look(path, opts);
  if (opts.json) io.stdout(JSON.stringify(inspectJson(x), null, 2) + "\n");
  else io.stdout(render(x, opts.color && io.isTTY));
  return 0;
}
