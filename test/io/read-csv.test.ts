// readExport and readToolCsv on small real-dialect exports: encodings, delimiters, line numbers, fatal errors.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { readExport, readToolCsv, guessSingleByte, sniffDelimiter, resolveEncoding, resolveDelimiter, singleByteDecoder } from "../../src/io/read-csv.js";
import { SegmentError } from "../../src/errors.js";

const EDGE = join(import.meta.dirname, "../../fixtures/edge");
const edge = (name: string) => join(EDGE, name);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "segment-read-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function temp(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
async function failure(p: Promise<unknown>): Promise<SegmentError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SegmentError);
    return e as SegmentError;
  }
  throw new Error("expected a SegmentError");
}

describe("readExport on CRM dialects", () => {
  it("reads a Bitrix24 cp1251 export with line-ending semicolons", async () => {
    const t = await readExport(edge("bitrix24-cp1251.csv"));
    expect(t.encoding).toBe("windows-1251");
    expect(t.delimiter).toBe(";");
    expect(t.file).toBe("bitrix24-cp1251.csv");
    expect(t.header.slice(0, 3)).toEqual(["ID", "Название компании", "Телефон"]);
    expect(t.header.at(-1)).toBe(""); // the line-ending `;` is an empty last column
    expect(t.records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(t.records[0]!.cells[1]).toBe('ООО "Ромашка"');
    expect(t.records[0]!.cells[2]).toBe("+7 (343) 123-45-67, +7 912 345-67-89");
    expect(t.records[1]!.cells.slice(7, 9)).toEqual(["6671234567", "667102002"]);
  });

  it("reads an all-quoted CRLF Odoo export and keeps the leading apostrophe for the records stage", async () => {
    const t = await readExport(edge("odoo-contacts.csv"));
    expect(t.encoding).toBe("utf-8");
    expect(t.delimiter).toBe(",");
    expect(t.records).toHaveLength(5);
    expect(t.records[0]!.cells[2]).toBe("'+1 555 0100");
    expect(t.records[1]!.cells[6]).toBe("Consulting");
    expect(t.records[2]!.cells[0]).toBe("Azure Interior, Brandon Freeman");
  });

  it("keeps Salesforce trailer lines as records after the blank line, with their physical lines", async () => {
    const t = await readExport(edge("salesforce-report.csv"));
    expect(t.records.map((r) => r.line)).toEqual([2, 3, 4, 6, 7, 8]);
    expect(t.records[3]!.cells).toEqual(["Grand Totals (3 records)"]);
  });

  it("reads Excel's UTF-16LE tab-delimited Unicode text", async () => {
    const t = await readExport(edge("excel-unicode-text.txt"));
    expect(t.encoding).toBe("utf-16le");
    expect(t.delimiter).toBe("\t");
    expect(t.header).toEqual(["Denumire firmă", "Cod fiscal", "Județ", "Localitate", "Telefon", "Agent"]);
    expect(t.records[1]!.cells[3]).toBe("Timișoara");
  });

  it("reads UTF-16LE and UTF-16BE without a BOM", async () => {
    const text = "Name\tCity\r\nAcme Corp\tBoston\r\n";
    const le = await readExport(temp("le.txt", Buffer.from(text, "utf16le")));
    expect(le.encoding).toBe("utf-16le");
    expect(le.records[0]!.cells).toEqual(["Acme Corp", "Boston"]);
    const be = await readExport(temp("be.txt", iconv.encode(text, "utf-16be")));
    expect(be.encoding).toBe("utf-16be");
    expect(be.records[0]!.cells).toEqual(["Acme Corp", "Boston"]);
  });

  it("strips a UTF-8 BOM from the first header", async () => {
    const t = await readExport(edge("amocrm-people.csv"));
    expect(t.header[0]).toBe("ID");
    expect(t.encoding).toBe("utf-8");
  });

  it("gives each record the physical line where it starts, across embedded LF and CRLF", async () => {
    const t = await readExport(edge("embedded-newlines.csv"));
    expect(t.records.map((r) => r.line)).toEqual([2, 5, 9, 10]);
    expect(t.records[0]!.cells[1]).toBe("Called twice\r\nasked for a quote");
    expect(t.records[1]!.cells[1]).toBe("line one\nline two\n\nline four");
    expect(t.records[3]!.cells[0]).toBe("Umbrella\r\nHoldings");
  });

  it("counts lines in a CR-only (old Mac) file", async () => {
    const t = await readExport(temp("cr.csv", 'Name;Notes\r"Acme";"a\rb"\r\rGlobex;x\r'));
    expect(t.records.map((r) => [r.line, r.cells[0]])).toEqual([[2, "Acme"], [5, "Globex"]]);
  });

  it("keeps quotes inside unquoted fields as data", async () => {
    const t = await readExport(edge("unquoted-quotes.csv"));
    expect(t.delimiter).toBe(";");
    expect(t.records.map((r) => r.cells[1])).toEqual(['ООО "Ромашка"', '"Вектор" ООО', 'ЗАО "Ландыш" (филиал "Север")']);
  });

  it("keeps a short record short and a long one long (the records stage judges them)", async () => {
    const t = await readExport(edge("extra-fields.csv"));
    expect(t.records.map((r) => r.cells.length)).toEqual([3, 5, 6, 2]);
  });

  it("skips an Excel sep= line and takes its delimiter", async () => {
    const t = await readExport(edge("excel-sep-line.csv"));
    expect(t.delimiter).toBe(";");
    expect(t.headerLine).toBe(2);
    expect(t.header).toEqual(["Name", "City"]);
    expect(t.records[0]).toEqual({ line: 3, cells: ["Acme Corp", "Boston"] });
  });

  it("finds the header below a report's title, padded with delimiters by a spreadsheet or not, and keeps the file's line numbers", async () => {
    const report = await readExport(edge("1c-report-title.csv"));
    expect(report).toMatchObject({ encoding: "windows-1251", delimiter: ";", headerLine: 5, titleLines: 4 });
    expect(report.header.slice(0, 3)).toEqual(["Код", "Наименование", "Полное наименование"]);
    expect(report.records[0]).toMatchObject({ line: 6, cells: expect.arrayContaining(["00-00001001", "Технолит АО"]) });
    expect(report.records).toHaveLength(7); // six companies and the padded blank line at the end (the records stage drops it)

    const plain = await readExport(temp("title.csv", "Список контрагентов\nСформирован: 01.11.2026 10:15\n\nНаименование;ИНН;Ответственный;Телефон\nООО «Ромашка»;6658021032;Иванов;+7 343 234-61-78\nАО «Вектор»;7707083893;Петрова;\n"));
    expect(plain).toMatchObject({ delimiter: ";", headerLine: 4, titleLines: 3, header: ["Наименование", "ИНН", "Ответственный", "Телефон"] });
    expect(plain.records.map((r) => r.line)).toEqual([5, 6]);

    const sep = await readExport(temp("sep-title.csv", "sep=,\r\nClients,,\r\nName,City,Owner\r\nAcme,Boston,Bob\r\n"));
    expect(sep).toMatchObject({ delimiter: ",", headerLine: 3, titleLines: 1, header: ["Name", "City", "Owner"] });
    expect(sep.records[0]).toEqual({ line: 4, cells: ["Acme", "Boston", "Bob"] });
  });

  it("takes no title where the first line may be the header: one column, two named columns, or a ragged table", async () => {
    // One column whose names hold commas: "Company" is its header, not a title above "Acme, Inc".
    const one = await readExport(temp("one.csv", "Company\nAcme, Inc\nGlobex, LLC\nInitech, Ltd\n"));
    expect(one).toMatchObject({ headerLine: 1, titleLines: 0, header: ["Company"] });
    expect(one.records).toHaveLength(3);
    // A line of one cell above two named columns: too little to call it a title.
    const two = await readExport(temp("two.csv", "Clients\nName,City\nAcme,Boston\nGlobex,Austin\n"));
    expect(two).toMatchObject({ headerLine: 1, titleLines: 0 });
    // Under the would-be header, most records of another width: not a table's header.
    const ragged = await readExport(temp("ragged.csv", "Notes\nA,B,C\nx\ny\nz,w\n"));
    expect(ragged).toMatchObject({ headerLine: 1, titleLines: 0 });
  });

  it("counts leading blank lines before the header", async () => {
    const t = await readExport(temp("lead.csv", "\n\nName,City\nAcme,Boston\n"));
    expect(t.headerLine).toBe(3);
    expect(t.records[0]!.line).toBe(4);
  });

  it("returns no records for a header-only file", async () => {
    const t = await readExport(edge("header-only.csv"));
    expect(t.header).toEqual(["ID", "Название компании", "Телефон", ""]);
    expect(t.records).toEqual([]);
  });

  it("reads a 2 MB field", async () => {
    const big = "Примечание ".repeat(200_000);
    const t = await readExport(temp("big.csv", `Name;Notes;City\nAcme;"${big}";Boston\nGlobex;x;Austin\n`));
    expect(t.records[0]!.cells[1]).toBe(big);
    expect(t.records[1]).toEqual({ line: 3, cells: ["Globex", "x", "Austin"] });
  });

  it("honours --encoding and --delimiter", async () => {
    const p = temp("forced.csv", iconv.encode("Название|Город\nРомашка|Москва\n", "koi8-r"));
    const t = await readExport(p, { encoding: "koi8r", delimiter: "|" });
    expect(t.encoding).toBe("koi8-r");
    expect(t.records[0]!.cells).toEqual(["Ромашка", "Москва"]);
    const tab = await readExport(temp("tab.csv", "a\tb,c\n1\t2,3\n"), { delimiter: "tab" });
    expect(tab.header).toEqual(["a", "b,c"]);
  });
});

describe("readExport fatal errors", () => {
  it("names a missing file", async () => {
    const e = await failure(readExport(join(dir, "nope.csv")));
    expect(e.code).toBe("input");
    expect(e.exitCode).toBe(3);
    expect(e.message).toContain("nope.csv");
  });

  it("refuses an empty file and a blank one", async () => {
    expect((await failure(readExport(edge("empty.csv")))).message).toContain("empty.csv is empty");
    expect((await failure(readExport(temp("blank.csv", "\ufeff\r\n\r\n")))).code).toBe("input");
  });

  it("refuses a binary file", async () => {
    const e = await failure(readExport(edge("clients.xlsx")));
    expect(e.code).toBe("input");
    expect(e.message).toMatch(/clients\.xlsx is an Excel workbook \(\.xlsx\), not a CSV file; save it as CSV/);
    const ctl = Buffer.alloc(400, 0x01);
    ctl.write("Name,City\n");
    expect((await failure(readExport(temp("ctl.csv", ctl)))).message).toMatch(/not a text export/);
  });

  it("says which format a file mistaken for an export is in, and what to do", async () => {
    const zip = (name: string, body: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), Buffer.alloc(16), Buffer.from(name + body, "latin1")]);
    const cases: [string, Buffer, RegExp][] = [
      ["book.dat", zip("[Content_Types].xml", "\x01\x02xl/workbook.xml"), /book\.dat is an Excel workbook \(\.xlsx\)/],
      ["book.zip", zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), /book\.zip is an OpenDocument spreadsheet \(\.ods\).*LibreOffice/],
      ["export.zip", zip("clients.csv", "\x01\x02\x03"), /export\.zip is a zip archive, not a CSV file; unpack the CSV from it/],
      ["old.xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /old\.xls is an Excel 97-2003 workbook \(\.xls\)/],
      ["report.pdf", Buffer.from("%PDF-1.7\n%\xe2\xe3\n1 0 obj", "latin1"), /report\.pdf is a PDF document/],
      ["clients.csv.gz", Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x4b, 0x4c]), /clients\.csv\.gz is gzip-compressed; unpack it/],
    ];
    for (const [name, bytes, message] of cases) {
      const e = await failure(readExport(temp(name, bytes)));
      expect(e.code, name).toBe("input");
      expect(e.message, name).toMatch(message);
    }
    // A text export that happens to begin with the same letters is read as one.
    expect((await readExport(temp("pk.csv", "PK,Name\n1,Acme\n"))).records).toHaveLength(1);
  });

  it("names the line of a quote that never closes", async () => {
    const e = await failure(readExport(temp("open.csv", 'Name,Notes\nAcme,ok\nGlobex,"never\nclosed\nInitech,x\n')));
    expect(e.code).toBe("input");
    expect(e.message).toContain("open.csv: line 3");
  });

  it("rejects an unknown --encoding and a bad --delimiter as usage errors", async () => {
    expect((await failure(readExport(edge("odoo-contacts.csv"), { encoding: "klingon-8" }))).code).toBe("usage");
    expect(() => resolveDelimiter(";;")).toThrow(SegmentError);
  });
});

