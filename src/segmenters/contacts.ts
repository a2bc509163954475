// Contacts: the strongest role we can reach at a client (decision maker > chooser > buyer), else only a generic mailbox, else nobody.
import { z } from "zod";
import { say, type Phrase } from "../i18n.js";
import { isGenericMailbox } from "../normalise/contact.js";
import type { Lang, Segment } from "../types.js";
import { defineSegmenter } from "./define.js";
import { compileTemplate, StemMatcher, wordsOf } from "./words.js";

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

/**
 * Decision-maker stems that say only how senior a title is, not what its holder runs: `Директор по закупкам`,
 * `Head of Procurement` buy, `Руководитель службы эксплуатации`, `Head of Maintenance` choose. With a function in the
 * title the function decides, for a department's head (`HEAD_OF`) whatever it is and for a director only when it is
 * buying; `Технический директор` and `VP of Operations` stay decision makers. The other decision-maker stems
 * (`генеральный`, `CEO`, `owner`, a user's own) decide whatever else the title says.
 */
const SENIORITY = new Set(["директор", "руководител", "director", "head of", "vp", "vice president"]);
const HEAD_OF = new Set(["руководител", "head of"]);

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

export default defineSegmenter<ContactsOptions>({
  meta: {
    id: "contacts",
    title: "Contacts",
    labels: CONTACT_LABELS,
    uses: ["contact_role", "contact_name", "email", "contact_email"],
    description: "The strongest role known among the client's contacts: decision_maker > chooser > buyer; generic_mailbox when only info@-style mailboxes are known; else nobody.",
    ownReasons: true,
  },
  options: contactsOptions,
  create(options, ctx) {
    const lang: Lang = ctx.lang;
    const matcher = new StemMatcher<Role>(ROLES.map((tag) => ({ tag, stems: [...ROLE_STEMS[tag], ...(options.roles[tag] ?? [])] })), 3);
    const gatekeeper = new StemMatcher<true>([{ tag: true, stems: GATEKEEPERS }], 3);
    // Job titles repeat endlessly (`Генеральный директор`): read each distinct title once.
    const roleCache = new Map<string, Role | null>();
    const roleOf = (title: string): Role | undefined => {
      const known = roleCache.get(title);
      if (known !== undefined) return known ?? undefined;
      const words = wordsOf(title);
      let best: Role | undefined;
      let rank = ROLES.length;
      const gate = gatekeeper.find(words).length > 0;
      let top = false;
      let head = false;
      let senior = false;
      for (const h of matcher.find(words)) {
        if (h.tag === "decision_maker") {
          if (gate) continue;
          if (!SENIORITY.has(h.stem)) top = true;
          else if (HEAD_OF.has(h.stem)) head = true;
          else senior = true;
          continue;
        }
        const r = ROLES.indexOf(h.tag);
        if (r < rank) (rank = r), (best = h.tag);
      }
      // The function a senior title names (`SENIORITY`), else the seniority.
      if (top || (!best && (head || senior)) || (senior && !head && best === "chooser")) best = "decision_maker";
      if (roleCache.size < 200_000) roleCache.set(title, best ?? null);
      return best;
    };
    const roleWord = { decision_maker: say(lang, ROLE_WORD.decision_maker), chooser: say(lang, ROLE_WORD.chooser), buyer: say(lang, ROLE_WORD.buyer) };
    const fillRole = compileTemplate(T.role![lang]);
    const fillRoleOf = compileTemplate(T.roleOf![lang]);
    const fillGeneric = compileTemplate(T.generic![lang]);
    const unknownReason = say(lang, T.unknownRole!);
    const noneReason = say(lang, T.none!);
    // The reason for a title without a name repeats across clients: one string per (role, title).
    const titleReason = new Map<string, string>();
    return (client): Segment => {
      // The strongest role: the first title of the best rank wins (client's own contact, then its people).
      let bestRank = ROLES.length;
      let bestTitle = "";
      let bestName = "";
      const own = client.values.contact_role;
      if (own) {
        const role = roleOf(own);
        if (role) (bestRank = ROLES.indexOf(role)), (bestTitle = own), (bestName = client.values.contact_name);
      }
      for (const p of client.contacts) {
        if (!p.role) continue;
        const role = roleOf(p.role);
        if (!role) continue;
        const r = ROLES.indexOf(role);
        if (r < bestRank) (bestRank = r), (bestTitle = p.role), (bestName = p.name);
      }
      if (bestRank < ROLES.length) {
        const role = ROLES[bestRank]!;
        if (bestName) return { label: role, reason: fillRoleOf({ role: roleWord[role], title: bestTitle, name: bestName }) };
        const key = role + "\u0000" + bestTitle;
        let reason = titleReason.get(key);
        if (reason === undefined) {
          reason = fillRole({ role: roleWord[role], title: bestTitle });
          if (titleReason.size < 100_000) titleReason.set(key, reason);
        }
        return { label: role, reason };
      }
      const named = client.values.contact_name !== "" || client.contacts.length > 0;
      const e1 = client.values.email;
      const e2 = client.values.contact_email;
      const more = client.emails;
      const anyEmail = e1 !== "" || e2 !== "" || more.some((e) => e !== "");
      // A named person or a personal address is someone we can reach, though we do not know their role.
      if (!named && anyEmail) {
        // Most such clients have a personal address: found without gathering the addresses first.
        let allGeneric = (e1 === "" || isGenericMailbox(e1)) && (e2 === "" || isGenericMailbox(e2));
        for (let i = 0; allGeneric && i < more.length; i++) if (more[i] !== "" && !isGenericMailbox(more[i]!)) allGeneric = false;
        if (allGeneric) {
          const emails = new Set<string>();
          for (const e of [e1, e2, ...more]) if (e) emails.add(e.toLowerCase());
          return { label: "generic_mailbox", reason: fillGeneric({ emails: [...emails].join(", ") }) };
        }
      }
      const anyone = named || anyEmail || client.values.contact_role !== "";
      return { label: "nobody", reason: anyone ? unknownReason : noneReason };
    };
  },
});
