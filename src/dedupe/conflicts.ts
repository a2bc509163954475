// Conflicts a director must see: several owners, shared contacts, dead souls, departed owners, bad tax ids.
import { dayNumber } from "../normalise/dates.js";
import { isLocalNumber } from "../normalise/phones.js";
import { say, type Phrase } from "../i18n.js";
import { Interner } from "./features.js";
import { hasPurchaseEvidence, isEngaged } from "../segmenters/temperature.js";
import { CONFLICT_KINDS, type Client, type Conflict, type ConflictKind, type Field, type Lang, type Manager, type Row, type RowOwner, type Warning } from "../types.js";

export interface ConflictInput {
  rows: Row[];
  clients: Client[];
  clientOfRow: number[];
  owners: RowOwner[];
  managers: Manager[];
  warnings: Warning[];
  /** `YYYY-MM-DD` */
  asOf: string;
  deadSoulDays: number;
  mapped: ReadonlySet<Field>;
  lang: Lang;
}

/** A value on more clients than this is a switchboard or a shared mailbox: reported, but said so. */
export const SWITCHBOARD = 5;
/** related_ids lists at most this many other clients; the detail gives the full count. */
const MAX_RELATED = 20;

const T: Record<string, Phrase> = {
  multi: {
    en: "The rows of this client are owned by {owners}.",
    ru: "Строки этого клиента закреплены за разными владельцами: {owners}.",
    ro: "Rândurile acestui client aparțin mai multor responsabili: {owners}.",
  },
  multiFix: {
    en: "The client goes to the owner with the strongest sales evidence; confirm it or lock the client to one manager.",
    ru: "Клиент достанется владельцу с самыми сильными продажами; подтвердите это или закрепите клиента за одним менеджером.",
    ro: "Clientul revine responsabilului cu cele mai puternice vânzări; confirmați sau blocați clientul la un singur manager.",
  },
  shared: {
    en: "{values} also belongs to {n} client(s) of other owners: {ids}.",
    ru: "{values} есть также у клиентов других владельцев ({n}): {ids}.",
    ro: "{values} apare și la {n} client(i) ai altor responsabili: {ids}.",
  },
  switchboard: {
    en: " Shared by {n} clients, it looks like a switchboard or a common mailbox.",
    ru: " Встречается у {n} клиентов: похоже на общий номер или общий ящик.",
    ro: " Apare la {n} clienți: pare un număr de centrală sau o adresă comună.",
  },
  sharedFix: {
    en: "Check whether these are one company (merge them in the CRM) or a contact that moved; agree who owns it.",
    ru: "Проверьте, не одна ли это компания (объедините в CRM) или контакт сменил место работы; договоритесь, кто ведёт клиента.",
    ro: "Verificați dacă este aceeași companie (unificați în CRM) sau un contact care s-a mutat; stabiliți cine îl gestionează.",
  },
  phone: { en: "Phone {v}", ru: "Телефон {v}", ro: "Telefonul {v}" },
  email: { en: "E-mail {v}", ru: "E-mail {v}", ro: "E-mailul {v}" },
  dead: {
    en: "Created {date} ({days} days before {asOf}) and owned by {owners}, with no purchase, no activity, no engaged status and no contact person.",
    ru: "Создан {date} ({days} дн. до {asOf}), закреплён за {owners}, но без покупок, без активности, без статуса интереса и без контактного лица.",
    ro: "Creat la {date} ({days} zile înainte de {asOf}), atribuit lui {owners}, fără achiziții, fără activitate, fără statut de interes și fără persoană de contact.",
  },
  deadFix: {
    en: "Released to the pool: give it to a manager who will work it, or remove it from the CRM.",
    ru: "Клиент возвращается в общий пул: передайте его менеджеру, который будет с ним работать, или удалите из CRM.",
    ro: "Clientul revine în portofoliul comun: dați-l unui manager care îl va lucra sau ștergeți-l din CRM.",
  },
  departed: {
    en: "Owned by {owners}, who is not an active manager.",
    ru: "Закреплён за {owners}, кто не является активным менеджером.",
    ro: "Atribuit lui {owners}, care nu este un manager activ.",
  },
  departedFix: {
    en: "Released to the pool and assigned to an active manager; add the owner to the managers file (aliases) if it is a current manager's other spelling.",
    ru: "Клиент передаётся активному менеджеру; если это другое написание имени действующего менеджера, добавьте его в aliases файла менеджеров.",
    ro: "Clientul este atribuit unui manager activ; dacă este o altă scriere a unui manager actual, adăugați-o la aliases în fișierul managerilor.",
  },
  tax: {
    en: "Tax id \"{v}\" on line {line} is not valid: {problem}",
    ru: "ИНН/налоговый номер «{v}» в строке {line} недействителен: {problem}",
    ro: "Codul fiscal „{v}” de pe linia {line} nu este valid: {problem}",
  },
  taxFix: {
    en: "Correct the tax id in the CRM; until then the client is matched without it.",
    ru: "Исправьте номер в CRM; до тех пор клиент сопоставляется без него.",
    ro: "Corectați codul fiscal în CRM; până atunci clientul este comparat fără el.",
  },
  and: { en: "{list} and {n} more", ru: "{list} и ещё {n}", ro: "{list} și încă {n}" },
};


