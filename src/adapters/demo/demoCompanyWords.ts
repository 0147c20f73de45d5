// Word tables for the generated demo master database. Invented brand words, common surnames and place-like words:
// any resemblance to a real company is a coincidence of common words, never a copied record.

/** First halves of coined brand names ("North" + "wind"). */
export const brandHeads = [
  'North', 'Blue', 'Silver', 'Iron', 'Bright', 'Clear', 'Red', 'Green', 'Stone', 'River', 'Oak', 'Pine', 'Cedar',
  'Maple', 'Storm', 'Sun', 'Star', 'Moon', 'Sky', 'Cloud', 'Ever', 'High', 'True', 'Swift', 'Bold', 'Deep', 'Wild',
  'Gold', 'Copper', 'Amber', 'Crystal', 'Frost', 'Fire', 'Wind', 'Rain', 'Snow', 'Lake', 'Harbor', 'Bay', 'Cape',
  'Summit', 'Peak', 'Ridge', 'Valley', 'Meadow', 'Fox', 'Wolf', 'Hawk', 'Eagle', 'Falcon', 'Raven', 'Lion', 'Bear',
  'Otter', 'Heron', 'Wren', 'Lark', 'Elm', 'Birch', 'Willow', 'Aspen', 'Hazel', 'Ash', 'Granite', 'Cobalt', 'Indigo',
  'Crimson', 'Scarlet', 'Onyx', 'Jade', 'Pearl', 'Coral', 'Ivory', 'Sage', 'Quartz', 'Nova', 'Astra', 'Terra',
  'Aqua', 'Vertex', 'Apex', 'Zen', 'Pixel', 'Quantum', 'Vector', 'Signal', 'Beacon', 'Harbour', 'Bridge', 'Tower',
  'Anchor', 'Compass', 'Atlas', 'Orbit', 'Polar', 'Solar', 'Lunar', 'Metro', 'Urban', 'Prime', 'Nimble', 'Keen',
  'Brisk', 'Vivid', 'Lucid', 'Noble', 'Royal', 'Grand', 'West', 'East', 'South', 'Open', 'Bluebird', 'Kestrel',
  'Osprey', 'Sparrow', 'Juniper', 'Sequoia', 'Redwood', 'Alder', 'Rowan', 'Thistle', 'Clover', 'Fern', 'Ember',
  'Flint', 'Slate', 'Marble', 'Basalt', 'Tidal', 'Coast', 'Delta', 'Mesa', 'Prairie', 'Tundra', 'Glacier', 'Canyon',
] as const;

/** Second halves of coined brand names. */
export const brandTails = [
  'wind', 'peak', 'stone', 'field', 'bridge', 'gate', 'wood', 'brook', 'light', 'line', 'point', 'way', 'works',
  'forge', 'path', 'stream', 'spring', 'ridge', 'crest', 'haven', 'port', 'view', 'mark', 'shore', 'vale', 'wave',
  'beam', 'spark', 'flow', 'core', 'hub', 'loop', 'nest', 'leaf', 'root', 'seed', 'grove', 'hill', 'rock', 'star',
  'bay', 'fall', 'ford', 'well', 'dale', 'moor', 'side', 'land', 'stack', 'sail', 'wing', 'bird', 'fox', 'horn',
  'mont', 'ville', 'ton', 'ly', 'io', 'ify', 'ora', 'ex', 'ix', 'ia', 'era', 'ist',
] as const;

/** Common surnames for "Surname & Sons", "Surname Brothers", "Surname Partners". */
export const englishSurnames = [
  'Abbott', 'Bennett', 'Carter', 'Dawson', 'Ellis', 'Fletcher', 'Graham', 'Harper', 'Irving', 'Jensen', 'Keller',
  'Lawson', 'Morgan', 'Nolan', 'Owens', 'Porter', 'Quinn', 'Reed', 'Sawyer', 'Turner', 'Underwood', 'Vaughn',
  'Walsh', 'Young', 'Barnes', 'Coleman', 'Dalton', 'Foster', 'Gibson', 'Hayes', 'Hudson', 'Kendall', 'Lambert',
  'Mercer', 'Norris', 'Palmer', 'Radcliffe', 'Sinclair', 'Thornton', 'Whitaker', 'Ashford', 'Blackwell', 'Crawford',
  'Donovan', 'Fairbanks', 'Hartley', 'Langley', 'Merritt', 'Pemberton', 'Prescott', 'Rutherford', 'Stanton',
  'Wakefield', 'Winslow', 'Calloway', 'Garrison', 'Holloway', 'McAllister', 'O\'Connell', 'Fitzgerald',
] as const;

