// US industry codes (NAICS 2022 sectors, SIC 1987 major groups) mapped to the nearest NACE Rev.2 section.
// Sources: US Census Bureau NAICS 2022 manual (sector list) and Eurostat's NAICS 2017 ↔ NACE Rev.2
// correspondence for the sector-level choices; OSHA SIC Manual 1987 (divisions A-J and major groups 01-99).
import type { Section } from "./nace.js";

/** NAICS 2-digit sector → section; a 3-digit subsector listed in NAICS_SUBSECTORS wins. */
export const NAICS_SECTORS: Readonly<Record<string, Section>> = {
  "11": "A", "21": "B", "22": "D", "23": "F", "31": "C", "32": "C", "33": "C", "42": "G", "44": "G", "45": "G",
  "48": "H", "49": "H", "51": "J", "52": "K", "53": "L", "54": "M", "55": "M", "56": "N", "61": "P", "62": "Q",
  "71": "R", "72": "I", "81": "S", "92": "O",
};

/** Subsectors whose NACE section differs from their sector's. */
export const NAICS_SUBSECTORS: Readonly<Record<string, Section>> = {
  "221": "D", "562": "E", "811": "S", "813": "S", "814": "T", "721": "I", "722": "I", "532": "N", "531": "L",
};
// 2213 (water, sewage) is E: read from the 4-digit industry group.
export const NAICS_GROUPS: Readonly<Record<string, Section>> = { "2213": "E", "5416": "M", "5419": "M", "8111": "G" };

/** SIC major group (first two digits) → section. */
export const SIC_MAJOR_GROUPS: Readonly<Record<string, Section>> = (() => {
  const out: Record<string, Section> = {};
  const set = (from: number, to: number, s: Section) => { for (let i = from; i <= to; i++) out[String(i).padStart(2, "0")] = s; };
  set(1, 9, "A"); set(10, 14, "B"); set(15, 17, "F"); set(20, 39, "C"); set(40, 47, "H"); set(48, 48, "J");
  set(49, 49, "D"); set(50, 57, "G"); set(58, 58, "I"); set(59, 59, "G"); set(60, 64, "K"); set(65, 65, "L");
  set(67, 67, "K"); set(70, 70, "I"); set(72, 72, "S"); set(73, 73, "N"); set(75, 75, "G"); set(76, 76, "S");
  set(78, 78, "J"); set(79, 79, "R"); set(80, 80, "Q"); set(81, 81, "M"); set(82, 82, "P"); set(83, 83, "Q");
  set(84, 84, "R"); set(86, 86, "S"); set(87, 87, "M"); set(88, 88, "T"); set(89, 89, "S"); set(91, 97, "O");
  return out;
})();

/** SIC industry groups (first three digits) whose section differs from their major group's. */
export const SIC_GROUPS: Readonly<Record<string, Section>> = { "494": "E", "495": "E", "737": "J", "472": "N", "703": "I" };