interface OwnerRef {
  /** manager index, or -1 with the folded raw value as the identity */
  key: string;
  name: string;
  /** This owner alone, and its name alone: lists shared by every client with no other owner (read, never changed). */
  alone: OwnerRef[];
  nameAlone: string[];
}

function ownerRef(key: string, name: string): OwnerRef {
  const ref: OwnerRef = { key, name, alone: [], nameAlone: [name] };
  ref.alone.push(ref);
  return ref;
}

/** The related ids of a client of one row (most of them): one shared empty list. */
const NO_IDS: string[] = [];

/** One OwnerRef per manager and per distinct raw owner value: rows share them instead of building their own. */
class OwnerRefs {
  private readonly byManager = new Map<number, OwnerRef>();
  private readonly byRaw = new Map<string, OwnerRef | null>();
  constructor(private readonly managers: Manager[]) {}
  of(o: RowOwner | undefined): OwnerRef | undefined {
    if (!o) return undefined;
    let raw = this.byRaw.get(o.raw);
    if (raw === undefined) {
      const t = o.raw.trim();
      raw = t === "" ? null : ownerRef("r" + t.toLowerCase().replace(/\s+/g, " "), t);
      this.byRaw.set(o.raw, raw);
    }
    if (raw === null) return undefined;
    if (o.manager >= 0 && this.managers[o.manager]) {
      let ref = this.byManager.get(o.manager);
      if (!ref) this.byManager.set(o.manager, (ref = ownerRef("m" + o.manager, this.managers[o.manager]!.name)));
      return ref;
    }
    return raw;
  }
}

const NO_OWNERS: OwnerRef[] = [];

/** A client's distinct owners, in survivor order of its rows. */
function clientOwners(client: Client, owners: RowOwner[], refs: OwnerRefs): OwnerRef[] {
  if (client.rows.length === 1) {
    const ref = refs.of(owners[client.rows[0]!]);
    return ref ? ref.alone : NO_OWNERS;
  }
  const out: OwnerRef[] = [];
  for (const r of client.rows) {
    const ref = refs.of(owners[r]);
    if (ref && !out.some((x) => x.key === ref.key)) out.push(ref);
  }
  return out.length === 1 ? out[0]!.alone : out;
}

const foldName = (s: string) => s.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();

/**
 * A contact person: a person's row joined to the company, or a contact_name that is not the client's
 * own name (a person who is a client of its own carries its name as contact_name, and is nobody's contact).
 */
function hasContactPerson(c: Client): boolean {
  if (c.contacts.length > 0) return true;
  const contact = c.values.contact_name;
  return contact !== "" && foldName(contact) !== foldName(c.values.name);
}

function limitList(lang: Lang, items: string[], max: number): string {
  return limitCount(lang, items, items.length, max);
}

/** The first `max` of `total` items (`first`: at least the first `max` of them, in order), and how many more. */
function limitCount(lang: Lang, first: string[], total: number, max: number): string {
  if (total <= max) return first.slice(0, total).join(", ");
  return say(lang, T.and!, { list: first.slice(0, max).join(", "), n: total - max });
}

/**
 * A value on more clients than this (a switchboard, a shared mailbox) is worked out once for all of its clients of
 * one owner, not once for each: each client's list of the others would make a value on k clients cost k² (a
 * switchboard on 20,000 clients ran out of a 4 GB heap).
 */
const WIDE = 64;

