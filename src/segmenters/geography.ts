// The geography segmenter: a client's region as its country writes it (or the territory holding it), and where it was read.
import { z } from "zod";
import { say, type Phrase } from "../i18n.js";
import type { Client, Lang } from "../types.js";
import {
  addressPlace, COUNTRIES, countryOf, findCity, findRegion, foldGeo, gazetteers, phoneCountry, postcodeIn,
  type Country, type Place,
} from "../geo/index.js";
import { areaCode, isLocalNumber } from "../normalise/phones.js";
import { innRegion } from "../normalise/taxid.js";
import { defineSegmenter, type SegmenterContext } from "./define.js";

export const geographyOptions = z.strictObject({
  /** Extra names of regions: alias → region (`{"Урал": "Свердловская область"}`, `{"SoCal": "California"}`). */
  regions: z.record(z.string(), z.string()).default({}),
  /** Extra cities: city → region (`{"Берёзовский": "Свердловская область"}`). */
  cities: z.record(z.string(), z.string()).default({}),
});
export type GeographyOptions = z.infer<typeof geographyOptions>;

/** Where a client is, and how that was found. */
export interface Location {
  /** The segment label: the territory when one holds the region, else the region, else `unknown`. */
  label: string;
  /** The region as its country writes it; `""` when unknown. */
  region: string;
  country: Country | "";
  /** The config territory holding the region; `""` for none. */
  territory: string;
  reason: string;
}

const P = {
  regionColumn: { en: "region column", ru: "колонка региона", ro: "coloana regiunii" },
  address: { en: "from the address", ru: "из адреса", ro: "din adresă" },
  city: { en: "city {city}", ru: "город {city}", ro: "localitatea {city}" },
  postcode: { en: "postcode {code}", ru: "индекс {code}", ro: "cod poștal {code}" },
  inn: { en: "INN {code}..", ru: "ИНН {code}..", ro: "INN {code}.." },
  phone: { en: "phone code {code}", ru: "телефонный код {code}", ro: "prefix telefonic {code}" },
  territory: { en: "territory {name}", ru: "территория {name}", ro: "teritoriul {name}" },
  notKnown: {
    en: "region column; not a known region, kept as written",
    ru: "колонка региона; регион не распознан, оставлен как записан",
    ro: "coloana regiunii; regiune necunoscută, păstrată așa cum e scrisă",
  },
  unknown: {
    en: "no region, address, city, postcode, INN or phone code tells the region",
    ru: "регион не виден ни по колонке региона, ни по адресу, городу, индексу, ИНН или телефонному коду",
    ro: "nici regiunea, adresa, localitatea, codul poștal, codul fiscal sau prefixul telefonic nu arată regiunea",
  },
} satisfies Record<string, Phrase>;

const LANG_COUNTRY: Record<Lang, Country> = { ru: "RU", ro: "RO", en: "US" };

/**
 * Builds the per-client locator once per run: country orders, the config's aliases and territories resolved.
 * Region resolution by source, strongest first: region column, address, city, postcode, INN, phone code.
 * A region value that no gazetteer knows and that is no territory is kept as written (first spelling seen),
 * unless another source finds a known region: a 1C `Бизнес-регион` such as `Урал` is the company's own word.
 */
