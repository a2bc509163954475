// report.html in a real browser (Debian's chromium via playwright-core): charts have size, numbers match summary.json, nothing loads from the network.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, DEMO_CONFIG, segment, tempDir } from "../cli/helpers.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

describe("report.html in headless Chromium", () => {
  let browser: Browser;
  let out: string;
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error("chromium is not installed: apt-get install chromium (.ci/run does it)");
    out = join(tempDir(), "out");
    expect(segment(["run", DEMO, "-c", DEMO_CONFIG, "--as-of", "2026-11-01", "-o", out, "--quiet"]).exitCode).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renders charts with size and numbers that match summary.json, loading nothing", async () => {
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) requests.push(r.url());
    });
    await page.goto(pathToFileURL(join(out, "report.html")).href);
    expect(requests).toEqual([]);

    for (const chart of ["load", "moves", "active", "matrix", "segment-temperature", "segment-industry"]) {
      const box = await page.locator(`svg[data-chart="${chart}"]`).boundingBox();
      expect(box, chart).not.toBeNull();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(40);
    }
    const text = async (key: string) => (await page.locator(`[data-key="${key}"]`).first().textContent())?.trim();
    expect(await text("input.rows")).toBe(String(summary.input.rows));
    expect(await text("input.accepted")).toBe(String(summary.input.accepted));
    expect(await text("duplicates.groups")).toBe(String(summary.duplicates.groups));
    expect(await text("balance.max_load_ratio")).toBe(summary.balance.max_load_ratio.toFixed(2));
    for (const k of ["kept", "moved", "assigned", "unassigned"]) expect(await text(`decisions.${k}`)).toBe(String(summary.decisions[k]));

    // One "after" bar per active manager, with the ratio of summary.json.
    for (const m of summary.managers.filter((x: { active: boolean }) => x.active)) {
      const bar = page.locator(`svg[data-chart="load"] rect[data-kind="after"][data-manager="${m.name}"]`);
      expect(await bar.getAttribute("data-value")).toBe(m.load_ratio.toFixed(2));
      expect((await bar.boundingBox())!.width).toBeGreaterThan(0);
    }
    // Every manager appears in the table, the heat map sums to the clients.
    const table = await page.locator("table.managers").textContent();
    for (const m of summary.managers) expect(table).toContain(m.name);
    const cells = await page.locator('svg[data-chart="matrix"] rect').evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value"))));
    const clients = Object.values(summary.segments.temperature as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(clients);
    await page.close();
  });

  it("prints to PDF on A4 without losing the charts", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, "report.html")).href);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(await page.locator("svg.chart").count()).toBeGreaterThan(6);
    await page.close();
  });
});