export const germanSurnames = [
  'Müller', 'Schäfer', 'Weiß', 'Böhm', 'Krüger', 'Schröder', 'Köhler', 'Hoffmann', 'Bauer', 'Wagner', 'Becker',
  'Schulz', 'Richter', 'Wolf', 'Neumann', 'Zimmermann', 'Hartmann', 'Lange', 'Krause', 'Vogel', 'Brandt', 'Seidel',
] as const;
export const germanNouns = [
  'Maschinenbau', 'Logistik', 'Technik', 'Elektro', 'Bau', 'Werkzeuge', 'Antriebstechnik', 'Verpackung',
  'Medizintechnik', 'Systeme', 'Energie', 'Druck', 'Stahlbau', 'Software', 'Beratung', 'Automation',
] as const;

export const frenchSurnames = [
  'Lefèvre', 'Dubois', 'Garnier', 'Moreau', 'Laurent', 'Fournier', 'Girard', 'Bonnet', 'Mercier', 'Faure', 'Rousseau',
  'Blanchard', 'Chevalier', 'Lemaître', 'Gauthier', 'Perrin', 'Marchand', 'Bérard',
] as const;
export const frenchNouns = [
  'Conseil', 'Industries', 'Ingénierie', 'Transports', 'Distribution', 'Énergie', 'Solutions', 'Services',
  'Informatique', 'Emballages', 'Équipements', 'Technologies',
] as const;

export const japaneseWords = [
  'Aozora', 'Hikari', 'Sakura', 'Midori', 'Kaede', 'Tsubasa', 'Hoshino', 'Yamato', 'Minato', 'Kawaguchi', 'Takumi',
  'Asahi', 'Nishikawa', 'Kobayashi', 'Morimoto', 'Shirakawa', 'Kitagawa', 'Hayabusa',
] as const;
export const japaneseNouns = ['Kogyo', 'Shoji', 'Seisakusho', 'Denki', 'Kensetsu', 'Tsusho', 'Seiki', 'Systems'] as const;

export const spanishSurnames = ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Ortega', 'Navarro', 'Jiménez', 'Muñoz', 'Álvarez'] as const;
export const spanishNouns = ['Construcciones', 'Logística', 'Ingeniería', 'Alimentos', 'Servicios', 'Soluciones', 'Distribuciones', 'Tecnología'] as const;

export const italianSurnames = ['Rossi', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'Esposito', 'Fontana'] as const;
export const italianNouns = ['Costruzioni', 'Meccanica', 'Trasporti', 'Alimentari', 'Impianti', 'Servizi', 'Tecnologie', 'Arredamenti'] as const;

