import { describe, expect, it } from "vitest";
import temperature, { hasPurchaseEvidence, isEngaged, temperatureAdvice } from "../../src/segmenters/temperature.js";
import { makeClient, testSegmenter } from "../../src/segmenters/tester.js";
import type { Field } from "../../src/types.js";

const hubspotMapped = new Set<Field>(["name", "owner", "status", "last_activity_at", "industry"]);
const bitrixWithDeals = new Set<Field>(["name", "owner", "company_type", "deals_won", "revenue_won"]);

describe("temperature", () => {
  it("hot on won deals, won revenue or a purchase date; warm on activity; cold otherwise", () => {
    const [r] = testSegmenter(temperature, [
      {
        name: "bitrix24 with purchase fields",
        ctx: { mapped: new Set<Field>(["name", "deals_won", "revenue_won", "last_purchase_at", "activity_count", "last_activity_at", "company_type"]) },
        clients: [
          makeClient("101", { name: "ООО «Уралхиммаш»", deals_won: "2", revenue_won: "1500000" }),
          makeClient("102", { name: "АО «Сибирский цемент»", last_purchase_at: "2025-11-14" }),
          makeClient("103", { name: "ИП Петров", activity_count: "5", last_activity_at: "2026-03-02" }),
          makeClient("104", { name: "ООО «Ромашка»", company_type: "Клиент" }),
          makeClient("105", { name: "ЗАО «Гранит»", deals_won: "0", revenue_won: "0", activity_count: "0" }),
        ],
        expected: {
          "101": { label: "hot", reason: "2 won deals, won revenue 1500000" },
          "102": { label: "hot", reason: "last purchase 2025-11-14" },
          "103": { label: "warm", reason: "5 activities, last activity 2026-03-02" },
          // Bitrix24 marks companies `Клиент` by default: not evidence where purchases are mapped.
          "104": "cold",
          "105": "cold",
        },
      },
    ]);
    expect(r!.get("105")!.reason).toBe("no purchase, activity or engaged status");
  });

  it("a customer status is purchase evidence only where no purchase field is mapped", () => {
    testSegmenter(temperature, [
      {
        name: "hubspot companies export",
        ctx: { mapped: hubspotMapped },
        clients: [
          makeClient("9001", { name: "Acme Robotics", status: "Customer" }),
          makeClient("9002", { name: "Globex", status: "customer" }),
          makeClient("9003", { name: "Initech", status: "Marketing Qualified Lead" }),
          makeClient("9004", { name: "Umbrella", status: "salesqualifiedlead" }),
          makeClient("9005", { name: "Hooli", status: "Opportunity" }),
          makeClient("9006", { name: "Vandelay", status: "Subscriber" }),
          makeClient("9007", { name: "Stark", status: "Lead" }),
        ],
        expected: {
          "9001": { label: "hot", reason: "customer status \"Customer\"" },
          "9002": "hot",
          "9003": { label: "warm", reason: "engaged status" },
          "9004": "warm",
          "9005": "warm",
          "9006": "cold",
          "9007": "cold",
        },
      },
      {
        name: "salesforce accounts report: type and rating",
        ctx: { mapped: new Set<Field>(["name", "owner", "status", "region", "last_activity_at"]), dialect: "salesforce" },
        clients: [
          makeClient("001A", { name: "Burlington Textiles", status: "Customer - Direct" }),
          makeClient("001B", { name: "Edge Communications", status: "Customer - Channel" }),
          makeClient("001C", { name: "Pyramid Construction", status: "Prospect", last_activity_at: "2026-04-10" }),
          makeClient("001D", { name: "Dickenson plc", status: "Prospect" }),
          // A rating is never evidence.
          makeClient("001E", { name: "Grand Hotels", status: "Hot" }),
          makeClient("001F", { name: "United Oil", status: "Channel Partner / Reseller" }),
        ],
        expected: { "001A": "hot", "001B": "hot", "001C": "warm", "001D": "cold", "001E": "cold", "001F": "cold" },
      },
      {
        name: "pipedrive labels and odoo tags in tags; romanian status",
        ctx: { mapped: new Set<Field>(["name", "owner", "status"]) },
        clients: [
          makeClient("7", { name: "Transilvania Logistic SRL" }, { tags: ["Customer"] }),
          makeClient("8", { name: "Carpați Mobila SRL" }, { tags: ["Warm lead"] }),
          makeClient("9", { name: "Dacia Parts SRL" }, { tags: ["Hot lead"] }),
          makeClient("10", { name: "Agroind Cluj SA", status: "Client" }),
          makeClient("11", { name: "Bitrix Ltd", company_type: "Клиент" }),
          makeClient("12", { name: "Mures Lemn SRL", status: "Client potențial" }),
        ],
        expected: { "7": "hot", "8": "warm", "9": "cold", "10": "hot", "11": "hot", "12": "cold" },
      },
    ]);
  });

  it("speaks the run's language and takes configured statuses", () => {
    const [ru, custom] = testSegmenter(temperature, [
      {
        name: "russian reasons",
        ctx: { lang: "ru", mapped: bitrixWithDeals },
        clients: [makeClient("1", { name: "ООО «Вектор»", deals_won: "3" }), makeClient("2", { name: "ООО «Арго»", last_activity_at: "2026-03-02" })],
        expected: { "1": { label: "hot", reason: "выигранных сделок: 3" }, "2": { label: "warm", reason: "последняя активность 2026-03-02" } },
      },
      {
        name: "configured engaged status",
        ctx: { lang: "ro", mapped: new Set<Field>(["name", "status"]) },
        options: { engagedStatuses: ["În negociere"], customerStatuses: ["Client activ"] },
        clients: [
          makeClient("1", { name: "Electrica Nord SRL", status: "in negociere" }),
          makeClient("2", { name: "Fabrica de Lapte SA", status: "Client activ" }),
          makeClient("3", { name: "Opportunity Corp", status: "Opportunity" }),
        ],
        expected: { "1": "warm", "2": "hot", "3": "cold" },
      },
    ]);
    expect(ru!.get("1")!.reason).not.toMatch(/won/);
    expect(custom!.get("2")!.reason).toContain("statut de client");
  });

  it("exports the evidence checks used for dead souls", () => {
    const customer = makeClient("1", { name: "Acme", status: "Customer" });
    expect(hasPurchaseEvidence(customer, hubspotMapped)).toBe(true);
    expect(hasPurchaseEvidence(customer, bitrixWithDeals)).toBe(false);
    expect(hasPurchaseEvidence(makeClient("2", { name: "X", revenue_won: "12.5" }), bitrixWithDeals)).toBe(true);
    expect(isEngaged(makeClient("3", { name: "Y", status: "Sales Qualified Lead" }))).toBe(true);
    expect(isEngaged(makeClient("4", { name: "Z", status: "Prospect" }))).toBe(false);
    expect(isEngaged(makeClient("5", { name: "Z", status: "Prospect", activity_count: "2" }))).toBe(true);
    expect(isEngaged(makeClient("6", { name: "W", status: "Hot" }))).toBe(false);
  });

  it("gives advice per group, the config's text first", () => {
    const ru = temperatureAdvice("ru");
    expect(ru.cold).toMatch(/Познакомиться/);
    expect(ru.warm).toMatch(/сотрудничеств/);
    expect(ru.hot).toMatch(/Удержать/);
    const own = temperatureAdvice("ro", { advice: { cold: "Sunați-i", hot: { en: "Keep", ro: "Păstrați" } } });
    expect(own).toEqual({ cold: "Sunați-i", hot: "Păstrați", warm: temperatureAdvice("ro").warm });
    expect(temperatureAdvice("ru", { advice: { hot: { en: "Keep" } } }).hot).toBe(ru.hot);
  });
});
