import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SegmentError } from "../../src/errors.js";
import { configSchema } from "../../src/schema/config.js";
import type { SegmenterContext } from "../../src/segmenters/define.js";
import { listSegmenters, runSegmenters } from "../../src/segmenters/index.js";
import { makeClient } from "../../src/segmenters/tester.js";
import { FIELDS, type Field } from "../../src/types.js";

const dir = fileURLToPath(new URL("../../fixtures/plugins/", import.meta.url));

const clients = [
  makeClient("101", { name: "ООО «Уралхиммаш»", deals_won: "4", revenue_won: "900000", employees: "1200", region: "Свердловская область", notes: "Важны сроки поставки", contact_role: "Генеральный директор" }, { index: 0 }),
  makeClient("102", { name: "ООО «Вектор»", activity_count: "2", employees: "45", region: "Москва", notes: "Просят скидку" }, { index: 1 }),
  makeClient("103", { name: "ИП Петров", employees: "", region: "" }, { index: 2, emails: ["info@petrov.ru"] }),
];
const ctx: SegmenterContext = { clients, asOf: "2026-06-01", lang: "en", dialect: "bitrix24", mapped: new Set<Field>(FIELDS), territories: {}, defaultCountry: "RU" };

async function fails(raw: unknown): Promise<SegmentError> {
  try {
    await runSegmenters(clients, ctx, configSchema.parse(raw), dir);
  } catch (e) {
    if (e instanceof SegmentError) return e;
    throw e;
  }
  throw new Error("ran");
}

describe("segmenter registry", () => {
  it("runs the built-ins in order, then plugins, then rule groups that read their labels", async () => {
    const config = configSchema.parse({
      plugins: ["./company-size.mjs"],
      rules: [
        { segmenter: "focus", label: "key", when: { "segment.temperature": "hot", "segment.company_size": "large" } },
        { segmenter: "focus", label: "develop", when: { "segment.temperature": "warm" } },
      ],
      segmenters: { company_size: { medium: 2000 }, value: { a: 0.5, b: 0.4 } },
    });
    const cols = await runSegmenters(clients, ctx, config, dir);
    expect(cols.map((c) => c.id)).toEqual(["temperature", "geography", "industry", "value", "motivation", "contacts", "company_size", "focus"]);
    const by = Object.fromEntries(cols.map((c) => [c.id, c.labels]));
    expect(by.temperature).toEqual(["hot", "warm", "cold"]);
    // Only 101 has won revenue, so won revenue ranks everyone: the others have no figure.
    expect(by.value).toEqual(["A", "C", "C"]);
    expect(by.motivation).toEqual(["delivery", "price", "unknown"]);
    expect(by.contacts).toEqual(["decision_maker", "nobody", "generic_mailbox"]);
    // medium reaches 2000 by the config's option: 1200 is no longer large.
    expect(by.company_size).toEqual(["medium", "small", "unknown"]);
    expect(by.focus).toEqual(["unknown", "develop", "unknown"]);
    for (const c of cols) expect(c.reasons.every((r) => r.length > 0)).toBe(true);
  });

  it("names the option path, an unknown segmenter id, a clash and a stray label", async () => {
    expect((await fails({ segmenters: { value: { a: 2 } } })).message).toMatch(/^segmenters\.value\.a: /);
    expect((await fails({ segmenters: { temperature: { colour: "red" } } })).message).toMatch(/segmenters\.temperature\.colour: unknown key/);
    expect((await fails({ segmenters: { tier: {} } })).message).toMatch(/segmenters\.tier: no segmenter has this id/);
    expect((await fails({ plugins: ["clash.mjs"] })).message).toMatch(/clash\.mjs uses the id "temperature", which is already a built-in segmenter's/);
    expect((await fails({ rules: [{ segmenter: "value", label: "x" }] })).message).toMatch(/rules\[0\]\.segmenter: "value" is already a built-in segmenter's id/);
    const stray = await fails({ plugins: ["stray-label.mjs"] });
    expect(stray.code).toBe("config");
    expect(stray.message).toMatch(/stray-label\.mjs \(segmenter "stray"\) gave client 101 the label "ooo", which is not one of its labels \(its labels: ok\)/);
    expect((await fails({ plugins: ["bad-create.mjs"] })).message).toMatch(/bad-create\.mjs is malformed/);
  });

  it("lists every segmenter with labels and options, defaults filled", async () => {
    const config = configSchema.parse({ plugins: ["company-size.mjs"], segmenters: { company_size: { micro: 5 } }, rules: [{ label: "x", when: { city: "Cluj" } }] });
    const list = await listSegmenters(config, dir);
    expect(list.map((s) => [s.id, s.source])).toEqual([
      ["temperature", "built-in"], ["geography", "built-in"], ["industry", "built-in"], ["value", "built-in"],
      ["motivation", "built-in"], ["contacts", "built-in"], ["company_size", "plugin"], ["rules", "rules"],
    ]);
    const size = list.find((s) => s.id === "company_size")!;
    expect(size.origin).toBe("company-size.mjs");
    expect(size.options).toEqual({ micro: 5, small: 50, medium: 250 });
    expect(size.defaults).toEqual({ micro: 10, small: 50, medium: 250 });
    expect(list.find((s) => s.id === "value")!.defaults).toEqual({ a: 0.8, b: 0.15 });
    expect(list.find((s) => s.id === "rules")!.labels).toEqual(["x", "unknown"]);
    expect(list.find((s) => s.id === "temperature")!.labels).toEqual(["hot", "warm", "cold"]);
  });
});
