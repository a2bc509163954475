// The plain data that flows between the pipeline's stages: read → map → records → normalise →
// dedupe → merge → segment → allocate → report. Stages are functions over these types.

export const FIELDS = [
  "id", "name", "tax_id", "country", "region", "city", "address", "postal_code", "phone", "email",
  "website", "industry", "industry_code", "company_type", "employees", "annual_revenue", "owner",
  "created_at", "last_activity_at", "activity_count", "deals_won", "revenue_won", "last_purchase_at",
  "status", "motivation", "notes", "contact_name", "contact_role", "contact_phone", "contact_email",
] as const;
export type Field = (typeof FIELDS)[number];

/** Fields holding a number (normalised to a plain decimal string with `.`). */
export const NUMBER_FIELDS = ["employees", "annual_revenue", "activity_count", "deals_won", "revenue_won"] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];
/** Fields holding a date (normalised to `YYYY-MM-DD`). */
export const DATE_FIELDS = ["created_at", "last_activity_at", "last_purchase_at"] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export type Lang = "en" | "ru" | "ro";

export const DIALECTS = ["bitrix24", "amocrm", "1c", "hubspot", "salesforce", "zoho", "pipedrive", "odoo", "generic"] as const;
export type Dialect = (typeof DIALECTS)[number];

// ---------------------------------------------------------------------------------------------
// read

/** One physical record of the file as csv-parse gave it. */
export interface RawRecord {
  /** Physical line where the record starts; the file's first line is 1. */
  line: number;
  cells: string[];
  /** The match key of the first filled cell of the name columns, where the reader thread worked it out. */
  nameKey?: string;
}

export interface RawTable {
  /** Path as given on the command line (for messages). */
  path: string;
  /** Base name of the file (for outputs: never an absolute path). */
  file: string;
  /** WHATWG name: `utf-8`, `utf-16le`, `windows-1251`, ... */
  encoding: string;
  delimiter: string;
  header: string[];
  /** Header line number (1 unless leading junk such as `sep=;` or a title was skipped). */
  headerLine: number;
  /** Lines of a title above the header that were skipped (a report's name, date, filters; `titleAbove`). */
  titleLines: number;
  /** Every non-blank record after the header, trailers included (the records stage drops them). */
  records: RawRecord[];
}

// ---------------------------------------------------------------------------------------------
// map

/** Which columns feed which canonical field. A field may be fed by several columns (phones). */
export interface Mapping {
  dialect: Dialect;
  /** 0..1: how sure the header detection is. */
  confidence: number;
  /** Column indexes per field, in column order. */
  columns: Partial<Record<Field, number[]>>;
  /** Headers placed nowhere (not empty trailing ones, not the id half of a lookup pair). */
  unmapped: string[];
  /** Column indexes that hold the id half of a lookup pair (Zoho `Account Owner.id`): ignored. */
  lookupIds: number[];
  /** People-and-companies files: the column that tells a person's row from a company's. */
  personType?: PersonTypeColumn;
  /** Extra person columns (amoCRM `Полное имя контакта`, `Имя`, `Фамилия`, Odoo `Related Company`). */
  person?: { fullName?: number; firstName?: number; lastName?: number; company?: number; jobTitle?: number };
  /** Columns holding tags / labels (Odoo `Tags`, Pipedrive `Labels`); they may continue a record. */
  tags: number[];
  /** Columns holding requisites a company may have several of (KPP, a second INN row). */
  requisites: number[];
}

export interface PersonTypeColumn {
  column: number;
  /** Folded values that mark a person's row (`контакт`, `individual`). */
  personValues: string[];
  /** Folded values that mark a company's row. */
  companyValues: string[];
}

// ---------------------------------------------------------------------------------------------
// records → normalise

/** A value in a canonical field after normalisation; `""` is empty. */
export type FieldValues = Record<Field, string>;

/** A person's row that joined a company (amoCRM contact, Odoo individual). */
export interface Person {
  line: number;
  name: string;
  role: string;
  phones: string[];
  emails: string[];
}

/** One accepted record, normalised. */
export interface Row {
  /** Position among accepted rows (input order). */
  index: number;
  line: number;
  clientId: string;
  /** Normalised values; dates `YYYY-MM-DD`, numbers plain decimals, phone E.164 (first value). */
  values: FieldValues;
  /** Company name's match key: folded, legal form removed, transliterated to Latin. */
  nameKey: string;
  /**
   * Every valid phone of the row in E.164, company's and contacts', then its local numbers: seven digits written
   * without an area code (`localNumber`), evidence for the matcher only (no conflict, region or output reads them).
   */
  phones: string[];
  /** Every e-mail of the row, lower-cased, company's and contacts'. */
  emails: string[];
  /** Web domains from the website and non-public e-mail domains. */
  domains: string[];
  /** People's rows joined to this company. */
  contacts: Person[];
  /** Tags or labels (every value). */
  tags: string[];
}

export interface Reject {
  line: number;
  clientId: string;
  error: string;
  raw: string;
}

export interface Warning {
  line: number;
  clientId: string;
  field: string;
  value: string;
  problem: string;
}

// ---------------------------------------------------------------------------------------------
// dedupe → merge

