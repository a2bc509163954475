#!/usr/bin/env node
// A heavier variant of a Bitrix24 bench export (UTF-8, `;`, every cell quoted), for memory and speed checks on rows
// as wide as real ones: `node scripts/heavy-export.mjs --from FILE --out FILE [--columns 25] [--note-chars 200]`.
//   --columns N     N more columns, as a Bitrix24 portal adds them (source, UTM tags, custom fields): mostly empty,
//                   a few filled, one with a long text; none of them mapped.
//   --note-chars N  each company's comment (`Комментарий`) gets N more characters of call notes and a call number, so
//                   every note is its own, as in a real base (the generator's notes are a few templates).
//   --one-phone     every company's phone (`Телефон`) becomes one switchboard number, so that every client shares a
//                   contact with every other owner's clients (the shared-contact conflicts were once quadratic in it).
// Rows keep their order and every other cell; the planted duplicates, owners and dead souls stay as they were.
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";

function arg(name, fallback) {
  const i = process.argv.indexOf("--" + name);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const from = arg("from");
const to = arg("out");
const columns = Number(arg("columns", "0"));
const noteChars = Number(arg("note-chars", "0"));
const onePhone = process.argv.includes("--one-phone");
if (!from || !to || !(columns >= 0 && columns <= 30) || !(noteChars >= 0)) {
  process.stderr.write("usage: heavy-export.mjs --from FILE --out FILE [--columns 0-30] [--note-chars N] [--one-phone]\n");
  process.exit(2);
}

const EXTRA = [
  "Источник", "Дополнительно об источнике", "Создал", "Изменил", "UTM Source", "UTM Medium", "UTM Campaign", "UTM Content",
  "UTM Term", "Банковские реквизиты", "Юридический адрес", "ОГРН", "Руководитель", "Должность руководителя",
  "Доступен для всех", "Мессенджер", "Соцсеть", "Пользовательское поле 1", "Пользовательское поле 2",
  "Пользовательское поле 3", "Пользовательское поле 4", "Пользовательское поле 5", "Пользовательское поле 6",
  "Пользовательское поле 7", "Пользовательское поле 8", "Пользовательское поле 9", "Пользовательское поле 10",
  "Пользовательское поле 11", "Пользовательское поле 12", "Пользовательское поле 13",
].slice(0, columns);
const LONG = "Клиент интересовался поставкой оборудования, просил коммерческое предложение и сроки, обсуждали монтаж и сервисное обслуживание, ждут бюджет на следующий квартал. ";
const CALLS =
  "Звонили главному инженеру, интересуются модернизацией линии, просили КП на сервисный контракт и запасные части; " +
  "повторный звонок после утверждения бюджета, конкуренты предлагают скидку 7%. ";
const extraCell = (name, n) => {
  switch (name) {
    case "Источник": return "Сайт";
    case "Создал": case "Изменил": return "Мария Соколова";
    case "Юридический адрес": return `640030, Курганская область, г. Курган, ул. Ленина, д. ${n % 97}`;
    case "Руководитель": return "Иванов Иван Иванович";
    case "Доступен для всех": return "Да";
    case "Пользовательское поле 1": return LONG.repeat(2).slice(0, 200 + (n % 37));
    default: return "";
  }
};

const out = createWriteStream(to);
const rl = createInterface({ input: createReadStream(from), crlfDelay: Infinity });
let n = 0;
let noteAt = -1;
let phoneAt = -1;
let width = 0;
let buf = [];
for await (const line of rl) {
  let l = line;
  if (n === 0) {
    const header = line.replace(/^\ufeff/, "").split(";").filter((h) => h !== "").map((h) => h.replace(/^"|"$/g, ""));
    width = header.length;
    noteAt = header.indexOf("Комментарий");
    if (noteAt < 0 && noteChars > 0) throw new Error(`${from}: no "Комментарий" column to lengthen`);
    phoneAt = header.indexOf("Телефон");
    if (phoneAt < 0 && onePhone) throw new Error(`${from}: no "Телефон" column`);
    l = line + EXTRA.map((h) => `"${h}";`).join("");
  } else if (line.startsWith('"')) {
    const cells = line.split('";"');
    // A record on one line (a cell with a line break of its own leaves the record as it is)
    if (cells.length >= width) {
      if (onePhone) cells[phoneAt] = (phoneAt === 0 ? '"' : "") + "+7 (495) 123-45-67";
      if (noteChars > 0) cells[noteAt] = `${cells[noteAt]} ${CALLS.repeat(Math.ceil((noteChars + 50) / CALLS.length)).slice(n % 50, (n % 50) + noteChars)} звонок ${n}`;
      l = cells.join('";"') + EXTRA.map((h) => `"${extraCell(h, n)}";`).join("");
    }
  }
  buf.push(l);
  n++;
  if (buf.length >= 5000) {
    if (!out.write(buf.join("\n") + "\n")) await new Promise((r) => out.once("drain", r));
    buf = [];
  }
}
out.end(buf.join("\n") + "\n");
