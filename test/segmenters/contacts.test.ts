import { describe, expect, it } from "vitest";
import contacts from "../../src/segmenters/contacts.js";
import { makeClient, testSegmenter } from "../../src/segmenters/tester.js";
import type { Person } from "../../src/types.js";

const person = (name: string, role: string, emails: string[] = []): Person => ({ line: 7, name, role, phones: [], emails });

describe("contacts", () => {
  it("labels the strongest role among contact_role and the people's rows", () => {
    const [r] = testSegmenter(contacts, [
      {
        name: "roles in three languages",
        clients: [
          makeClient("1", { name: "ООО «Уралхиммаш»", contact_name: "Иванов Сергей Петрович", contact_role: "Генеральный директор" }),
          makeClient("2", { name: "АО «Сибцем»", contact_role: "Главный инженер" }),
          makeClient("3", { name: "ООО «Вектор»", contact_role: "Начальник отдела снабжения" }),
          makeClient("4", { name: "Dacia Parts SRL", contact_role: "Administrator" }),
          makeClient("5", { name: "Carpați Mobila SRL", contact_role: "Specialist achiziții" }),
          makeClient("6", { name: "Acme Robotics", contact_role: "VP of Operations" }),
          makeClient("7", { name: "Globex", contact_role: "Purchasing Manager" }),
          makeClient("8", { name: "Initech", contact_role: "Senior Process Engineer" }),
          makeClient("9", { name: "ООО «Арго»" }, {
            contacts: [person("Петрова Анна", "Менеджер по закупкам"), person("Сидоров Олег", "Технолог"), person("Кузнецов Илья", "Собственник")],
          }),
          makeClient("10", { name: "Mures Lemn SRL", contact_role: "Inginer șef" }, { contacts: [person("Ion Pop", "Aprovizionare")] }),
        ],
        expected: {
          "1": { label: "decision_maker", reason: 'decision maker: "Генеральный директор" (Иванов Сергей Петрович)' },
          "2": "chooser",
          "3": "buyer",
          "4": "decision_maker",
          "5": "buyer",
          "6": "decision_maker",
          "7": "buyer",
          "8": "chooser",
          "9": { label: "decision_maker", reason: "Собственник" },
          "10": "chooser",
        },
      },
    ]);
    expect(r!.size).toBe(10);
  });

  it("gives a senior title the role of the function it names: a head of any, a director of buying", () => {
    const titles: Record<string, string> = {
      "Руководитель отдела закупок": "buyer",
      "Директор по закупкам": "buyer",
      "Head of Procurement": "buyer",
      "Director achiziții": "buyer",
      "VP Purchasing": "buyer",
      "Head of Maintenance": "chooser",
      "Руководитель инженерной службы": "chooser",
      "Технический директор": "decision_maker",
      "Director tehnic": "decision_maker",
      "Руководитель": "decision_maker",
      "Генеральный директор, руководитель закупок": "decision_maker",
      "Owner, head of purchasing": "decision_maker",
    };
    testSegmenter(contacts, [
      {
        name: "senior titles with a function",
        clients: Object.keys(titles).map((t, i) => makeClient(String(i), { name: `Client ${i}`, contact_role: t })),
        expected: Object.fromEntries(Object.values(titles).map((label, i) => [String(i), label])),
      },
    ]);
  });

  it("an assistant is not a decision maker, and short words match whole words only", () => {
    testSegmenter(contacts, [
      {
        name: "gatekeepers and abbreviations",
        clients: [
          makeClient("1", { name: "ООО «Гранит»", contact_role: "Помощник генерального директора" }),
          makeClient("2", { name: "Hooli", contact_role: "Executive Assistant to the CEO" }),
          makeClient("3", { name: "Stark", contact_role: "CEO" }),
          makeClient("4", { name: "Wayne", contact_role: "Item specialist" }),
          makeClient("5", { name: "Umbrella", contact_role: "IT manager" }),
        ],
        expected: { "1": "nobody", "2": "nobody", "3": "decision_maker", "4": "nobody", "5": "chooser" },
      },
    ]);
  });

  it("generic_mailbox only when every known address is a shared mailbox and nobody is named", () => {
    testSegmenter(contacts, [
      {
        name: "mailboxes",
        ctx: { lang: "ru" },
        clients: [
          makeClient("1", { name: "ООО «Ромашка»", email: "info@romashka.ru" }, { emails: ["info@romashka.ru", "office@romashka.ru"] }),
          makeClient("2", { name: "ООО «Берёзка»", email: "info@berezka.ru" }, { emails: ["info@berezka.ru", "a.petrov@berezka.ru"] }),
          makeClient("3", { name: "ООО «Ландыш»", email: "zakaz@landysh.ru", contact_name: "Анна" }, { emails: ["zakaz@landysh.ru"] }),
          makeClient("4", { name: "ООО «Пустышка»" }),
          // The same mailbox written in capitals counts once; a personal address among shared ones makes it "nobody".
          makeClient("5", { name: "ООО «Лилия»", email: "INFO@Lilia.ru" }, { emails: ["info@lilia.ru", "Sales@lilia.ru"] }),
          makeClient("6", { name: "ООО «Лилия-2»", email: "info@lilia2.ru" }, { emails: ["info@lilia2.ru", "sales@lilia2.ru", "Ivan.Petrov@lilia2.ru"] }),
        ],
        expected: {
          "1": { label: "generic_mailbox", reason: "только общие ящики: info@romashka.ru, office@romashka.ru" },
          "2": { label: "nobody", reason: "ни у одного контакта нет известной роли" },
          "3": "nobody",
          "4": { label: "nobody", reason: "нет контактов" },
          "5": { label: "generic_mailbox", reason: "только общие ящики: info@lilia.ru, sales@lilia.ru" },
          "6": { label: "nobody", reason: "ни у одного контакта нет известной роли" },
        },
      },
    ]);
  });

  it("takes extra role stems from options", () => {
    testSegmenter(contacts, [
      {
        name: "custom role",
        options: { roles: { buyer: ["category manager"] } },
        clients: [makeClient("1", { name: "Tesco", contact_role: "Category Manager, Dairy" })],
        expected: { "1": "buyer" },
      },
    ]);
    expect(contacts.options.safeParse({ roles: { boss: ["x"] } }).success).toBe(false);
  });
});