export interface DuplicateMember {
  row: number;
  /** Similarity to the survivor in [0,1]; 1 for the survivor. */
  score: number;
  /** `field=similarity` pairs that matched the survivor, `|`-joined. */
  evidence: string;
}

export interface DuplicateGroup {
  /** `G` + survivor's client_id. */
  id: string;
  /** Rows in survivor order; the first is the survivor. */
  members: DuplicateMember[];
}

/** A client: a duplicate group merged, or a row in none. */
export interface Client {
  index: number;
  /** The survivor's client_id. */
  id: string;
  /** Row indexes in survivor order; rows[0] is the survivor. */
  rows: number[];
  /** `G<id>` for a group, `""` for a single row. */
  group: string;
  values: FieldValues;
  phones: string[];
  emails: string[];
  domains: string[];
  contacts: Person[];
  tags: string[];
}

// ---------------------------------------------------------------------------------------------
// segment

export interface Segment {
  label: string;
  reason: string;
}

/** Labels of one segmenter, by client index. */
export interface SegmentColumn {
  id: string;
  labels: string[];
  reasons: string[];
  /**
   * The segmenter's reasons are mostly each client's own (`SegmenterMeta.ownReasons`): segments.csv writes them as they
   * are rather than looking each up among the texts it has written (`CsvWriter.label`).
   */
  ownReasons?: true;
}

// ---------------------------------------------------------------------------------------------
// managers, conflicts, allocation

export interface Manager {
  name: string;
  capacity: number;
  active: boolean;
  regions: string[];
  industries: string[];
  /** `segmenter:label` entries. */
  segments: { segmenter: string; label: string }[];
  aliases: string[];
  slug: string;
  /** 1-based line in the managers file (0 when derived from owners). */
  line: number;
}

export type ConflictKind = "multi_owner" | "shared_contact" | "dead_soul" | "departed_owner" | "invalid_tax_id";
export const CONFLICT_KINDS: ConflictKind[] = ["multi_owner", "shared_contact", "dead_soul", "departed_owner", "invalid_tax_id"];

export interface Conflict {
  kind: ConflictKind;
  /** The client's survivor id. */
  clientId: string;
  relatedIds: string[];
  managers: string[];
  detail: string;
  resolution: string;
}

export type Decision = "kept" | "moved" | "assigned" | "unassigned";

export interface RowAllocation {
  /** Manager name, `""` when unassigned. */
  manager: string;
  previousManager: string;
  decision: Decision;
  reason: string;
  weight: number;
}

export interface Lock {
  line: number;
  clientId: string;
  manager: string;
  note: string;
}

// ---------------------------------------------------------------------------------------------
// records (between map and normalise)

/** A person's row as read, before normalisation. */
export interface RawPerson {
  line: number;
  name: string;
  role: string;
  phones: string[];
  emails: string[];
}

/**
 * A record that passed the record rules. A field's raw values (trimmed, empties dropped, a leading `'`
 * before `+ - =` stripped, multi-value cells split, in column order) are `raw[field]` where `raw` has
 * the field, else its mapped columns' cells (`recordValues` in src/records.ts gives either).
 */
export interface AcceptedRecord {
  line: number;
  clientId: string;
  /** The record's cells as read: the table's own array, not a copy (no per-field arrays for 300k records). */
  cells: string[];
  /** Every value of the fields whose values are not just their cells' (continuation rows, a person's name); null when none. */
  raw: Partial<Record<Field, string[]>> | null;
  contacts: RawPerson[];
  tags: string[];
  /**
   * The company name's match key where it is worked out already (people's rows joining their companies: by the reader
   * thread as it reads, else by the record rules), and the name it is the key of; "" where it is not.
   */
  keyedName?: string;
  nameKey?: string;
}

export interface RecordsResult {
  records: AcceptedRecord[];
  rejects: Reject[];
  warnings: Warning[];
  /** People's rows that joined a company. */
  contacts: number;
  /** Input rows = accepted + rejected + contacts. */
  rows: number;
  hasIdColumn: boolean;
}

// ---------------------------------------------------------------------------------------------
// owners

/** Whom a row's owner value names. */
export interface RowOwner {
  /** The owner value as the export (or `--previous`) wrote it; `""` for none. */
  raw: string;
  /** Index into the managers list, or -1 when it matches none (or several). */
  manager: number;
  /** Owned, but by nobody who is an active manager. */
  departed: boolean;
}

// ---------------------------------------------------------------------------------------------
// allocation result (summary.json keys)

export interface ManagerStats {
  name: string;
  capacity: number;
  active: boolean;
  clients: number;
  rows: number;
  load: number;
  fair_load: number;
  load_ratio: number;
  kept: number;
  gained: number;
  lost: number;
}

export interface Balance {
  max_load_ratio: number;
  min_load_ratio: number;
  level: number;
  unconstrained_max_load_ratio: number;
  gini: number;
  hot_spread: number;
  a_spread: number;
}

export interface PhaseMove {
  phase: number;
  clientId: string;
  name: string;
  from: string;
  to: string;
  reason: string;
}

/** Why a client ended where it did, for `explain`. */
export interface ClientDecision {
  client: number;
  manager: string;
  /** Rule that decided: lock, eligibility, protection, contest, release, churn_limit, balance, owner. */
  rule: string;
  /** A sentence in the run's language. */
  why: string;
}