export function createLocator(options: Partial<GeographyOptions>, ctx: Pick<SegmenterContext, "lang" | "territories" | "defaultCountry">): (client: Client) => Location {
  const lang = ctx.lang;
  const gs = gazetteers();

  // Country order for a client whose country is not written: the default, the run's language, the rest.
  const first: Country[] = [];
  const dc = countryOf(ctx.defaultCountry);
  if (dc === "RU" || dc === "RO" || dc === "US") first.push(dc);
  if (!first.includes(LANG_COUNTRY[lang])) first.push(LANG_COUNTRY[lang]);
  const runOrder: readonly Country[] = [...first, ...COUNTRIES.filter((c) => !first.includes(c))];
  const startingWith: Record<Country, readonly Country[]> = {
    RU: ["RU", ...runOrder.filter((c) => c !== "RU")],
    RO: ["RO", ...runOrder.filter((c) => c !== "RO")],
    US: ["US", ...runOrder.filter((c) => c !== "US")],
  };
  const only: Record<Country, readonly Country[]> = { RU: ["RU"], RO: ["RO"], US: ["US"] };
  const none: readonly Country[] = [];

  const resolveTarget = (target: string): Place => findRegion(target, runOrder) ?? { country: "", region: target.trim() };
  const customRegions = new Map<string, Place>();
  for (const [alias, target] of Object.entries(options.regions ?? {})) customRegions.set(foldGeo(alias), resolveTarget(target));
  const customCities = new Map<string, Place>();
  for (const [city, target] of Object.entries(options.cities ?? {})) customCities.set(foldGeo(city), resolveTarget(target));

  // Territories: a region (by canonical name, or as written when no gazetteer knows it) → the first territory listing it.
  const territoryOfRegion = new Map<string, string>();
  const territoryOfFolded = new Map<string, string>();
  const territoryByName = new Map<string, string>();
  for (const [territory, regions] of Object.entries(ctx.territories ?? {})) {
    territoryByName.set(foldGeo(territory), territory);
    for (const entry of regions) {
      const place = customRegions.get(foldGeo(entry)) ?? findRegion(entry, runOrder);
      if (place && !territoryOfRegion.has(place.region)) territoryOfRegion.set(place.region, territory);
      const f = foldGeo(entry);
      if (!territoryOfFolded.has(f)) territoryOfFolded.set(f, territory);
    }
  }
  // Regions are a few hundred names: fold each once.
  const territoryCache = new Map<string, string>();
  const territoryOf = (region: string): string => {
    let t = territoryCache.get(region);
    if (t === undefined) {
      t = territoryOfRegion.get(region) ?? territoryOfFolded.get(foldGeo(region)) ?? "";
      territoryCache.set(region, t);
    }
    return t;
  };

  // Caches per country order: `countries` is always one of the few arrays above, so it keys by identity.
  const CACHE_CAP = 500_000;
  const cacheFor = <T>(caches: Map<readonly Country[], Map<string, T>>, countries: readonly Country[]): Map<string, T> => {
    let m = caches.get(countries);
    if (!m) caches.set(countries, (m = new Map()));
    return m;
  };
  const regionCaches = new Map<readonly Country[], Map<string, Place | null>>();
  const regionOfText = (text: string, countries: readonly Country[]): Place | null => {
    const cache = cacheFor(regionCaches, countries);
    let hit = cache.get(text);
    if (hit === undefined) {
      hit = customRegions.get(foldGeo(text)) ?? findRegion(text, countries);
      if (cache.size < CACHE_CAP) cache.set(text, hit);
    }
    return hit;
  };
  const cityCaches = new Map<readonly Country[], Map<string, Place | null>>();
  const regionOfCity = (text: string, countries: readonly Country[]): Place | null => {
    const cache = cacheFor(cityCaches, countries);
    let hit = cache.get(text);
    if (hit === undefined) {
      hit = customCities.get(foldGeo(text)) ?? findCity(text, countries);
      if (cache.size < CACHE_CAP) cache.set(text, hit);
    }
    return hit;
  };
  const foldCache = new Map<string, string>();
  const foldOnce = (text: string): string => {
    let f = foldCache.get(text);
    if (f === undefined) {
      f = foldGeo(text);
      if (foldCache.size < CACHE_CAP) foldCache.set(text, f);
    }
    return f;
  };
  // The reason's source words, filled once per run (city / postcode / INN / phone per distinct value).
  const srcRegionColumn = say(lang, P.regionColumn);
  const srcAddress = say(lang, P.address);
  const sourceCaches = { city: new Map<string, string>(), regionCity: new Map<string, string>(), postcode: new Map<string, string>(), inn: new Map<string, string>(), phone: new Map<string, string>() };
  const sourceOf = (kind: keyof typeof sourceCaches, value: string): string => {
    const cache = sourceCaches[kind];
    let text = cache.get(value);
    if (text === undefined) {
      text =
        kind === "city" ? say(lang, P.city, { city: value })
        : kind === "regionCity" ? `${srcRegionColumn}, ${say(lang, P.city, { city: value })}`
        : kind === "postcode" ? say(lang, P.postcode, { code: value })
        : kind === "inn" ? say(lang, P.inn, { code: value })
        : say(lang, P.phone, { code: value });
      if (cache.size < CACHE_CAP) cache.set(value, text);
    }
    return text;
  };
  // The first spelling of an unknown region value names it for every client (`Урал`, `урал ` are one label).
  const spelling = new Map<string, string>();

  // One Location per (source, country, region): identical reasons are one string, and no object per client.
  const finished = new Map<string, Map<string, Location>>();
  const finish = (place: Place, source: string): Location => {
    let bySource = finished.get(source);
    if (!bySource) {
      bySource = new Map();
      if (finished.size < CACHE_CAP) finished.set(source, bySource);
    }
    const key = place.country + place.region;
    let loc = bySource.get(key);
    if (loc) return loc;
    const territory = territoryOf(place.region);
    const base = `${source}: ${place.region}`;
    loc = {
      label: territory || place.region,
      region: place.region,
      country: place.country,
      territory,
      reason: territory ? `${base}; ${say(lang, P.territory, { name: territory })}` : base,
    };
    bySource.set(key, loc);
    return loc;
  };
  const territoryColumn = new Map<string, Location>();
  const unknownLocation: Location = { label: "unknown", region: "", country: "", territory: "", reason: say(lang, P.unknown) };
  const notKnownReason = say(lang, P.notKnown);
  const notKnown = new Map<string, Location>();

  const locate = (client: Client): Location => {
    const v = client.values;
    const written = countryOf(v.country);
    let countries: readonly Country[];
    if (written === "other") countries = none;
    else if (written) countries = only[written];
    else {
      const pc = phoneCountry(v.phone || client.phones.find((p) => !isLocalNumber(p)) || "");
      countries = pc ? startingWith[pc] : runOrder;
    }

    let unknownValue = "";
    const regionValue = v.region.trim();
    if (regionValue) {
      const place = regionOfText(regionValue, countries);
      if (place) return finish(place, srcRegionColumn);
      const territory = territoryByName.get(foldOnce(regionValue));
      if (territory) {
        let loc = territoryColumn.get(territory);
        if (!loc) {
          loc = { label: territory, region: "", country: "", territory, reason: `${srcRegionColumn}: ${say(lang, P.territory, { name: territory })}` };
          territoryColumn.set(territory, loc);
        }
        return loc;
      }
      const city = regionOfCity(regionValue, countries);
      if (city) return finish(city, sourceOf("regionCity", regionValue));
      unknownValue = regionValue;
    }

    const address = v.address.trim();
    if (address && countries.length) {
      const place = addressPlace(address, countries);
      if (place) return finish(place, srcAddress);
    }

    const cityValue = v.city.trim();
    if (cityValue) {
      const place = regionOfCity(cityValue, countries);
      if (place) return finish(place, sourceOf("city", cityValue));
    }

    const postcode = v.postal_code.trim();
    if (postcode) {
      for (const c of countries) {
        const p = postcodeIn(gs[c], postcode);
        if (p) return finish({ country: c, region: p.region }, sourceOf("postcode", postcode));
      }
    }

    // An INN only where the client is Russian or most likely so: a Romanian CUI can also have 10 digits.
    if (countries[0] === "RU" && v.tax_id) {
      const code = innRegion(v.tax_id);
      const region = code ? gs.RU.taxCodes.get(code) : undefined;
      if (region) return finish({ country: "RU", region }, sourceOf("inn", code));
    }

    const phones = client.phones.length ? client.phones : v.phone ? [v.phone] : [];
    for (const phone of phones) {
      const pc = phoneCountry(phone);
      if (!pc || !countries.includes(pc)) continue;
      const code = areaCode(phone);
      const region = code ? gs[pc].phones.get(code) : undefined;
      if (region) return finish({ country: pc, region }, sourceOf("phone", code));
    }

    if (unknownValue) {
      const key = foldOnce(unknownValue);
      let loc = notKnown.get(key);
      if (!loc) {
        let label = spelling.get(key);
        if (label === undefined) { label = unknownValue; spelling.set(key, label); }
        const territory = territoryOfFolded.get(key) ?? "";
        loc = {
          label: territory || label, region: label, country: "", territory,
          reason: territory ? `${notKnownReason}: ${label}; ${say(lang, P.territory, { name: territory })}` : notKnownReason,
        };
        if (notKnown.size < CACHE_CAP) notKnown.set(key, loc);
      }
      return loc;
    }
    return unknownLocation;
  };
  return locate;
}

