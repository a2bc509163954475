// The row-wise segmenters run ahead over rows (while the matcher's thread works) give exactly what they give run
// over the merged clients afterwards.
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import type { Io } from "../../src/commands/options.js";
import { prepare, segmenterConfig, type Prepared } from "../../src/pipeline.js";
import { configSchema } from "../../src/schema/config.js";
import { runSegmenters, SegmentsAhead } from "../../src/segmenters/index.js";
import temperature from "../../src/segmenters/temperature.js";
import type { Segment } from "../../src/types.js";

const io: Io = { stdout: () => {}, stderr: () => {}, isTTY: false };
const fixture = (rel: string) => fileURLToPath(new URL(`../../fixtures/${rel}`, import.meta.url));

async function prepared(rel: string, config?: string): Promise<Prepared> {
  return prepare(fixture(rel), { map: [], seed: 0, json: false, quiet: true, color: false, debug: false, asOf: "2026-11-01", config: config && fixture(config) }, io);
}

/** The segments with the row-wise work done ahead for the first `share` of the rows (as far as the wait allowed). */
async function withAhead(p: Prepared, share: number) {
  const config = segmenterConfig(p.config);
  const ahead = SegmentsAhead.start(p.rows, { ...p.segmenterContext, clients: [] }, config)!;
  expect(ahead).not.toBeNull();
  const target = Math.round(p.rows.length * share);
  while (ahead.done < target && ahead.step(Math.min(7, target - ahead.done)));
  return runSegmenters(p.clients, p.segmenterContext, config, p.configDir, ahead);
}

describe("segmenters run ahead over rows", () => {
  const cases: Array<[string, string | undefined]> = [
    ["demo/bitrix24-companies.csv", "demo/segment.config.json"],
    ["dialects/amocrm/amocrm-export.csv", undefined],
    ["dialects/odoo/contact-res-partner.csv", undefined],
    ["dialects/hubspot/hubspot-crm-exports-all-companies-2026-11-01.csv", undefined],
    ["dialects/romania/clienti.csv", undefined],
  ];
  it.each(cases)("%s: the same labels and reasons as over the merged clients, whatever share of the rows was done", async (rel, config) => {
    const p = await prepared(rel, config);
    // Merged clients (groups) and people joined to companies are what a row alone does not show.
    expect(p.clients.length).toBeLessThan(p.rows.length);
    const plain = await runSegmenters(p.clients, p.segmenterContext, segmenterConfig(p.config), p.configDir);
    for (const share of [0, 0.5, 1]) expect(await withAhead(p, share)).toEqual(plain);
  });

  it("has nothing to do on no rows", () => {
    const ahead = SegmentsAhead.start([], { clients: [], asOf: "2026-11-01", lang: "ru", dialect: "generic", mapped: new Set(), territories: {}, defaultCountry: "RU" }, configSchema.parse({}))!;
    expect(ahead.step(1024)).toBe(false);
    expect(ahead.done).toBe(0);
  });

  it("uses the rows' labels: a single-row client's label is the one its row got ahead", async () => {
    const p = await prepared("demo/bitrix24-companies.csv", "demo/segment.config.json");
    const config = segmenterConfig(p.config);
    const ahead = SegmentsAhead.start(p.rows, { ...p.segmenterContext, clients: [] }, config)!;
    while (ahead.step(64));
    // Swap what temperature gave two single-row clients' rows: the run must show the swap.
    const single = p.clients.filter((c) => c.rows.length === 1);
    const hot = single.find((c) => c.values.deals_won !== "" && Number(c.values.deals_won) > 0)!;
    const cold = single.find((c) => c.values.deals_won === "" && c.values.activity_count === "" && c.values.last_activity_at === "")!;
    const early = (ahead as unknown as { ahead: Map<string, { codes: Uint8Array }> }).ahead.get("temperature")!;
    [early.codes[hot.rows[0]!], early.codes[cold.rows[0]!]] = [early.codes[cold.rows[0]!]!, early.codes[hot.rows[0]!]!];
    const columns = await runSegmenters(p.clients, p.segmenterContext, config, p.configDir, ahead);
    const t = columns.find((c) => c.id === "temperature")!;
    expect(t.labels[hot.index]).not.toBe("hot");
    expect(t.labels[cold.index]).toBe("hot");
  });

  it("leaves a row its segmenter failed on to the run over the clients, which reports it as before", async () => {
    const p = await prepared("dialects/hubspot/hubspot-crm-exports-all-companies-2026-11-01.csv");
    const victim = p.clients.find((c) => c.rows.length === 1 && c.index > 3)!;
    const real = temperature.create.bind(temperature);
    const spy = vi.spyOn(temperature, "create").mockImplementation((options, ctx) => {
      const classify = real(options, ctx);
      return (client): Segment => {
        if (client.id === victim.id) throw new Error("no temperature for this one");
        return classify(client);
      };
    });
    try {
      const config = segmenterConfig(p.config);
      const plain = runSegmenters(p.clients, p.segmenterContext, config, p.configDir);
      await expect(plain).rejects.toThrow(`Segmenter "temperature" failed on client ${victim.id}: no temperature for this one.`);
      const ahead = SegmentsAhead.start(p.rows, { ...p.segmenterContext, clients: [] }, config)!;
      while (ahead.step(1000));
      await expect(runSegmenters(p.clients, p.segmenterContext, config, p.configDir, ahead)).rejects.toThrow(
        `Segmenter "temperature" failed on client ${victim.id}: no temperature for this one.`,
      );
    } finally {
      spy.mockRestore();
    }
  });
});