describe("encoding detection", () => {
  const russian =
    'ID;Название компании;Телефон;Ответственный;Комментарий\n' +
    '101;ООО "Ромашка";+7 (343) 123-45-67;Иванов Сергей;Постоянный клиент, просит звонить после обеда\n' +
    '102;АО «Уралмаш»;+7 (343) 555-00-00;Смирнова Ольга;Новый контакт с выставки в Екатеринбурге\n';
  it.each([
    ["windows-1251", "win1251"],
    ["koi8-r", "koi8-r"],
    ["ibm866", "cp866"],
    ["x-mac-cyrillic", "maccyrillic"],
  ])("tells %s apart by the letters it yields", (name, iconvName) => {
    expect(guessSingleByte(iconv.encode(russian, iconvName)).name).toBe(name);
  });

  it("takes an upper-case Russian name in cp1251, not KOI8-R", () => {
    expect(guessSingleByte(iconv.encode('ООО "ТОРГОВЫЙ ДОМ УРАЛ";ЕКАТЕРИНБУРГ\n', "win1251")).name).toBe("windows-1251");
  });

  it("is not outvoted by one huge cell of one word repeated (a call log pasted into a comment)", () => {
    const head = "ID;Название компании;Ответственный;Комментарий\n1;ООО «Ромашка»;Иванов Сергей;Перезвонить в среду\n";
    const log = "Звонок. ".repeat(20_000); // 160,000 characters, one line: only З tells cp1251 from Mac Cyrillic
    const text = head + `2;АО «Вектор»;Петрова Анна;${log}\n3;ИП Сидоров;Иванов Сергей;Нужен счёт\n`;
    expect(guessSingleByte(iconv.encode(text, "win1251")).name).toBe("windows-1251");
  });

  it("tells Romanian in cp1250 from French in cp1252", () => {
    const ro = "Denumire;Județ\nSC Construcţii Bucureşti SRL;Argeş\nÎntreprindere Ştefănescu;Timiş\n".replace(/ț/g, "ţ");
    expect(guessSingleByte(iconv.encode(ro, "win1250")).name).toBe("windows-1250");
    const fr = "Société;Ville\nCafé Crème SARL;Genève\nÉlectricité Générale;Besançon\n";
    expect(guessSingleByte(iconv.encode(fr, "win1252")).name).toBe("windows-1252");
  });

  it("reads a cp1251 file end to end and reports its WHATWG name", async () => {
    const t = await readExport(temp("ru.csv", iconv.encode(russian, "win1251")));
    expect(t.encoding).toBe("windows-1251");
    expect(t.records[1]!.cells[1]).toBe("АО «Уралмаш»");
  });

  it("resolves common --encoding spellings", () => {
    expect(resolveEncoding("cp1251").name).toBe("windows-1251");
    expect(resolveEncoding("WIN1251").name).toBe("windows-1251");
    expect(resolveEncoding("utf8").name).toBe("utf-8");
    expect(resolveEncoding("UTF-16").name).toBe("utf-16le");
    expect(resolveEncoding("latin1").name).toBe("windows-1252");
  });
});

