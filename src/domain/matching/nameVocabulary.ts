// Spellings of the same word in company names, mapped to one canonical token (canonical tokens map to themselves).
export const tokenSynonyms: Readonly<Record<string, string>> = {
  intl: 'international', internat: 'international', natl: 'national', mfg: 'manufacturing', mfrs: 'manufacturing',
  manufacturers: 'manufacturing', tech: 'technology', techs: 'technology', technologies: 'technology',
  technologie: 'technology', technologys: 'technology', svc: 'services', svcs: 'services', service: 'services',
  sys: 'systems', system: 'systems', lab: 'labs', laboratory: 'labs', laboratories: 'labs', solution: 'solutions',
  grp: 'group', hldgs: 'holdings', hldg: 'holdings', holding: 'holdings', assoc: 'associates', assocs: 'associates',
  bros: 'brothers', bro: 'brothers', mgmt: 'management', mgt: 'management', ctr: 'center', centre: 'center',
  pharma: 'pharmaceuticals', pharmaceutical: 'pharmaceuticals', univ: 'university', inst: 'institute',
  assn: 'association', engg: 'engineering', eng: 'engineering', engr: 'engineering', comm: 'communications',
  comms: 'communications', communication: 'communications', telecom: 'telecommunications', telecoms: 'telecommunications',
  software: 'software', sw: 'software', dev: 'development', devt: 'development', ent: 'entertainment',
  mktg: 'marketing', ins: 'insurance', invest: 'investments', investment: 'investments', prod: 'products',
  prods: 'products', product: 'products', ind: 'industries', inds: 'industries', industry: 'industries',
  indus: 'industries', ltda: 'ltda', dist: 'distribution', distr: 'distribution', elec: 'electric',
  electrical: 'electric', med: 'medical', hosp: 'hospital', fin: 'financial', finl: 'financial', bk: 'bank',
  und: 'and', et: 'and', n: 'and',
};

/** Legal forms that come first in a name ("PT Astra", "OOO Romashka", "Kabushiki Kaisha Hikari"). */
export const leadingLegalForms: readonly string[] = ['pt', 'cv', 'ooo', 'oao', 'zao', 'pao', 'ao', 'kabushiki kaisha', 'kk', 'yugen kaisha', 'tov', 'sc'];

/** Common legal forms, in addition to the ISO 20275 list (which lists US forms mostly by full name). */
export const commonLegalForms: readonly string[] = [
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'l l c', 'llp', 'lp', 'ltd', 'limited', 'plc',
  'pllc', 'pc', 'lllp', 'co ltd', 'co inc', 'pty', 'pty ltd', 'pte', 'pte ltd', 'pvt', 'pvt ltd', 'private limited',
  'gmbh', 'ag', 'kg', 'gmbh and co kg', 'ug', 'se', 'sa', 'sas', 'sarl', 'srl', 'spa', 'sl', 'slu', 'bv', 'nv',
  'ab', 'ab publ', 'as', 'asa', 'a s', 'aps', 'oy', 'oyj', 'kk', 'ltda', 'sa de cv', 's de rl de cv', 'de cv',
  'sp z oo', 'sro', 'as', 'doo', 'kft', 'zrt', 'bhd', 'sdn bhd', 'tbk', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'ooo', 'gk',
  'limited liability company', 'public limited company', 'dac', 'ulc', 'lc', 'ltee', 'sprl', 'cvba', 'scrl', 'eurl',
  'snc', 'sca', 'kgaa', 'ohg', 'ek', 'ev', 'eg',
  // German and French long forms the ISO list gives only with qualifiers ("Aktiengesellschaft in München" aside).
  'aktiengesellschaft', 'kommanditgesellschaft auf aktien', 'se and co kgaa', 'ag and co kgaa', 'societe anonyme',
  'societe europeenne', 'societe en commandite par actions', 'naamloze vennootschap',
];
