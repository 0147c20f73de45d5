// Countries of the generated demo master database: weights roughly follow where B2B software buyers are,
// legal forms are the usual ones of each country (ISO 20275 abbreviations), top-level domains as companies use them.

export type LocalNameStyle = 'english' | 'german' | 'french' | 'japanese' | 'spanish' | 'italian' | 'dutch' | 'nordic' | 'indian';

export interface DemoCountry {
  country: string;
  weight: number;
  /** Top-level domains, the first most likely. */
  tlds: readonly string[];
  /** Legal forms to append; '' means the name is used without one. */
  legalForms: readonly string[];
  /** Share of names built from local words instead of English brand words. */
  localShare: number;
  localStyle: LocalNameStyle;
  /** [region, city] pairs. */
  places: readonly (readonly [string, string])[];
}

export const demoCountries: readonly DemoCountry[] = [
  {
    country: 'US', weight: 42, tlds: ['com', 'com', 'com', 'io', 'co', 'net', 'us'], legalForms: ['Inc.', 'Inc.', 'LLC', 'Corp.', 'Corporation', '', '', 'Co.'], localShare: 0, localStyle: 'english',
    places: [['California', 'San Francisco'], ['California', 'Los Angeles'], ['California', 'San Diego'], ['California', 'San Jose'], ['New York', 'New York'], ['Texas', 'Austin'], ['Texas', 'Dallas'], ['Texas', 'Houston'], ['Illinois', 'Chicago'], ['Massachusetts', 'Boston'], ['Washington', 'Seattle'], ['Georgia', 'Atlanta'], ['Colorado', 'Denver'], ['Florida', 'Miami'], ['Florida', 'Tampa'], ['North Carolina', 'Raleigh'], ['Pennsylvania', 'Philadelphia'], ['Ohio', 'Columbus'], ['Minnesota', 'Minneapolis'], ['Arizona', 'Phoenix'], ['Utah', 'Salt Lake City'], ['Oregon', 'Portland'], ['Michigan', 'Detroit'], ['Tennessee', 'Nashville'], ['Virginia', 'Arlington'], ['New Jersey', 'Newark'], ['Missouri', 'St. Louis']],
  },
  {
    country: 'GB', weight: 9, tlds: ['co.uk', 'co.uk', 'com', 'uk', 'io'], legalForms: ['Ltd', 'Limited', 'Ltd', 'PLC', 'LLP', ''], localShare: 0, localStyle: 'english',
    places: [['England', 'London'], ['England', 'Manchester'], ['England', 'Birmingham'], ['England', 'Leeds'], ['England', 'Bristol'], ['England', 'Cambridge'], ['England', 'Reading'], ['Scotland', 'Edinburgh'], ['Scotland', 'Glasgow'], ['Wales', 'Cardiff'], ['Northern Ireland', 'Belfast']],
  },
  {
    country: 'DE', weight: 7, tlds: ['de', 'de', 'com'], legalForms: ['GmbH', 'GmbH', 'AG', 'GmbH & Co. KG', 'SE', 'e.K.'], localShare: 0.55, localStyle: 'german',
    places: [['Bayern', 'München'], ['Bayern', 'Nürnberg'], ['Berlin', 'Berlin'], ['Hamburg', 'Hamburg'], ['Hessen', 'Frankfurt am Main'], ['Nordrhein-Westfalen', 'Köln'], ['Nordrhein-Westfalen', 'Düsseldorf'], ['Baden-Württemberg', 'Stuttgart'], ['Sachsen', 'Leipzig'], ['Niedersachsen', 'Hannover']],
  },
  {
    country: 'FR', weight: 5, tlds: ['fr', 'fr', 'com'], legalForms: ['SAS', 'SA', 'SARL', 'SAS'], localShare: 0.55, localStyle: 'french',
    places: [['Île-de-France', 'Paris'], ['Auvergne-Rhône-Alpes', 'Lyon'], ['Provence-Alpes-Côte d\'Azur', 'Marseille'], ['Occitanie', 'Toulouse'], ['Nouvelle-Aquitaine', 'Bordeaux'], ['Hauts-de-France', 'Lille'], ['Pays de la Loire', 'Nantes']],
  },
  {
    country: 'CA', weight: 5, tlds: ['ca', 'com', 'ca'], legalForms: ['Inc.', 'Ltd.', 'Corp.', ''], localShare: 0, localStyle: 'english',
    places: [['Ontario', 'Toronto'], ['Ontario', 'Ottawa'], ['Quebec', 'Montreal'], ['British Columbia', 'Vancouver'], ['Alberta', 'Calgary'], ['Alberta', 'Edmonton'], ['Manitoba', 'Winnipeg'], ['Nova Scotia', 'Halifax']],
  },
  {
    country: 'AU', weight: 4, tlds: ['com.au', 'com.au', 'com'], legalForms: ['Pty Ltd', 'Pty Ltd', 'Ltd', 'Pty. Limited'], localShare: 0, localStyle: 'english',
    places: [['New South Wales', 'Sydney'], ['Victoria', 'Melbourne'], ['Queensland', 'Brisbane'], ['Western Australia', 'Perth'], ['South Australia', 'Adelaide'], ['Australian Capital Territory', 'Canberra']],
  },
  {
    country: 'IN', weight: 4, tlds: ['in', 'co.in', 'com'], legalForms: ['Pvt Ltd', 'Private Limited', 'Limited', 'Pvt. Ltd.'], localShare: 0.5, localStyle: 'indian',
    places: [['Karnataka', 'Bengaluru'], ['Maharashtra', 'Mumbai'], ['Maharashtra', 'Pune'], ['Delhi', 'New Delhi'], ['Telangana', 'Hyderabad'], ['Tamil Nadu', 'Chennai'], ['Haryana', 'Gurugram'], ['Gujarat', 'Ahmedabad']],
  },
  {
    country: 'JP', weight: 3, tlds: ['co.jp', 'jp', 'com'], legalForms: ['K.K.', 'Co., Ltd.', 'Kabushiki Kaisha', 'Inc.'], localShare: 0.7, localStyle: 'japanese',
    places: [['Tokyo', 'Tokyo'], ['Osaka', 'Osaka'], ['Kanagawa', 'Yokohama'], ['Aichi', 'Nagoya'], ['Fukuoka', 'Fukuoka'], ['Hokkaido', 'Sapporo'], ['Kyoto', 'Kyoto']],
  },
  {
    country: 'NL', weight: 3, tlds: ['nl', 'nl', 'com'], legalForms: ['B.V.', 'B.V.', 'N.V.'], localShare: 0.4, localStyle: 'dutch',
    places: [['Noord-Holland', 'Amsterdam'], ['Zuid-Holland', 'Rotterdam'], ['Zuid-Holland', 'Den Haag'], ['Utrecht', 'Utrecht'], ['Noord-Brabant', 'Eindhoven']],
  },
  {
    country: 'ES', weight: 2, tlds: ['es', 'com'], legalForms: ['S.L.', 'S.A.', 'S.L.U.'], localShare: 0.6, localStyle: 'spanish',
    places: [['Comunidad de Madrid', 'Madrid'], ['Cataluña', 'Barcelona'], ['Comunidad Valenciana', 'Valencia'], ['Andalucía', 'Sevilla'], ['País Vasco', 'Bilbao']],
  },
  {
    country: 'IT', weight: 2, tlds: ['it', 'com'], legalForms: ['S.p.A.', 'S.r.l.', 'S.r.l.'], localShare: 0.6, localStyle: 'italian',
    places: [['Lombardia', 'Milano'], ['Lazio', 'Roma'], ['Piemonte', 'Torino'], ['Emilia-Romagna', 'Bologna'], ['Toscana', 'Firenze']],
  },
  {
    country: 'SE', weight: 2, tlds: ['se', 'com'], legalForms: ['AB', 'AB', 'AB (publ)'], localShare: 0.4, localStyle: 'nordic',
    places: [['Stockholm', 'Stockholm'], ['Västra Götaland', 'Göteborg'], ['Skåne', 'Malmö'], ['Uppsala', 'Uppsala']],
  },
  {
    country: 'CH', weight: 2, tlds: ['ch', 'com'], legalForms: ['AG', 'GmbH', 'SA', 'Sàrl'], localShare: 0.4, localStyle: 'german',
    places: [['Zürich', 'Zürich'], ['Genève', 'Genève'], ['Bern', 'Bern'], ['Basel-Stadt', 'Basel'], ['Vaud', 'Lausanne'], ['Zug', 'Zug']],
  },
  {
    country: 'BR', weight: 2, tlds: ['com.br', 'com.br', 'com'], legalForms: ['Ltda.', 'S.A.', 'Ltda.'], localShare: 0.5, localStyle: 'spanish',
    places: [['São Paulo', 'São Paulo'], ['Rio de Janeiro', 'Rio de Janeiro'], ['Minas Gerais', 'Belo Horizonte'], ['Paraná', 'Curitiba'], ['Rio Grande do Sul', 'Porto Alegre']],
  },
  {
    country: 'SG', weight: 1, tlds: ['com.sg', 'sg', 'com'], legalForms: ['Pte Ltd', 'Pte. Ltd.', 'Ltd'], localShare: 0, localStyle: 'english',
    places: [['Central Region', 'Singapore']],
  },
  {
    country: 'IE', weight: 1, tlds: ['ie', 'com'], legalForms: ['Ltd', 'Limited', 'DAC', 'PLC'], localShare: 0, localStyle: 'english',
    places: [['Leinster', 'Dublin'], ['Munster', 'Cork'], ['Connacht', 'Galway'], ['Munster', 'Limerick']],
  },
  {
    country: 'DK', weight: 1, tlds: ['dk', 'com'], legalForms: ['A/S', 'ApS'], localShare: 0.4, localStyle: 'nordic',
    places: [['Hovedstaden', 'København'], ['Midtjylland', 'Aarhus'], ['Syddanmark', 'Odense']],
  },
  {
    country: 'NO', weight: 1, tlds: ['no', 'com'], legalForms: ['AS', 'ASA'], localShare: 0.4, localStyle: 'nordic',
    places: [['Oslo', 'Oslo'], ['Vestland', 'Bergen'], ['Trøndelag', 'Trondheim'], ['Rogaland', 'Stavanger']],
  },
  {
    country: 'BE', weight: 1, tlds: ['be', 'com'], legalForms: ['NV', 'BV', 'SA', 'SRL'], localShare: 0.3, localStyle: 'dutch',
    places: [['Brussels-Capital', 'Brussels'], ['Flanders', 'Antwerp'], ['Flanders', 'Ghent'], ['Wallonia', 'Liège']],
  },
  {
    country: 'AT', weight: 1, tlds: ['at', 'com'], legalForms: ['GmbH', 'AG'], localShare: 0.5, localStyle: 'german',
    places: [['Wien', 'Wien'], ['Steiermark', 'Graz'], ['Oberösterreich', 'Linz'], ['Salzburg', 'Salzburg']],
  },
  {
    country: 'PL', weight: 1, tlds: ['pl', 'com'], legalForms: ['sp. z o.o.', 'S.A.'], localShare: 0, localStyle: 'english',
    places: [['Mazowieckie', 'Warszawa'], ['Małopolskie', 'Kraków'], ['Dolnośląskie', 'Wrocław'], ['Wielkopolskie', 'Poznań']],
  },
  {
    country: 'MX', weight: 1, tlds: ['com.mx', 'mx', 'com'], legalForms: ['S.A. de C.V.', 'S. de R.L. de C.V.'], localShare: 0.6, localStyle: 'spanish',
    places: [['Ciudad de México', 'Ciudad de México'], ['Jalisco', 'Guadalajara'], ['Nuevo León', 'Monterrey']],
  },
  {
    country: 'NZ', weight: 1, tlds: ['co.nz', 'com'], legalForms: ['Limited', 'Ltd'], localShare: 0, localStyle: 'english',
    places: [['Auckland', 'Auckland'], ['Wellington', 'Wellington'], ['Canterbury', 'Christchurch']],
  },
  {
    country: 'FI', weight: 1, tlds: ['fi', 'com'], legalForms: ['Oy', 'Oyj'], localShare: 0.4, localStyle: 'nordic',
    places: [['Uusimaa', 'Helsinki'], ['Pirkanmaa', 'Tampere'], ['Varsinais-Suomi', 'Turku']],
  },
];
