// E-mail addresses and web domains: normal forms, public mail providers and generic mailboxes.

const MAILTO = /^mailto:/i;
const ANGLE = /^.*<([^<>]+)>\s*$/;
// Pragmatic, not RFC 5322: one `@`, a dotted domain, no spaces; IDN (Cyrillic) domains allowed.
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:_]+\.[^\s@"<>(),;:_.\d][^\s@"<>(),;:_.]+$/u;

/**
 * The address trimmed, lower-cased, `mailto:` and a display name (`Иван <ivan@firm.ru>`) stripped;
 * `null` when it is not an e-mail address.
 */
export function normaliseEmail(raw: string): string | null {
  let s = raw.trim();
  if (s.includes("<")) {
    const angle = ANGLE.exec(s);
    if (angle) s = angle[1]!.trim();
  }
  s = s.replace(MAILTO, "").trim().toLowerCase();
  if (s.endsWith(".")) s = s.slice(0, -1);
  if (!EMAIL.test(s) || s.includes("..")) return null;
  return s;
}

/** The domain of a (normalised) e-mail address, `""` if it has none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1);
}

/** The local part (before `@`). */
export function emailLocal(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? email : email.slice(0, at);
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const WWW = /^www\d?\./;
const USERINFO = /^[^/@]*@/;
const DOMAIN_OK = /^[^\s/\\@:?#]+\.[^\s/\\@:?#.]{2,}$/u;

/** The host of a website value: no scheme, `www.`, user info, port, path or query; IDN kept as is. `""` when none. */
export function websiteDomain(raw: string): string {
  let s = raw.trim().toLowerCase();
  if (!s) return "";
  s = s.replace(SCHEME, "");
  if (s.startsWith("//")) s = s.slice(2);
  s = s.replace(USERINFO, "");
  let end = s.length;
  for (const c of ["/", "?", "#", ":", " ", ",", ";", "\\"]) {
    const i = s.indexOf(c);
    if (i >= 0 && i < end) end = i;
  }
  s = s.slice(0, end).replace(WWW, "");
  if (s.endsWith(".")) s = s.slice(0, -1);
  return DOMAIN_OK.test(s) ? s : "";
}

const PUBLIC_MAIL_DOMAINS = new Set([
  // Russian-speaking
  "mail.ru", "bk.ru", "inbox.ru", "list.ru", "internet.ru", "yandex.ru", "ya.ru", "yandex.com",
  "yandex.by", "yandex.kz", "yandex.ua", "narod.ru", "rambler.ru", "lenta.ru", "autorambler.ru",
  "myrambler.ru", "ro.ru", "qip.ru", "pochta.ru", "e1.ru", "ngs.ru", "mail.ua", "ukr.net", "i.ua",
  "tut.by", "mail.kz", "vk.com",
  // Romanian / Moldovan
  "yahoo.ro", "yahoo.co.uk", "gmail.ro", "rdslink.ro", "clicknet.ro", "home.ro", "k.ro", "email.ro",
  "mail.md", "rambler.md",
  // International
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "msn.com",
  "yahoo.com", "ymail.com", "rocketmail.com", "aol.com", "icloud.com", "me.com", "mac.com",
  "protonmail.com", "proton.me", "pm.me", "gmx.com", "gmx.net", "gmx.de", "web.de", "t-online.de",
  "zoho.com", "mail.com", "yahoo.de", "yahoo.fr", "hotmail.fr", "orange.fr", "free.fr", "libero.it",
  "tutanota.com", "fastmail.com", "qq.com", "163.com",
]);

/** A mail provider anyone can sign up with: its domain says nothing about the company. */
export function isPublicMailDomain(domain: string): boolean {
  return PUBLIC_MAIL_DOMAINS.has(domain.toLowerCase());
}

const GENERIC_LOCALS = new Set([
  "info", "office", "sales", "mail", "contact", "contacts", "hello", "admin", "zakaz", "zakazy",
  "secretary", "secretar", "priemnaya", "priemnaia", "priem", "reception", "support", "help",
  "service", "team", "general", "enquiries", "inquiries", "enquiry", "inquiry", "marketing",
  "buh", "buhgalteria", "bukhgalteriya", "accounting", "accounts", "billing", "finance", "hr",
  "jobs", "careers", "kadry", "noreply", "no-reply", "post", "postmaster", "webmaster", "mailbox",
  "company", "firma", "contabilitate", "vanzari", "comenzi", "secretariat", "receptie",
  "order", "orders", "shop", "ofis", "offis", "kontakt",
  "pochta", "otdel", "snab", "snabzhenie", "tender", "tenders", "opt", "client", "clients",
]);
const LOCAL_SUFFIX = /[.\-_]?\d+$/;

/** A shared role mailbox (`info@`, `office@`, `zakaz@`, `priemnaya@`...), not a person's. */
export function isGenericMailbox(email: string): boolean {
  const local = emailLocal(email.toLowerCase());
  return GENERIC_LOCALS.has(local) || GENERIC_LOCALS.has(local.replace(LOCAL_SUFFIX, ""));
}
