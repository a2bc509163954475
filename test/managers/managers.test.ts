import { describe, it, expect, vi } from "vitest";

vi.mock("../../src/io/read-csv.js", () => ({ readToolCsv: () => { throw new Error("not used"); } }));

const { matchOwner, matchOwners, deriveManagers, parseManagers, assignSlugs } = await import("../../src/managers.js");
import type { Manager, Row } from "../../src/types.js";
import { FIELDS } from "../../src/types.js";

const table = (text: string) => {
  const [head, ...rest] = text.trim().split("\n");
  return { header: head!.split(","), delimiter: ",", rows: rest.map((l, i) => ({ line: i + 2, cells: l.split(",") })) };
};

function row(index: number, owner: string): Row {
  const values = Object.fromEntries(FIELDS.map((f) => [f, ""])) as Row["values"];
  values.name = `ООО Ромашка ${index}`;
  values.owner = owner;
  return { index, line: index + 2, clientId: String(100 + index), values, nameKey: "", phones: [], emails: [], domains: [], contacts: [], tags: [] };
}

const managers = parseManagers("managers.csv", table(`
name,capacity,regions,active,aliases
Иванов Сергей,1,Москва|Центр,да,s.ivanov@firm.ru|005Wj000001AbCdIAK
Петрова Анна,0.5,,yes,
Ёлкин Пётр,1,,нет,
Popescu Ion,1,Cluj,1,
`));

describe("owner matching", () => {
  it.each(["Иванов Сергей Петрович", "Сергей Иванов", "Иванов С.П.", "иванов  сергей", "S.IVANOV@firm.ru", "005Wj000001AbCdIAK"])(
    "%s matches Иванов Сергей",
    (value) => expect(matchOwner(value, managers).manager).toBe(0),
  );
  it("folds ё and initials of both words fail (one full word needed)", () => {
    expect(matchOwner("Елкин Петр", managers).manager).toBe(2);
    expect(matchOwner("И. С.", managers).manager).toBe(-1);
    expect(matchOwner("Иванов", managers).manager).toBe(-1);
    expect(matchOwner("Сидоров Сергей", managers).manager).toBe(-1);
  });
  it("a value matching several managers matches none and warns", () => {
    const two = parseManagers("m.csv", table("name\nИванов Сергей\nИванов Степан"));
    const res = matchOwners([row(0, "Иванов С."), row(1, "Иванов Степан Ильич")], two, true, "ru");
    expect(res.owners.map((o) => o.manager)).toEqual([-1, 1]);
    expect(res.owners[0]!.departed).toBe(true);
    expect(res.warnings).toHaveLength(1);
    expect(res.warnings[0]).toMatchObject({ field: "owner", value: "Иванов С.", line: 2, clientId: "100" });
    expect(res.warnings[0]!.problem).toContain("Иванов Сергей");
  });
  it("departed: matching no active manager, only with a managers file", () => {
    const rows = [row(0, "Ёлкин Пётр"), row(1, "Smith John"), row(2, ""), row(3, "Ion Popescu")];
    const withFile = matchOwners(rows, managers, true, "en").owners;
    expect(withFile.map((o) => [o.manager, o.departed])).toEqual([[2, true], [-1, true], [-1, false], [3, false]]);
    const derived = deriveManagers(rows.map((r) => r.values.owner));
    const without = matchOwners(rows, derived, false, "en").owners;
    expect(without.every((o) => !o.departed)).toBe(true);
  });
});