/** The other owners' clients that share a phone or an e-mail with one client. */
interface SharedWith {
  /** How many there are, and the first MAX_RELATED of them by index. */
  count: number;
  first: number[];
  /** Their owners' names, each once, in the order of the clients and of each client's owners. */
  names: string[];
  /** The values shared (`p…`, `e…`), and the most clients any of them is on. */
  values: string[];
  widest: number;
  /** `first` and `names` are a wide part's own (shared by its clients of one owner key: so are their ids and names). */
  whole: boolean;
}

/** The other owners' clients on some wide values, as for one owner key: count, first ones, and owners' names by rank. */
interface WidePart {
  count: number;
  first: number[];
  /** A name's rank: its first client's index * 2^20 + the name's place among that client's owners. */
  rank: Map<string, number>;
  names: string[];
}

const NO_PART: WidePart = { count: 0, first: [], rank: new Map(), names: [] };

/** Names in the order of their ranks. */
const byRank = (rank: Map<string, number>): string[] => [...rank].sort((a, b) => a[1] - b[1]).map(([name]) => name);

/**
 * shared_contact: for each owned client holding a phone or an e-mail that another owner's client also holds, those
 * clients. A client's others are every client on its values whose owner key is not its own, counted once.
 * Returns them client by client, asked in any order.
 */
function sharedContacts(clients: Client[], ownersOf: OwnerRef[][], ownerKeyOf: string[]): (ci: number) => SharedWith | null {
  // Value → owned clients holding it, ascending by index. Values are interned ids (phones and e-mails apart); a
  // value's key string (`p…`, `e…`) is built only when it is shared.
  const phoneIds = new Interner();
  const emailIds = new Interner();
  const firstPhone: number[] = [];
  const firstEmail: number[] = [];
  const holders = new Map<string, number[]>();
  const hold = (kind: string, value: string, ids: Interner, first: number[], ci: number): void => {
    const id = ids.id(value);
    if (id === first.length) {
      first.push(ci);
      return;
    }
    const f = first[id]!;
    if (f === ci) return; // the same value twice on one client
    const key = kind + value;
    const list = holders.get(key);
    if (list === undefined) holders.set(key, [f, ci]);
    else if (list[list.length - 1] !== ci) list.push(ci);
  };
  for (const c of clients) {
    if (ownersOf[c.index]!.length === 0) continue;
    // A local number without its area code may be another city's: not enough to say two managers call one client.
    for (const p of c.phones) if (p && !isLocalNumber(p)) hold("p", p, phoneIds, firstPhone, c.index);
    for (const e of c.emails) if (e) hold("e", e, emailIds, firstEmail, c.index);
  }
  // A value counts where its clients have more than one owner key: every one of them then has another owner's client.
  const keys: string[] = [];
  const lists: number[][] = [];
  for (const [key, list] of holders) {
    const k0 = ownerKeyOf[list[0]!];
    if (list.some((ci) => ownerKeyOf[ci] !== k0)) {
      keys.push(key);
      lists.push(list);
    }
  }
  if (lists.length === 0) return () => null;
  // Each client's values, as list numbers, ascending: only the clients that hold one (a few in a hundred, as a rule).
  const n = clients.length;
  const listsOf = new Map<number, number[]>();
  for (let l = 0; l < lists.length; l++) {
    for (const ci of lists[l]!) {
      const mine = listsOf.get(ci);
      if (mine === undefined) listsOf.set(ci, [l]);
      else mine.push(l);
    }
  }
  const onAny = (cj: number, wide: readonly number[]): boolean => {
    for (const l of listsOf.get(cj)!) if (wide.includes(l)) return true;
    return false;
  };
  const rankNames = (rank: Map<string, number>, cj: number): void => {
    const own = ownersOf[cj]!;
    for (let o = 0; o < own.length; o++) {
      const name = own[o]!.name;
      const r = cj * 1048576 + o;
      const had = rank.get(name);
      if (had === undefined || r < had) rank.set(name, r);
    }
  };

  const parts = new Map<string, WidePart>();
  let wideMark: Int32Array | null = null; // made with the first wide value
  let wideStamp = 0;
  const widePart = (wide: number[], mine: string): WidePart => {
    const key = wide.join(",") + "\u0000" + mine;
    let part = parts.get(key);
    if (part !== undefined) return part;
    wideStamp++;
    wideMark ??= new Int32Array(n);
    const members: number[] = [];
    for (const l of wide) for (const cj of lists[l]!) {
      if (wideMark[cj] === wideStamp || ownerKeyOf[cj] === mine) continue;
      wideMark[cj] = wideStamp;
      members.push(cj);
    }
    if (wide.length > 1) members.sort((a, b) => a - b);
    const rank = new Map<string, number>();
    for (const cj of members) rankNames(rank, cj);
    part = { count: members.length, first: members.slice(0, MAX_RELATED), rank, names: byRank(rank) };
    parts.set(key, part);
    return part;
  };

  // Asked for each client in turn (the conflicts are made client by client): nothing kept per client.
  return (ci: number): SharedWith | null => {
    const held = listsOf.get(ci);
    if (held === undefined) return null;
    const mine = ownerKeyOf[ci]!;
    const values: string[] = [];
    let widest = 0;
    let wide: number[] | null = null;
    for (const l of held) {
      const size = lists[l]!.length;
      values.push(keys[l]!);
      if (size > widest) widest = size;
      if (size > WIDE) (wide ??= []).push(l);
    }
    const part = wide === null ? NO_PART : widePart(wide, mine);
    // The others on its narrow values that the wide ones do not already hold.
    const extra: number[] = [];
    const met = new Set<number>();
    for (const l of held) {
      const list = lists[l]!;
      if (list.length > WIDE) continue;
      for (const cj of list) {
        if (ownerKeyOf[cj] === mine || met.has(cj)) continue;
        met.add(cj);
        if (wide === null || !onAny(cj, wide)) extra.push(cj);
      }
    }
    if (extra.length === 0) return { count: part.count, first: part.first, names: part.names, values, widest, whole: true };
    extra.sort((a, b) => a - b);
    const first: number[] = [];
    for (let a = 0, b = 0; first.length < MAX_RELATED && (a < part.first.length || b < extra.length); ) {
      first.push(b >= extra.length || (a < part.first.length && part.first[a]! < extra[b]!) ? part.first[a++]! : extra[b++]!);
    }
    const rank = new Map(part.rank);
    for (const cj of extra) rankNames(rank, cj);
    return { count: part.count + extra.length, first, names: byRank(rank), values, widest, whole: false };
  };
}