const locators = new WeakMap<object, (client: Client) => Location>();

/**
 * Where a client is, for allocation eligibility (a manager's `regions` entry matches the region or the territory).
 * Built once per `ctx` object; pass the run's `segmenters.geography` options for the config's aliases.
 */
export function regionOf(client: Client, ctx: Pick<SegmenterContext, "lang" | "territories" | "defaultCountry">, options: Partial<GeographyOptions> = {}): Location {
  let locate = locators.get(ctx);
  if (!locate) {
    locate = createLocator(options, ctx);
    locators.set(ctx, locate);
  }
  return locate(client);
}

const entryCache = new Map<string, Place | null>();

/** Whether a manager's `regions` entry (`Свердловская обл`, `CA`, `Урал`) names a client's region or territory. */
export function regionMatches(entry: string, location: Pick<Location, "region" | "territory" | "country">): boolean {
  const f = foldGeo(entry);
  if (!f) return false;
  if (location.territory && f === foldGeo(location.territory)) return true;
  if (!location.region) return false;
  if (f === foldGeo(location.region)) return true;
  // The client's country first: `AR` is Arad for a Romanian client and Arkansas for an American one.
  const cacheKey = location.country + "\u0000" + entry;
  let place = entryCache.get(cacheKey);
  if (place === undefined) {
    place = findRegion(entry, location.country ? [location.country] : COUNTRIES);
    entryCache.set(cacheKey, place);
  }
  return place !== null && place.region === location.region;
}

export default defineSegmenter<GeographyOptions>({
  meta: {
    id: "geography",
    title: "Geography",
    labels: "open",
    uses: ["region", "address", "city", "postal_code", "country", "tax_id", "phone"],
    description:
      "The region as its country writes it (RU federal subject, RO county, US state) from the region column, else the address, " +
      "else the city, postcode, INN or phone area code; the config territory holding it where territories are set; else unknown.",
  },
  options: geographyOptions,
  create(options, ctx) {
    const locate = createLocator(options, ctx);
    return (client) => {
      const l = locate(client);
      return { label: l.label, reason: l.reason };
    };
  },
});
