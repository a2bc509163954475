// Contacts: the strongest role we can reach at a client (decision maker > chooser > buyer), else only a generic mailbox, else nobody.
import { z } from "zod";
import { say, type Phrase } from "../i18n.js";
import { isGenericMailbox } from "../normalise/contact.js";
import type { Client, Lang, Segment } from "../types.js";
import { defineSegmenter } from "./define.js";
import { StemMatcher, wordsOf } from "./words.js";

export const CONTACT_LABELS = ["decision_maker", "chooser", "buyer", "generic_mailbox", "nobody"] as const;
type Role = "decision_maker" | "chooser" | "buyer";
const ROLES: readonly Role[] = ["decision_maker", "chooser", "buyer"];

/**
 * Stems of job titles per role (Russian, Romanian without diacritics, English). A stem part of at
 * most three letters must be a whole word (`ceo`, `vp`, `it`).
 */
export const ROLE_STEMS: Record<Role, readonly string[]> = {
  decision_maker: [
    "директор", "генеральн", "руководител", "председател", "президент", "владел", "собственник", "учредител", "основател", "гендиректор", "ип",
    "director", "administrator", "presedinte", "proprietar", "fondator", "asociat", "patron", "manager general",
    "ceo", "cfo", "coo", "owner", "founder", "co-founder", "president", "vp", "vice president", "head of", "managing", "general manager", "chief executive",
  ],
  chooser: [
    "инженер", "технолог", "механик", "энергетик", "технический", "начальник производства", "начальник цеха", "главный специалист", "конструктор", "прораб", "мастер",
    "inginer", "tehnolog", "tehnic", "mecanic", "sef productie", "sef sectie", "utilizator",
    "engineer", "technical", "technician", "technologist", "cto", "production", "plant manager", "operations", "maintenance", "user", "it",
  ],
  buyer: [
    "снабжен", "закуп", "закупщик",
    "achizit", "aprovizionare", "cumparator",
    "procurement", "purchasing", "purchase", "buyer", "sourcing", "supply",
  ],
};

/** Titles that name the person next to a role, not the role: a director's assistant is no decision maker. */
const GATEKEEPERS = ["помощник", "ассистент", "секретар", "референт", "assistant", "secretary", "receptionist", "asistent", "secretar", "receptioner"];

const roleList = z.array(z.string().min(2));
export const contactsOptions = z.strictObject({
  /** Extra job-title stems per role, added to the built-in ones. */
  roles: z
    .strictObject({ decision_maker: roleList.optional(), chooser: roleList.optional(), buyer: roleList.optional() })
    .default({}),
});
export type ContactsOptions = z.infer<typeof contactsOptions>;

const ROLE_WORD: Record<Role, Phrase> = {
  decision_maker: { en: "decision maker", ru: "ЛПР", ro: "factor de decizie" },
  chooser: { en: "chooses the solution", ru: "выбирает решение", ro: "alege soluția" },
  buyer: { en: "buyer", ru: "закупщик", ro: "cumpărător" },
};

const T: Record<string, Phrase> = {
  role: { en: "{role}: \"{title}\"", ru: "{role}: «{title}»", ro: "{role}: „{title}”" },
  roleOf: { en: "{role}: \"{title}\" ({name})", ru: "{role}: «{title}» ({name})", ro: "{role}: „{title}” ({name})" },
  generic: { en: "only generic mailboxes: {emails}", ru: "только общие ящики: {emails}", ro: "doar adrese generice: {emails}" },
  unknownRole: { en: "no known role among the contacts", ru: "ни у одного контакта нет известной роли", ro: "niciun rol cunoscut printre contacte" },
  none: { en: "no contacts", ru: "нет контактов", ro: "fără contacte" },
};

interface Found {
  role: Role;
  title: string;
  name: string;
}

export default defineSegmenter<ContactsOptions>({
  meta: {
    id: "contacts",
    title: "Contacts",
    labels: CONTACT_LABELS,
    uses: ["contact_role", "contact_name", "email", "contact_email"],
    description: "The strongest role known among the client's contacts: decision_maker > chooser > buyer; generic_mailbox when only info@-style mailboxes are known; else nobody.",
  },
  options: contactsOptions,
  create(options, ctx) {
    const lang: Lang = ctx.lang;
    const matcher = new StemMatcher<Role>(ROLES.map((tag) => ({ tag, stems: [...ROLE_STEMS[tag], ...(options.roles[tag] ?? [])] })), 3);
    const gatekeeper = new StemMatcher<true>([{ tag: true, stems: GATEKEEPERS }], 3);
    // Job titles repeat endlessly (`Генеральный директор`): read each distinct title once.
    const roleCache = new Map<string, Role | undefined>();
    const roleOf = (title: string): Role | undefined => {
      if (roleCache.has(title)) return roleCache.get(title);
      const words = wordsOf(title);
      let best: Role | undefined;
      let rank = ROLES.length;
      const gate = gatekeeper.find(words).length > 0;
      for (const h of matcher.find(words)) {
        if (gate && h.tag === "decision_maker") continue;
        const r = ROLES.indexOf(h.tag);
        if (r < rank) (rank = r), (best = h.tag);
      }
      roleCache.set(title, best);
      return best;
    };
    const strongest = (client: Client): Found | undefined => {
      let best: Found | undefined;
      const consider = (title: string, name: string) => {
        if (!title) return;
        const role = roleOf(title);
        if (role && (!best || ROLES.indexOf(role) < ROLES.indexOf(best.role))) best = { role, title, name };
      };
      consider(client.values.contact_role, client.values.contact_name);
      for (const p of client.contacts) consider(p.role, p.name);
      return best;
    };
    return (client): Segment => {
      const found = strongest(client);
      if (found) {
        const vars = { role: say(lang, ROLE_WORD[found.role]), title: found.title, name: found.name };
        return { label: found.role, reason: say(lang, found.name ? T.roleOf! : T.role!, vars) };
      }
      const emails = new Set<string>();
      for (const e of [client.values.email, client.values.contact_email, ...client.emails]) if (e) emails.add(e.toLowerCase());
      const named = client.values.contact_name !== "" || client.contacts.length > 0;
      // A named person or a personal address is someone we can reach, though we do not know their role.
      if (!named && emails.size > 0 && [...emails].every((e) => isGenericMailbox(e))) {
        return { label: "generic_mailbox", reason: say(lang, T.generic!, { emails: [...emails].join(", ") }) };
      }
      const anyone = named || emails.size > 0 || client.values.contact_role !== "";
      return { label: "nobody", reason: say(lang, anyone ? T.unknownRole! : T.none!) };
    };
  },
});