/** Every conflict, one row per client and kind, ordered by kind then client; and dead souls by client index. */
export function findConflicts(input: ConflictInput): { conflicts: Conflict[]; deadSoul: boolean[] } {
  // clientOfRow is implied by clients[].rows; kept in the input for callers that have it.
  const { rows, clients, owners, managers, lang } = input;
  const byKind: Record<ConflictKind, Conflict[]> = { multi_owner: [], shared_contact: [], dead_soul: [], departed_owner: [], invalid_tax_id: [] };
  const deadSoul = new Array<boolean>(clients.length).fill(false);
  const refs = new OwnerRefs(managers);
  const ownersOf = clients.map((c) => clientOwners(c, owners, refs));
  const ownerKeyOf = ownersOf.map((list) => (list.length === 0 ? "" : list.length === 1 ? list[0]!.key : list.map((o) => o.key).sort().join("\u0000")));
  const otherRows = (c: Client) => (c.rows.length === 1 ? NO_IDS : c.rows.slice(1).map((r) => rows[r]!.clientId));

  const sharedWith = sharedContacts(clients, ownersOf, ownerKeyOf);
  // A switchboard's clients of one owner read the same others: one list of ids and of managers for all of them.
  const idsOf = new Map<number[], string[]>();
  const involvedOf = new Map<string[], Map<string[], string[]>>();

  const asOfDay = dayNumber(input.asOf);
  const taxWarnings = new Map<string, Warning[]>();
  for (const w of input.warnings) {
    if (w.field !== "tax_id") continue;
    const list = taxWarnings.get(w.clientId);
    if (list) list.push(w);
    else taxWarnings.set(w.clientId, [w]);
  }

  // Dates repeat across clients: one Date.UTC per distinct date.
  const days = new Map<string, number>();
  const daysBefore = (iso: string): number => {
    let d = days.get(iso);
    if (d === undefined) days.set(iso, (d = asOfDay - dayNumber(iso)));
    return d;
  };

  // A dead soul's detail depends only on its creation date and its owners: a few thousand distinct texts shared by
  // what can be a quarter of a million dead souls, instead of a string of its own each.
  const deadDetails = new Map<string, string>();
  const deadSoulDetail = (created: string, names: readonly string[]): string => {
    const key = created + "\u0001" + names.join("\u0000");
    let detail = deadDetails.get(key);
    if (detail === undefined) {
      detail = say(lang, T.dead!, { date: created, days: daysBefore(created), asOf: input.asOf, owners: names.join(", ") });
      deadDetails.set(key, detail);
    }
    return detail;
  };

  // Details repeat (every dead soul registered on one day by one manager reads the same, a switchboard's clients of one
  // owner too): one instance each, taken as they are made.
  const same = new Map<string, string>();
  const once = (s: string): string => {
    const hit = same.get(s);
    if (hit !== undefined) return hit;
    if (same.size < 100_000) same.set(s, s);
    return s;
  };
  for (const c of clients) {
    const own = ownersOf[c.index]!;
    const names = own.length === 0 ? [] : own.length === 1 ? own[0]!.nameAlone : own.map((o) => o.name);
    if (own.length >= 2) {
      byKind.multi_owner.push({
        kind: "multi_owner", clientId: c.id, relatedIds: otherRows(c), managers: names,
        detail: say(lang, T.multi!, { owners: names.join(", ") }), resolution: say(lang, T.multiFix!),
      });
    }

    const s = sharedWith(c.index);
    if (s) {
      let ids = s.whole ? idsOf.get(s.first) : undefined;
      if (ids === undefined) {
        ids = s.first.map((cj) => clients[cj]!.id);
        if (s.whole) idsOf.set(s.first, ids);
      }
      // Kept only where the client's own names are one owner's shared list (several owners' are made per client).
      const keep = s.whole && own.length === 1;
      let byNames = keep ? involvedOf.get(names) : undefined;
      let involved = byNames?.get(s.names);
      if (involved === undefined) {
        involved = [...names];
        for (const name of s.names) if (!involved.includes(name)) involved.push(name);
        if (keep) {
          if (byNames === undefined) involvedOf.set(names, (byNames = new Map()));
          byNames.set(s.names, involved);
        }
      }
      const values = s.values.sort().map((k) => say(lang, k[0] === "p" ? T.phone! : T.email!, { v: k.slice(1) }));
      let detail = say(lang, T.shared!, { values: limitList(lang, values, 3), n: s.count, ids: limitCount(lang, ids, s.count, 5) });
      if (s.widest > SWITCHBOARD) detail += say(lang, T.switchboard!, { n: s.widest });
      byKind.shared_contact.push({
        kind: "shared_contact", clientId: c.id, relatedIds: ids, managers: involved,
        detail: s.whole ? once(detail) : detail, resolution: say(lang, T.sharedFix!),
      });
    }

    const v = c.values;
    const created = v.created_at;
    if (
      own.length > 0 &&
      created !== "" &&
      daysBefore(created) > input.deadSoulDays &&
      !hasPurchaseEvidence(c, input.mapped) &&
      (v.activity_count === "" || Number(v.activity_count) === 0) &&
      v.last_activity_at === "" &&
      !isEngaged(c) &&
      !hasContactPerson(c)
    ) {
      deadSoul[c.index] = true;
      byKind.dead_soul.push({
        kind: "dead_soul", clientId: c.id, relatedIds: otherRows(c), managers: names,
        detail: deadSoulDetail(created, names),
        resolution: say(lang, T.deadFix!),
      });
    }

    let departed: string[] | undefined;
    for (const r of c.rows) {
      const o = owners[r];
      if (!o?.departed) continue;
      const raw = o.raw.trim();
      if (raw === "") continue;
      if (!departed) departed = [raw];
      else if (!departed.includes(raw)) departed.push(raw);
    }
    if (departed) {
      byKind.departed_owner.push({
        kind: "departed_owner", clientId: c.id, relatedIds: otherRows(c), managers: departed,
        detail: say(lang, T.departed!, { owners: departed.join(", ") }), resolution: say(lang, T.departedFix!),
      });
    }

    if (taxWarnings.size === 0) continue;
    const bad: Warning[] = [];
    for (const r of c.rows) {
      const list = taxWarnings.get(rows[r]!.clientId);
      if (list) bad.push(...list);
    }
    if (bad.length > 0) {
      byKind.invalid_tax_id.push({
        kind: "invalid_tax_id", clientId: c.id, relatedIds: otherRows(c), managers: names,
        detail: bad.map((w) => say(lang, T.tax!, { v: w.value, line: w.line, problem: w.problem })).join(" "),
        resolution: say(lang, T.taxFix!),
      });
    }
  }
  const conflicts = CONFLICT_KINDS.flatMap((k) => byKind[k]);
  for (const c of conflicts) {
    c.detail = once(c.detail);
    c.resolution = once(c.resolution);
  }
  return { conflicts, deadSoul };
}
