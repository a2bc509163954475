// `segment inspect` on each dialect's realistic export: stdout compared with goldens in fixtures/inspect/expected.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inspect, mapFlag } from "../../src/commands/inspect.js";
import type { Io, ReadOptions } from "../../src/commands/options.js";
import { SegmentError } from "../../src/errors.js";

const EMPTY_CONFIG = "fixtures/inspect/empty.config.json";

async function run(path: string, extra: Partial<ReadOptions> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false };
  const opts: ReadOptions = { config: EMPTY_CONFIG, map: [], seed: 0, json: false, quiet: true, color: false, debug: false, ...extra };
  const code = await inspect(path, opts, io);
  return { code, stdout, stderr };
}

const dialectFiles = readdirSync("fixtures/dialects").map((d) => {
  const file = readdirSync(`fixtures/dialects/${d}`).find((f) => f.endsWith(".csv") && f !== "managers.csv")!;
  return { d, path: `fixtures/dialects/${d}/${file}` };
});

describe("inspect on each dialect's export", () => {
  for (const { d, path } of dialectFiles) {
    it(`${d}: text`, async () => {
      const r = await run(path);
      expect(r.code).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(`../../fixtures/inspect/expected/${d}.txt`);
    });
    it(`${d}: --json has exactly the contract's keys`, async () => {
      const r = await run(path, { json: true });
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(Object.keys(j)).toEqual(["encoding", "delimiter", "dialect", "rows", "mapping", "unmapped", "fill"]);
      expect(typeof (j.mapping as Record<string, unknown>).name).toBe("string");
      for (const share of Object.values(j.fill as Record<string, number>)) expect(share).toBeGreaterThanOrEqual(0), expect(share).toBeLessThanOrEqual(1);
      await expect(r.stdout).toMatchFileSnapshot(`../../fixtures/inspect/expected/${d}.json`);
    });
  }
});

describe("inspect on an export read in chunks", () => {
  // A large export is streamed with only the sample rows kept: what it says is what the whole-file reading says.
  for (const { d, path } of dialectFiles) {
    it(`${d}: the same text and JSON as read whole`, async () => {
      const whole = [await run(path), await run(path, { json: true })];
      const before = process.env.SEGMENT_CHUNK_BYTES;
      process.env.SEGMENT_CHUNK_BYTES = "2048";
      try {
        const chunked = [await run(path), await run(path, { json: true })];
        expect(chunked).toEqual(whole);
      } finally {
        if (before === undefined) delete process.env.SEGMENT_CHUNK_BYTES;
        else process.env.SEGMENT_CHUNK_BYTES = before;
      }
    });
  }
});

describe("inspect on odd files", () => {
  it("says where the header is when a title stands above it, in the run's language", async () => {
    const en = await run("fixtures/edge/1c-report-title.csv", { lang: "en" });
    expect(en.stdout).toMatch(/^Header +line 5 \(the 4 line\(s\) above it are a title, skipped\)$/m);
    expect(en.stdout).toMatch(/^ {2}name +Наименование/m);
    const ru = await run("fixtures/edge/1c-report-title.csv", { lang: "ru" });
    expect(ru.stdout).toMatch(/^Заголовок +строка 5 \(строки над ним, 4, — заголовок отчёта, пропущены\)$/m);
    // A file whose header comes first says nothing of it.
    expect((await run(dialectFiles[0]!.path, { lang: "en" })).stdout).not.toMatch(/^Header /m);
  });

  it("reports a header-only file and exits 0", async () => {
    const r = await run("fixtures/inspect/header-only.csv", { json: true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      encoding: "utf-8", delimiter: ";", dialect: "generic", rows: 0,
      mapping: { id: "ID", name: "Название компании", phone: "Телефон", owner: "Ответственный" },
      unmapped: [], fill: { id: 0, name: 0, phone: 0, owner: 0 },
    });
    const text = await run("fixtures/inspect/header-only.csv");
    expect(text.stdout).toContain("В файле есть заголовок, но нет строк с данными.");
    await expect(text.stdout).toMatchFileSnapshot("../../fixtures/inspect/expected/header-only.txt");
  });

  it("reports a file with no name column, suggests, and exits 0", async () => {
    const r = await run("fixtures/inspect/no-name.csv", { lang: "en" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No column maps to name");
    await expect(r.stdout).toMatchFileSnapshot("../../fixtures/inspect/expected/no-name.txt");
    const j = JSON.parse((await run("fixtures/inspect/no-name.csv", { json: true })).stdout);
    expect(j.rows).toBe(2);
    expect(j.mapping.name).toBeUndefined();
    expect(j.fill.notes).toBe(0.5);
  });

  it("applies the config's map, and --map beats it", async () => {
    const withConfig = JSON.parse((await run("fixtures/inspect/mapped.csv", { json: true, config: "fixtures/inspect/mapped.config.json", map: [] })).stdout);
    expect(withConfig.mapping.name).toBe("Partener");
    expect(withConfig.mapping.phone).toBe("Telefon");
    const flagged = JSON.parse((await run("fixtures/inspect/mapped.csv", {
      json: true, config: "fixtures/inspect/mapped.config.json", map: ["phone=Telefon mobil"],
    })).stdout);
    expect(flagged.mapping.phone).toBe("Telefon mobil");
    expect(flagged.unmapped).toEqual(["Telefon"]);
  });

  it("names the flag of a --map whose header the file lacks", async () => {
    await expect(run("fixtures/inspect/mapped.csv", { map: ["name=Firma"] })).rejects.toThrow(SegmentError);
    await expect(run("fixtures/inspect/mapped.csv", { map: ["name=Firma"] })).rejects.toThrow(/--map name=Firma/);
  });

  it("writes --map lines a shell accepts", () => {
    expect(mapFlag("phone", "Telefon")).toBe("--map phone=Telefon");
    expect(mapFlag("address", "Юридический адрес")).toBe("--map 'address=Юридический адрес'");
    expect(mapFlag("notes", "Client's note")).toBe("--map 'notes=Client'\\''s note'");
  });
});

describe("inspect: what unmapped columns hold", () => {
  it("suggests a field only where the column's values could be it, and calls an empty column empty", async () => {
    const r = await run("fixtures/inspect/unmapped-values.csv", { lang: "en" });
    expect(r.code).toBe(0);
    const hint = (header: string) => r.stdout.split("\n").find((l) => l.trimStart().startsWith(header + "  "))?.trim().slice(header.length).trim();
    // "Создал" is spelled like "Создан" (created_at) but holds who created the company.
    expect(hint("Создал")).toBe("no matching field; map it with --map FIELD=HEADER if it matters");
    expect(hint("Дата созданя")).toBe("--map 'created_at=Дата созданя'");
    expect(hint("Телефон бухгалтерии")).toBe("--map 'phone=Телефон бухгалтерии'");
    expect(hint("Численость")).toBe("--map employees=Численость");
    // A dealer's name, not a website.
    expect(hint("Сайт дилера")).toBe("no matching field; map it with --map FIELD=HEADER if it matters");
    expect(hint("UTM Source")).toBe("empty");
    await expect(r.stdout).toMatchFileSnapshot("../../fixtures/inspect/expected/unmapped-values.txt");
  });
});