describe("delimiter sniffing", () => {
  it("prefers the delimiter that is steady across lines, honouring quotes", () => {
    expect(sniffDelimiter('Name;Notes;City\nAcme;"a; b; c";Boston\nGlobex;plain, text;Austin\n')).toBe(";");
    expect(sniffDelimiter('"Name","Notes"\n"Acme","a; b; c"\n"Globex","x;y"\n')).toBe(",");
    expect(sniffDelimiter("Name|City\nAcme, Inc|Boston\nGlobex|Austin, TX\n")).toBe("|");
    expect(sniffDelimiter("Name\tCity\nAcme; Inc\tBoston\n")).toBe("\t");
  });

  it("reads the delimiter from the table below a title, and prefers a reading whose header comes first", () => {
    expect(sniffDelimiter("Список контрагентов\nСформирован: 01.11.2026\nНаименование;ИНН;Город\nРомашка;6658021032;Пермь, Россия\nВектор;7707083893;Казань\n")).toBe(";");
    // `,` would read a title above `Acme, Inc|…`; `|` reads the header on the first line.
    expect(sniffDelimiter("Name|City|Owner\nAcme, Inc|Boston, MA|Bob\nGlobex, LLC|Austin, TX|Ann\n")).toBe("|");
  });
});

describe("readToolCsv", () => {
  it("reads a managers file saved by a spreadsheet with ; and a BOM", () => {
    const p = temp("managers.csv", "\ufeff Name ;Capacity;Aliases\r\nИванов Сергей;2;s.ivanov@firm.ru\r\n\r\nСмирнова Ольга;1;'-olga\r\n");
    const t = readToolCsv(p, "managers");
    expect(t.delimiter).toBe(";");
    expect(t.header).toEqual(["name", "capacity", "aliases"]);
    expect(t.rows).toEqual([
      { line: 2, cells: ["Иванов Сергей", "2", "s.ivanov@firm.ru"] },
      { line: 4, cells: ["Смирнова Ольга", "1", "-olga"] },
    ]);
  });

  it("strips exactly one guarding apostrophe before = + - @ tab CR", () => {
    const p = temp("prev.csv", "client_id,manager,note\n1,'=HYPERLINK(),'@home\n2,''+x,'plain\n3,\"'\tx\",a\n");
    const t = readToolCsv(p, "--previous");
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["1", "=HYPERLINK()", "@home"],
      ["2", "''+x", "'plain"],
      ["3", "\tx", "a"],
    ]);
  });

  it("names a managers list kept as a workbook as one, with what to do", () => {
    const xls = temp("managers.xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    expect(() => readToolCsv(xls, "managers")).toThrow(/^The managers file .*managers\.xls is an Excel 97-2003 workbook \(\.xls\), not a CSV file; save it as CSV/);
  });

  it("names what is missing", () => {
    expect(() => readToolCsv(join(dir, "locks.csv"), "--locks")).toThrow(/--locks file .*locks\.csv does not exist/);
    try {
      readToolCsv(join(dir, "locks.csv"), "--locks");
    } catch (e) {
      expect((e as SegmentError).code).toBe("usage");
    }
  });
});