describe("managers file", () => {
  it("reads capacity, lists, active and slugs", () => {
    expect(managers.map((m) => [m.name, m.capacity, m.active, m.slug])).toEqual([
      ["Иванов Сергей", 1, true, "ivanov-sergey"],
      ["Петрова Анна", 0.5, true, "petrova-anna"],
      ["Ёлкин Пётр", 1, false, "yolkin-pyotr"],
      ["Popescu Ion", 1, true, "popescu-ion"],
    ]);
    expect(managers[0]!.regions).toEqual(["Москва", "Центр"]);
    expect(managers[0]!.aliases).toHaveLength(2);
  });
  it("segments and industries", () => {
    const m = parseManagers("m.csv", table("name,industries,segments\nIon Rusu,c|g,value:A|temperature:hot"))[0]!;
    expect(m.industries).toEqual(["C", "G"]);
    expect(m.segments).toEqual([{ segmenter: "value", label: "A" }, { segmenter: "temperature", label: "hot" }]);
  });
  it.each([
    ["name,capacity\nIon Rusu,abc", /managers\.csv, line 2: capacity must be a number above 0, got "abc"/],
    ["name,capacity\nIon Rusu,0", /line 2: capacity must be a number above 0, got "0" \(a manager on leave stays on the list with active=false\)\.$/],
    ["name,capacity\nIon Rusu,-1", /line 2: capacity must be a number above 0, got "-1"\.$/],
    ["name,capacity\nIon Rusu,50%", /line 2: capacity must be a number above 0, got "50%" \(a share of a full workload is written as a fraction: 0\.5\)\.$/],
    ["name,capacity\nIon Rusu,12.5 %", /got "12.5 %" \(a share of a full workload is written as a fraction: 0\.125\)\.$/],
    ["fullname\nIon Rusu", /line 1: no "name" column/],
    ["name,capacity\nIon Rusu,1\n,1", /line 3: the name is empty/],
    ["name\nIon Rusu\nion  rusu", /line 3: duplicate manager/],
    ["name,active\nIon Rusu,maybe", /line 2: active must be/],
  ])("rejects %j", (text, message) => {
    let err: unknown;
    try { parseManagers("managers.csv", table(text)); } catch (e) { err = e; }
    expect(err).toMatchObject({ code: "managers", exitCode: 2 });
    expect((err as Error).message).toMatch(message);
  });
  it("ignores unknown columns, accepts a decimal comma", () => {
    const m = parseManagers("m.csv", { header: ["name", "capacity", "phone"], delimiter: ";", rows: [{ line: 2, cells: ["Ion Rusu", "0,5", "+40"] }] });
    expect(m[0]!.capacity).toBe(0.5);
  });
  it("slug clashes get -2, -3 in file order", () => {
    expect(assignSlugs(["Иванов Сергей", "Ivanov Sergey", "IVANOV SERGEY!", "Ivanov Sergey 2"])).toEqual([
      "ivanov-sergey", "ivanov-sergey-2", "ivanov-sergey-3", "ivanov-sergey-2-2",
    ]);
  });
});

describe("managers derived from owners", () => {
  it("joins spellings, names by the most frequent, orders by first appearance", () => {
    const values = ["Сергей Иванов", "Popescu Ion", "Иванов Сергей", "Иванов Сергей", "Иванов С.П.", "", "Ion Popescu"];
    const derived = deriveManagers(values);
    expect(derived.map((m) => m.name)).toEqual(["Иванов Сергей", "Popescu Ion"]);
    expect(derived.every((m) => m.active && m.capacity === 1 && m.line === 0)).toBe(true);
    const { owners } = matchOwners(values.map((v, i) => row(i, v)), derived, false, "ru");
    expect(owners.map((o) => o.manager)).toEqual([0, 1, 0, 0, 0, -1, 1]);
  });
  it("a value that would join several people is a manager of its own", () => {
    const derived = deriveManagers(["Иванов Сергей", "Иванов Пётр", "Иванов"]);
    expect(derived.map((m) => m.name)).toEqual(["Иванов Сергей", "Иванов Пётр", "Иванов"]);
    const { owners, warnings } = matchOwners([row(0, "Иванов"), row(1, "Иванов Пётр")], derived, false, "en");
    expect(owners.map((o) => o.manager)).toEqual([2, 1]);
    expect(warnings).toHaveLength(0);
  });
});
