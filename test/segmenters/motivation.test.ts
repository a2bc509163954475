import { describe, expect, it } from "vitest";
import motivation from "../../src/segmenters/motivation.js";
import { makeClient, testSegmenter } from "../../src/segmenters/tester.js";

const notes = (id: string, text: string, motivationColumn = "") => makeClient(id, { name: `Client ${id}`, notes: text, motivation: motivationColumn });

describe("motivation", () => {
  it("reads cues by stems in Russian, Romanian and English", () => {
    const [r] = testSegmenter(motivation, [
      {
        name: "single-motivation notes",
        clients: [
          notes("ru-price", "Просят скидку на объём, сравнивают цены с конкурентами"),
          notes("ru-service", "Важно сервисное обслуживание и быстрый ремонт по гарантии"),
          notes("ru-quality", "Главное — качество и надёжность оборудования"),
          notes("ru-delivery", "Сорвали сроки поставки в прошлом году, нужна доставка до склада"),
          notes("ru-rel", "Директор — личный знакомый, доверяет нам"),
          notes("ro-price", "Caută prețuri mici, cer reducere de 10%"),
          notes("ro-quality", "Calitatea contează, vor echipamente fiabile"),
          notes("ro-delivery", "Livrare rapidă, termen de 3 zile"),
          notes("en-service", "Needs on-site maintenance and 24/7 support"),
          notes("en-rel", "Long relationship, they trust our account manager"),
          notes("en-delivery", "Lead time is critical, must ship on time"),
        ],
        expected: {
          "ru-price": "price",
          "ru-service": "service",
          "ru-quality": "quality",
          "ru-delivery": "delivery",
          "ru-rel": "relationship",
          "ro-price": "price",
          "ro-quality": "quality",
          "ro-delivery": "delivery",
          "en-service": "service",
          "en-rel": "relationship",
          "en-delivery": "delivery",
        },
      },
    ]);
    expect(r!.get("ru-price")!.reason).toBe('notes: price ×2 ("скидку", "цены")');
  });

  it("reads downtime and spare parts as service, and counts a phrase once", () => {
    const [r] = testSegmenter(motivation, [
      {
        name: "downtime",
        clients: [
          notes("en", "Downtime is killing them, they need fast service and spare parts in stock"),
          notes("ru", "Жалуются на простои станков"),
          notes("ru2", "Много простоев, нужны запчасти"),
          notes("ro", "Au nevoie de piese de schimb"),
          notes("simple", "Простой заказ, без особых условий"),
        ],
        expected: { en: "service", ru: "service", ru2: "service", ro: "service", simple: "unknown" },
      },
    ]);
    expect(r!.get("en")!.reason).toBe('notes: service ×3 ("downtime", "service", "spare parts"), delivery ×2 ("fast", "in stock")');
  });

  it("does not read price into words that only begin like it", () => {
    testSegmenter(motivation, [
      {
        name: "центр, ценят",
        clients: [
          notes("1", "Офис в бизнес-центре, ценят качество"),
          notes("2", "Ценный клиент, торговый центр в Екатеринбурге"),
        ],
        expected: { "1": "quality", "2": "unknown" },
      },
    ]);
  });

  it("handles negation and reads what the rest of the sentence says", () => {
    const [r] = testSegmenter(motivation, [
      {
        name: "negated cues",
        clients: [
          notes("1", "Не важна цена, главное сервис"),
          notes("2", "Цена не главное, важнее качество"),
          notes("3", "Price is not an issue as long as delivery is fast"),
          notes("4", "Nu contează prețul, vor calitate"),
          notes("5", "Цена не важна"),
          notes("6", "Не только цена, но и сроки поставки и скидки"),
          notes("7", "Не цена, а отношения"),
        ],
        expected: {
          "1": "service",
          "2": "quality",
          "3": "delivery",
          "4": "quality",
          "5": { label: "unknown", reason: 'ignored as negated: "цена"' },
          // `не только` is no negation: price twice beats delivery twice by the tie order.
          "6": "price",
          "7": "relationship",
        },
      },
    ]);
    expect(r!.get("2")!.reason).toContain('ignored as negated: "цена"');
  });

  it("an explicit motivation column beats the notes; ties go service, price, relationship, quality, delivery", () => {
    testSegmenter(motivation, [
      {
        name: "column and ties",
        ctx: { lang: "ru" },
        clients: [
          notes("1", "Просят скидку и низкие цены", "Качество"),
          notes("2", "Просят скидку", "Preț"),
          notes("3", "Quality and price both matter"),
          notes("4", "Delivery and relationship"),
          notes("5", "Сервис и цена"),
          notes("6", "Быстро отвечают на звонки", "что-то непонятное"),
          notes("7", ""),
        ],
        expected: {
          "1": { label: "quality", reason: "поле мотивации «Качество»: качество" },
          "2": "price",
          "3": "price",
          "4": "relationship",
          "5": "service",
          "6": "delivery",
          "7": { label: "unknown", reason: "нет признаков мотивации" },
        },
      },
    ]);
  });

  it("takes extra stems from options", () => {
    testSegmenter(motivation, [
      {
        name: "custom cue",
        options: { cues: { delivery: ["logistics"] }, exclusions: ["supporter"] },
        clients: [notes("1", "Logistics matter most"), notes("2", "A supporter of our brand"), notes("3", "Needs support")],
        expected: { "1": "delivery", "2": "unknown", "3": "service" },
      },
    ]);
    expect(motivation.options.safeParse({ cues: { speed: ["fast"] } }).success).toBe(false);
  });
});

describe("motivation over a large base", () => {
  // Notes as a CRM holds them: some written from templates (they repeat), most a client's own.
  const CUES = ["просят скидку", "важен сервис и ремонт", "главное качество", "нужна быстрая поставка", "директор доверяет нам", "не просят скидку, важны сроки поставки", ""];
  const text = (i: number) => `${CUES[i % CUES.length]}; звонок ${i}, договорились о встрече ${i % 31}.`;

  it("classifies notes that never repeat as it does notes that do", () => {
    // 6,000 clients of their own notes, then 600 whose notes repeat earlier ones
    const clients = Array.from({ length: 6000 }, (_, i) => notes(`u${i}`, text(i), i % 97 === 0 ? "цена" : ""));
    for (let i = 0; i < 600; i++) clients.push(notes(`r${i}`, text(i * 7), (i * 7) % 97 === 0 ? "цена" : ""));
    const [all] = testSegmenter(motivation, [{ name: "a large base", clients }]);
    // the same texts a few at a time
    const sample = [0, 1, 2, 3, 4, 5, 6, 97, 4095, 4096, 4097, 5999].flatMap((i) => [clients[i]!, clients.find((c) => c.id === `r${Math.floor(i / 7)}`)!].filter((c) => c !== undefined));
    const [few] = testSegmenter(motivation, [{ name: "a few", clients: [...new Map(sample.map((c) => [c.id, c])).values()] }]);
    expect(few!.size).toBeGreaterThan(12);
    for (const [id, seg] of few!) expect(all!.get(id), id).toEqual(seg);
    for (let i = 0; i < 600; i++) expect(all!.get(`r${i}`), `r${i}`).toEqual(all!.get(`u${i * 7}`));
    expect(new Set([...all!.values()].map((s) => s.label))).toEqual(new Set(["price", "service", "quality", "delivery", "relationship", "unknown"]));
  });
});