describe("a UTF-8 export with a stray byte", () => {
  it("stays UTF-8 rather than turning every Cyrillic letter into mojibake", async () => {
    const good = Buffer.from("Название компании;Город\n" + 'ООО "Ромашка";Екатеринбург\n'.repeat(5) + "ИП Петров;Пермь", "utf8");
    const t = await readExport(temp("stray.csv", Buffer.concat([good, Buffer.from([0xe9]), Buffer.from("\n", "utf8")])));
    expect(t.encoding).toBe("utf-8");
    expect(t.records[0]!.cells).toEqual(['ООО "Ромашка"', "Екатеринбург"]);
    expect(t.records[5]!.cells[1]).toBe("Пермь\ufffd");
  });

  it("still reads a cp1251 file as cp1251", async () => {
    const t = await readExport(temp("cp.csv", iconv.encode("Название компании;Город\n" + 'ООО "Ромашка";Екатеринбург\n'.repeat(40), "win1251")));
    expect(t.encoding).toBe("windows-1251");
  });
});

describe("single-byte chunks: the platform decoder where it agrees with iconv-lite", () => {
  // Every byte, then text-like runs with each byte value sprinkled in (a seeded generator: the same buffers each run).
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const samples = [every, ...Array.from({ length: 40 }, (_, k) => Buffer.from(Array.from({ length: 3000 }, (_, i) => (i === 1500 ? (k * 7) % 256 : next() < 0.9 ? 0xc0 + Math.floor(next() * 64) : Math.floor(next() * 128)))))];

  it.each(["windows-1251", "windows-1252", "windows-1250", "cp866", "koi8-r", "iso-8859-5", "windows-1257", "maccyrillic"])("%s: the characters iconv-lite gives, chunk by chunk", (name) => {
    const decode = singleByteDecoder(name);
    for (const bytes of samples) expect(decode(bytes)).toBe(iconv.decode(bytes, name));
  });

  it("gives Windows-1251's unassigned 0x98 as iconv-lite does (U+FFFD), also inside a chunk of Cyrillic", () => {
    const decode = singleByteDecoder("windows-1251");
    expect(decode(Buffer.from([0xce, 0xce, 0xce, 0x20, 0x98, 0x20, 0xd0]))).toBe("ООО \ufffd Р");
    expect(decode(Buffer.from([0xce, 0xce, 0xce, 0x20, 0xd0]))).toBe("ООО Р");
  });
});
