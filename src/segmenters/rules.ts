// User rules from the config: rules sharing a `segmenter` id form one segmenter; the first rule whose conditions all hold labels the client, else `unknown`.
import { z } from "zod";
import { SegmentError } from "../errors.js";
import { say, type Phrase } from "../i18n.js";
import type { Rule } from "../schema/config.js";
import { FIELDS, type Client, type Field, type Segment, type SegmentColumn } from "../types.js";
import { defineSegmenter, type Segmenter } from "./define.js";
import { foldText } from "./words.js";

/** The label of a client no rule matches; a rule with `when: {}` at the end of a group gives another. */
export const NO_RULE_LABEL = "unknown";

type Condition = Rule["when"][string];
type Values = (client: Client) => readonly string[];
type Check = (values: readonly string[]) => boolean;

const T: Record<string, Phrase> = {
  rule: { en: "rule {n}: {conds}", ru: "правило {n}: {conds}", ro: "regula {n}: {conds}" },
  always: { en: "always", ru: "всегда", ro: "întotdeauna" },
  none: { en: "no rule matched", ru: "ни одно правило не подошло", ro: "nicio regulă nu s-a potrivit" },
};

const fold = (s: string): string => foldText(s.trim());
const NO_TAGS = [""];

function eqCheck(want: string | number): (v: string) => boolean {
  if (typeof want === "number") return (v) => v !== "" && Number(v) === want;
  const w = fold(want);
  return (v) => fold(v) === w;
}

function numCheck(op: (n: number) => boolean): (v: string) => boolean {
  return (v) => {
    if (v === "") return false;
    const n = Number(v);
    return Number.isFinite(n) && op(n);
  };
}

function compileCondition(cond: Condition, where: string): { check: Check; text: string } {
  if (typeof cond === "string" || typeof cond === "number") {
    const eq = eqCheck(cond);
    return { check: (vs) => vs.some(eq), text: `= ${JSON.stringify(cond)}` };
  }
  const checks: Check[] = [];
  const texts: string[] = [];
  if (cond.eq !== undefined) {
    const eq = eqCheck(cond.eq);
    checks.push((vs) => vs.some(eq));
    texts.push(`= ${JSON.stringify(cond.eq)}`);
  }
  if (cond.ne !== undefined) {
    const eq = eqCheck(cond.ne);
    checks.push((vs) => !vs.some(eq));
    texts.push(`≠ ${JSON.stringify(cond.ne)}`);
  }
  if (cond.in !== undefined) {
    const eqs = cond.in.map(eqCheck);
    checks.push((vs) => vs.some((v) => eqs.some((eq) => eq(v))));
    texts.push(`in [${cond.in.map((x) => JSON.stringify(x)).join(", ")}]`);
  }
  if (cond.contains !== undefined) {
    const part = fold(cond.contains);
    checks.push((vs) => vs.some((v) => fold(v).includes(part)));
    texts.push(`contains ${JSON.stringify(cond.contains)}`);
  }
  if (cond.matches !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(cond.matches, "iu");
    } catch (e) {
      throw new SegmentError("config", `${where}.matches: not a valid regular expression (${(e as Error).message}), got ${JSON.stringify(cond.matches)}.`);
    }
    checks.push((vs) => vs.some((v) => re.test(v)));
    texts.push(`matches /${cond.matches}/`);
  }
  const nums: Array<[keyof typeof cond, string, (a: number, b: number) => boolean]> = [
    ["gt", ">", (a, b) => a > b],
    ["gte", "≥", (a, b) => a >= b],
    ["lt", "<", (a, b) => a < b],
    ["lte", "≤", (a, b) => a <= b],
  ];
  for (const [key, sign, cmp] of nums) {
    const bound = cond[key];
    if (typeof bound !== "number") continue;
    const test = numCheck((n) => cmp(n, bound));
    checks.push((vs) => vs.some(test));
    texts.push(`${sign} ${bound}`);
  }
  if (cond.empty !== undefined) {
    const want = cond.empty;
    checks.push((vs) => vs.every((v) => v === "") === want);
    texts.push(want ? "empty" : "not empty");
  }
  if (!checks.length) throw new SegmentError("config", `${where}: the condition is empty; give eq, ne, in, contains, matches, gt, gte, lt, lte or empty.`);
  return { check: (vs) => checks.every((c) => c(vs)), text: texts.join(" and ") };
}

