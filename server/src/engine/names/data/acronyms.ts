// Curated by hand for policylint (no external source): acronyms a general
// reader of English policy prose knows without a definition. A project adds
// its own with `acronyms.known`; keeping this list short keeps the rule useful.

/** Acronyms, abbreviations and codes that need no definition. */
export const WELL_KNOWN_ACRONYMS: string = [
  // Countries, blocs and international bodies.
  'US USA UK EU UN USSR UAE DPRK PRC ROK NATO ASEAN APEC BRICS OPEC OECD IMF WTO WHO UNESCO UNICEF UNHCR UNDP',
  'ICC ICJ IAEA AU OAS',
  // Household names of the US government and politics.
  'FBI CIA NSA NASA EPA FDA CDC IRS FEMA NIH FAA TSA SEC FCC FTC DHS HHS DOD DOJ USDA USAID GOP POTUS VP DC NYC FY',
  // Economy, finance, business.
  'GDP GNP GNI CPI PPP CEO CFO COO CTO HR PR IPO ETF NYSE NASDAQ USD EUR GBP JPY CNY RMB VAT LLC R&D M&A S&P AT&T',
  // Science, health, technology.
  'AI IT TV PC DNA RNA HIV AIDS COVID SARS MERS EV LNG LED LCD GPS USB PDF URL HTML HTTP HTTPS API CPU GPU SMS VPN IP ID PIN ATM',
  'IQ UV CO2 MW GW KW KWH MWH GWH TWH BTU PPM MPH',
  // Security.
  'WMD ICBM UAV ISIS ISIL',
  // Time, writing, everyday use.
  'AM PM BC AD BCE CE ET EST EDT CST CDT MST MDT PST PDT GMT UTC FAQ Q&A OK FYI ASAP RSVP TBD TBA PS NB ETA ZIP',
  'PhD MBA MD BA MA JD LGBT LGBTQ LGBTQI LGBTQIA NGO NGOs',
  // News organisations.
  'BBC CNN NPR PBS ABC CBS NBC AP AFP YMCA FIFA',
  // Ship prefixes.
  'USS USNS USCGC HMS HMAS HMCS',
].join(' ');

/** US state, district and territory postal codes ("R-TX", "Washington, DC"). */
export const STATE_CODES: string =
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP';
