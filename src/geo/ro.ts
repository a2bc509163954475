// Romania's 41 counties (județe) and București with their codes, phone prefixes, postcode prefixes and main cities.
// Sources: Legea 2/1968 privind organizarea administrativă a teritoriului (county names); ISO 3166-2:RO
// (two-letter codes, as on number plates and in ANAF addresses); ANCOM national numbering plan (geographic
// prefixes 02xx / 03xx, București 021 / 031); Poșta Română postcode plan (first two digits per county,
// București 01-06 by sector); cities: INS census 2021, the 2-7 largest per county.

/** Fields, `;`-separated: name; ISO code; phone prefix after the trunk 0 (`264`, București `21`); postcode prefixes; cities; aliases. */
export const RO_COUNTIES_RAW: readonly string[] = [
  "Alba;AB;258;51;Alba Iulia|Aiud|Sebeș|Blaj|Cugir;",
  "Arad;AR;257;31;Arad|Lipova|Ineu|Pecica;",
  "Argeș;AG;248;11;Pitești|Câmpulung|Curtea de Argeș|Mioveni;",
  "Bacău;BC;234;60;Bacău|Onești|Moinești|Comănești;",
  "Bihor;BH;259;41;Oradea|Salonta|Marghita|Beiuș;",
  "Bistrița-Năsăud;BN;263;42;Bistrița|Beclean|Năsăud;",
  "Botoșani;BT;231;71;Botoșani|Dorohoi;",
  "Brașov;BV;268;50;Brașov|Făgăraș|Săcele|Codlea|Râșnov|Ghimbav;",
  "Brăila;BR;239;81;Brăila|Ianca;",
  "Buzău;BZ;238;12;Buzău|Râmnicu Sărat;",
  "Caraș-Severin;CS;255;32;Reșița|Caransebeș|Oravița;",
  "Călărași;CL;242;91;Călărași|Oltenița;",
  "Cluj;CJ;264;40;Cluj-Napoca|Turda|Dej|Câmpia Turzii|Gherla|Florești|Apahida;",
  "Constanța;CT;241;90;Constanța|Mangalia|Medgidia|Năvodari|Ovidiu;",
  "Covasna;CV;267;52;Sfântu Gheorghe|Târgu Secuiesc;",
  "Dâmbovița;DB;245;13;Târgoviște|Moreni|Găești|Pucioasa;",
  "Dolj;DJ;251;20;Craiova|Băilești|Calafat|Filiași;",
  "Galați;GL;236;80;Galați|Tecuci;",
  "Giurgiu;GR;246;08;Giurgiu|Bolintin-Vale|Mihăilești;",
  "Gorj;GJ;253;21;Târgu Jiu|Motru|Rovinari;",
  "Harghita;HR;266;53;Miercurea Ciuc|Odorheiu Secuiesc|Gheorgheni|Toplița;",
  "Hunedoara;HD;254;33;Deva|Hunedoara|Petroșani|Lupeni|Orăștie;",
  "Ialomița;IL;243;92;Slobozia|Fetești|Urziceni;",
  "Iași;IS;232;70;Iași|Pașcani|Hârlău;",
  "Ilfov;IF;;07;Voluntari|Otopeni|Buftea|Popești-Leordeni|Pantelimon|Chiajna|Bragadiru|Măgurele;",
  "Maramureș;MM;262;43;Baia Mare|Sighetu Marmației|Borșa|Baia Sprie;",
  "Mehedinți;MH;252;22;Drobeta-Turnu Severin|Orșova|Strehaia;",
  "Mureș;MS;265;54;Târgu Mureș|Reghin|Sighișoara|Târnăveni;",
  "Neamț;NT;233;61;Piatra Neamț|Roman|Târgu Neamț;",
  "Olt;OT;249;23;Slatina|Caracal|Balș;",
  "Prahova;PH;244;10;Ploiești|Câmpina|Sinaia|Băicoi|Mizil;",
  "Satu Mare;SM;261;44;Satu Mare|Carei|Negrești-Oaș;",
  "Sălaj;SJ;260;45;Zalău|Șimleu Silvaniei|Jibou;",
  "Sibiu;SB;269;55;Sibiu|Mediaș|Cisnădie|Avrig;",
  "Suceava;SV;230;72;Suceava|Fălticeni|Rădăuți|Câmpulung Moldovenesc|Vatra Dornei;",
  "Teleorman;TR;247;14;Alexandria|Roșiorii de Vede|Turnu Măgurele|Zimnicea;",
  "Timiș;TM;256;30;Timișoara|Lugoj|Sânnicolau Mare|Dumbrăvița|Giroc;",
  "Tulcea;TL;240;82;Tulcea|Babadag|Măcin;",
  "Vaslui;VS;235;73;Vaslui|Bârlad|Huși;",
  "Vâlcea;VL;250;24;Râmnicu Vâlcea|Drăgășani|Băile Olănești;",
  "Vrancea;VN;237;62;Focșani|Adjud|Mărășești;",
  "București;B;21;01|02|03|04|05|06;București|Sector 1|Sector 2|Sector 3|Sector 4|Sector 5|Sector 6;Municipiul București|Bucharest|Bukarest|Бухарест",
];

/** Words that mark a county or a settlement's kind in Romanian addresses, dropped before comparing names. */
export const RO_KIND_WORDS: readonly string[] = [
  "jud", "judet", "judetul", "judetului", "municipiul", "mun", "oras", "orasul", "comuna", "com", "sat", "satul",
  "county", "city", "of", "the", "loc", "localitatea",
];