/** Where rule conditions may look: canonical fields, `tags`, and `segment.<id>` (a segmenter that ran before). */
type Lookup = (id: string) => SegmentColumn | undefined;

function valuesOf(key: string, where: string, lookup: Lookup, self: string): Values {
  if ((FIELDS as readonly string[]).includes(key)) {
    const f = key as Field;
    return (c) => [c.values[f]];
  }
  if (key === "tags") return (c) => (c.tags.length ? c.tags : NO_TAGS);
  if (key.startsWith("segment.")) {
    const id = key.slice("segment.".length);
    const col = lookup(id);
    if (!col || id === self) {
      throw new SegmentError("config", `${where}: no segmenter "${id}" runs before "${self}" (rules see the built-ins, the plugins and earlier rule groups).`);
    }
    const labels = col.labels;
    return (c) => [labels[c.index] ?? ""];
  }
  throw new SegmentError("config", `${where}: unknown field "${key}"; use a canonical field (${FIELDS.join(", ")}), tags, or segment.<id>.`);
}

export interface RuleGroup {
  id: string;
  /** Rules in config order with their position in `rules` (for messages and reasons). */
  rules: { rule: Rule; at: number }[];
}

/** Rule groups in order of first appearance. */
export function groupRules(rules: readonly Rule[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  rules.forEach((rule, at) => {
    const id = rule.segmenter ?? "rules";
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id, rules: [] }));
    g.rules.push({ rule, at });
  });
  return [...groups.values()];
}

/**
 * One segmenter per rule group. `lookup` gives the columns computed so far, so that a rule can
 * read `segment.temperature`; it is read when the segmenter is created, after those have run.
 */
export function ruleSegmenter(group: RuleGroup, lookup: Lookup): Segmenter<Record<string, never>> {
  const labels = [...new Set([...group.rules.map((r) => r.rule.label), NO_RULE_LABEL])];
  return defineSegmenter<Record<string, never>>({
    meta: {
      id: group.id,
      title: `Rules: ${group.id}`,
      labels,
      uses: [...new Set(group.rules.flatMap((r) => Object.keys(r.rule.when).filter((k): k is Field => (FIELDS as readonly string[]).includes(k))))],
      description: `${group.rules.length} rule(s) from the config; the first whose conditions all hold gives the label, else "${NO_RULE_LABEL}".`,
    },
    options: z.strictObject({}) as unknown as z.ZodType<Record<string, never>>,
    create(_options, ctx) {
      const compiled = group.rules.map(({ rule, at }) => {
        const conds = Object.entries(rule.when).map(([key, cond]) => {
          const where = `rules[${at}].when.${key}`;
          const values = valuesOf(key, where, lookup, group.id);
          const { check, text } = compileCondition(cond, where);
          return { values, check, text: `${key} ${text}` };
        });
        const reason = rule.reason ?? say(ctx.lang, T.rule!, { n: at + 1, conds: conds.length ? conds.map((c) => c.text).join(", ") : say(ctx.lang, T.always!) });
        const segment: Segment = { label: rule.label, reason };
        return { conds, segment };
      });
      const none: Segment = { label: NO_RULE_LABEL, reason: say(ctx.lang, T.none!) };
      return (client) => {
        for (const r of compiled) {
          let ok = true;
          for (const c of r.conds) if (!c.check(c.values(client))) { ok = false; break; }
          if (ok) return r.segment;
        }
        return none;
      };
    },
  });
}
