import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SegmentError } from "../../src/errors.js";
import { loadPlugin } from "../../src/segmenters/plugins.js";
import { makeClient, testSegmenter } from "../../src/segmenters/tester.js";

const dir = fileURLToPath(new URL("../../fixtures/plugins/", import.meta.url));

async function configError(path: string): Promise<SegmentError> {
  try {
    await loadPlugin(path, dir);
  } catch (e) {
    if (e instanceof SegmentError) return e;
    throw e;
  }
  throw new Error(`${path} loaded`);
}

describe("plugins", () => {
  it("loads a user plugin and runs it through the shared tester", async () => {
    const size = await loadPlugin("./company-size.mjs", dir);
    expect(size.meta.id).toBe("company_size");
    const [en, ru] = testSegmenter(size, [
      {
        name: "head counts",
        clients: [
          makeClient("1", { name: "ИП Петров", employees: "3" }),
          makeClient("2", { name: "ООО «Вектор»", employees: "50" }),
          makeClient("3", { name: "АО «Сибцем»", employees: "1200" }),
          makeClient("4", { name: "ООО «Арго»", employees: "" }),
        ],
        expected: { "1": "micro", "2": "medium", "3": "large", "4": "unknown" },
      },
      {
        name: "own bands, russian",
        ctx: { lang: "ru" },
        options: { small: 60 },
        clients: [makeClient("2", { name: "ООО «Вектор»", employees: "50" })],
        expected: { "2": { label: "small", reason: "сотрудников: 50" } },
      },
    ]);
    expect(en!.get("3")!.reason).toBe("1200 employees: large");
    expect(ru!.size).toBe(1);
  });

  it("rejects a malformed plugin naming its path and what is wrong", async () => {
    const noLabels = await configError("./bad-no-labels.mjs");
    expect(noLabels.code).toBe("config");
    expect(noLabels.exitCode).toBe(2);
    expect(noLabels.message).toMatch(/bad-no-labels\.mjs is malformed: meta\.labels/);
    const create = await configError("bad-create.mjs");
    expect(create.message).toMatch(/bad-create\.mjs is malformed: create: expected a function/);
  });

  it("rejects a missing file and a module of another kind", async () => {
    expect((await configError("./nowhere.mjs")).message).toMatch(/nowhere\.mjs does not exist/);
    expect((await configError("./company-size.ts")).message).toMatch(/must be a \.js or \.mjs module/);
  });
});