export const dutchWords = ['Van Dijk', 'De Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'Vos', 'Dekker', 'Van Leeuwen', 'Brouwer'] as const;
export const nordicWords = ['Lindqvist', 'Nyström', 'Bergström', 'Sjöberg', 'Åkesson', 'Holm', 'Dahl', 'Strand', 'Lund', 'Fjeld', 'Søndergaard', 'Mäkinen', 'Virtanen', 'Nieminen'] as const;
export const indianWords = ['Shree', 'Sai', 'Vardhman', 'Apex', 'Sunrise', 'Kaveri', 'Ganga', 'Himalaya', 'Lotus', 'Nirmal', 'Pragati', 'Sahyadri', 'Trident', 'Vishwa', 'Aravali', 'Deccan'] as const;

export interface IndustryDefinition {
  industry: string;
  /** Words that such companies put in their names. */
  nameNouns: readonly string[];
  weight: number;
}

export const industries: readonly IndustryDefinition[] = [
  { industry: 'Software', nameNouns: ['Software', 'Systems', 'Labs', 'Technologies', 'Digital', 'Cloud', 'Data'], weight: 14 },
  { industry: 'IT Services', nameNouns: ['IT', 'Consulting', 'Solutions', 'Networks', 'Tech'], weight: 8 },
  { industry: 'Analytics', nameNouns: ['Analytics', 'Insights', 'Intelligence', 'Metrics'], weight: 3 },
  { industry: 'Financial Services', nameNouns: ['Capital', 'Financial', 'Partners', 'Advisors', 'Investments', 'Wealth'], weight: 7 },
  { industry: 'Insurance', nameNouns: ['Insurance', 'Assurance', 'Underwriters', 'Mutual'], weight: 2 },
  { industry: 'Healthcare', nameNouns: ['Health', 'Medical', 'Care', 'Clinics', 'Diagnostics'], weight: 6 },
  { industry: 'Pharmaceuticals', nameNouns: ['Pharma', 'Therapeutics', 'Biosciences', 'Bio'], weight: 3 },
  { industry: 'Manufacturing', nameNouns: ['Manufacturing', 'Industries', 'Components', 'Fabrication', 'Machine Works'], weight: 9 },
  { industry: 'Logistics', nameNouns: ['Logistics', 'Freight', 'Shipping', 'Transport', 'Supply'], weight: 5 },
  { industry: 'Construction', nameNouns: ['Construction', 'Builders', 'Contracting', 'Engineering'], weight: 5 },
  { industry: 'Real Estate', nameNouns: ['Properties', 'Realty', 'Estates', 'Development'], weight: 4 },
  { industry: 'Retail', nameNouns: ['Retail', 'Outfitters', 'Stores', 'Goods', 'Market'], weight: 5 },
  { industry: 'Consumer Goods', nameNouns: ['Brands', 'Home', 'Living', 'Co'], weight: 3 },
  { industry: 'Food & Beverage', nameNouns: ['Foods', 'Kitchen', 'Brewing', 'Coffee', 'Bakery', 'Farms'], weight: 4 },
  { industry: 'Energy', nameNouns: ['Energy', 'Power', 'Solar', 'Renewables', 'Utilities'], weight: 3 },
  { industry: 'Telecommunications', nameNouns: ['Telecom', 'Communications', 'Wireless', 'Connect'], weight: 2 },
  { industry: 'Marketing & Advertising', nameNouns: ['Media', 'Marketing', 'Creative', 'Studio', 'Agency'], weight: 5 },
  { industry: 'Education', nameNouns: ['Learning', 'Academy', 'Education', 'Training'], weight: 3 },
  { industry: 'Professional Services', nameNouns: ['Consulting', 'Group', 'Associates', 'Advisory', 'Partners'], weight: 6 },
  { industry: 'Legal Services', nameNouns: ['Legal', 'Law Group', 'Attorneys'], weight: 2 },
  { industry: 'Automotive', nameNouns: ['Motors', 'Automotive', 'Auto Parts', 'Mobility'], weight: 2 },
  { industry: 'Aerospace & Defense', nameNouns: ['Aerospace', 'Aviation', 'Defense Systems', 'Avionics'], weight: 1 },
  { industry: 'Hospitality', nameNouns: ['Hotels', 'Hospitality', 'Resorts', 'Travel'], weight: 2 },
  { industry: 'Security', nameNouns: ['Security', 'Cyber', 'Shield', 'Guard'], weight: 2 },
  { industry: 'Chemicals', nameNouns: ['Chemicals', 'Materials', 'Polymers', 'Coatings'], weight: 1 },
  { industry: 'Agriculture', nameNouns: ['Agri', 'Farms', 'Harvest', 'Seeds'], weight: 1 },
];

export const employeeRanges = [
  { range: '1-10', weight: 22 },
  { range: '11-50', weight: 28 },
  { range: '51-200', weight: 22 },
  { range: '201-500', weight: 12 },
  { range: '501-1000', weight: 7 },
  { range: '1001-5000', weight: 6 },
  { range: '5001-10000', weight: 2 },
  { range: '10001+', weight: 1 },
] as const;

/** Revenue band by employee band index, so firmographics stay plausible together. */
export const revenueByEmployeeRange: readonly (readonly string[])[] = [
  ['<$1M', '$1M-$10M'],
  ['$1M-$10M', '$10M-$50M'],
  ['$10M-$50M', '$50M-$100M'],
  ['$50M-$100M', '$100M-$500M'],
  ['$100M-$500M'],
  ['$100M-$500M', '$500M-$1B', '$1B+'],
  ['$500M-$1B', '$1B+'],
  ['$1B+'],
];
