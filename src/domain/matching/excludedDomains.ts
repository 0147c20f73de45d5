// Domains that never identify a company (STYLE: data, not code): free e-mail providers, social networks and
// company directories, site builders and hosting platforms (registrable domain as tldts computes it without private
// suffixes, so "shop.myshopify.com" → "myshopify.com"), and placeholders people type when a field is required.
// Companies whose own domain is also a platform (google.com, amazon.com, shopify.com) are not listed: their domain
// still identifies them, and the platforms' customer sites live on sub-domains of other registrable domains.
export const builtInExcludedDomains: readonly string[] = [
  // Free and personal e-mail
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.co.in', 'yahoo.co.jp', 'yahoo.fr', 'yahoo.de',
  'yahoo.es', 'yahoo.it', 'yahoo.com.br', 'yahoo.com.au', 'yahoo.ca', 'ymail.com', 'rocketmail.com', 'hotmail.com',
  'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es', 'outlook.com', 'outlook.fr', 'outlook.de',
  'live.com', 'live.co.uk', 'live.fr', 'msn.com', 'passport.com', 'aol.com', 'aim.com', 'icloud.com', 'me.com',
  'mac.com', 'gmx.com', 'gmx.de', 'gmx.net', 'gmx.at', 'gmx.ch', 'web.de', 't-online.de', 'freenet.de', 'mail.ru',
  'bk.ru', 'inbox.ru', 'list.ru', 'yandex.ru', 'yandex.com', 'rambler.ru', 'qq.com', '163.com', '126.com', 'sina.com',
  'sohu.com', 'yeah.net', 'naver.com', 'daum.net', 'hanmail.net', 'proton.me', 'protonmail.com', 'protonmail.ch',
  'tutanota.com', 'tuta.io', 'fastmail.com', 'fastmail.fm', 'hushmail.com', 'mail.com', 'email.com', 'usa.com',
  'inbox.com', 'zohomail.com', 'rediffmail.com', 'libero.it', 'virgilio.it', 'tiscali.it', 'orange.fr', 'wanadoo.fr',
  'free.fr', 'laposte.net', 'sfr.fr', 'btinternet.com', 'sky.com', 'talktalk.net', 'virginmedia.com', 'ntlworld.com',
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net', 'earthlink.net',
  'optonline.net', 'shaw.ca', 'rogers.com', 'sympatico.ca', 'bigpond.com', 'optusnet.com.au', 'seznam.cz', 'wp.pl',
  'o2.pl', 'interia.pl', 'onet.pl', 'terra.com.br', 'uol.com.br', 'bol.com.br', 'ziggo.nl', 'planet.nl', 'telenet.be',
  'skynet.be', 'bluewin.ch', 'mailinator.com', 'guerrillamail.com', '10minutemail.com', 'yopmail.com', 'trashmail.com',
  // Social networks, company directories and profiles
  'facebook.com', 'fb.com', 'linkedin.com', 'twitter.com', 'x.com', 'instagram.com', 'youtube.com', 'youtu.be',
  'tiktok.com', 'pinterest.com', 'reddit.com', 'tumblr.com', 'medium.com', 'substack.com', 'crunchbase.com',
  'angel.co', 'angellist.com', 'wellfound.com', 'glassdoor.com', 'indeed.com', 'yelp.com', 'bbb.org',
  'zoominfo.com', 'wikipedia.org', 'meetup.com', 'eventbrite.com', 'producthunt.com', 'about.me',
  'linktr.ee', 'github.com', 'bitbucket.org', 'goo.gl',
  'bit.ly', 'tinyurl.com', 'ow.ly', 't.co', 'f6s.com', 'gust.com', 'kickstarter.com', 'indiegogo.com', 'vimeo.com',
  'slideshare.net', 'flickr.com', 'whatsapp.com', 'wa.me', 't.me', 'telegram.org', 'weibo.com', 'vk.com', 'xing.com',
  // Site builders, hosting and app platforms
  'wix.com', 'wixsite.com', 'squarespace.com', 'wordpress.com', 'wordpress.org', 'blogspot.com', 'blogger.com',
  'weebly.com', 'weeblysite.com', 'godaddysites.com', 'webflow.io', 'github.io', 'gitlab.io',
  'herokuapp.com', 'netlify.app', 'netlify.com', 'vercel.app', 'web.app', 'firebaseapp.com', 'pages.dev',
  'myshopify.com', 'carrd.co', 'strikingly.com', 'mystrikingly.com', 'jimdo.com', 'jimdofree.com',
  'jimdosite.com', 'site123.me', 'yolasite.com', 'webnode.com', 'webs.com', 'wixstudio.io',
  'business.site', 'azurewebsites.net', 'cloudfront.net', 'amazonaws.com', 'appspot.com', 'notion.site', 'notion.so',
  'typepad.com', 'livejournal.com', 'homestead.com', 'tripod.com', 'angelfire.com', 'geocities.com', 'bandcamp.com',
  'forms.gle',
  'hubspotpagebuilder.com', 'hs-sites.com', 'mailchimpsites.com', 'launchrock.com', 'unbounce.com',
  // Placeholders
  'example.com', 'example.org', 'example.net', 'test.com', 'domain.com', 'none.com', 'na.com', 'noemail.com',
  'nomail.com', 'noemail.org', 'nowebsite.com', 'website.com', 'company.com', 'yourcompany.com', 'mycompany.com',
  'yourdomain.com', 'mydomain.com', 'email.example', 'unknown.com', 'null.com', 'xxx.com', 'asdf.com',
  'tbd.com', 'placeholder.com', 'sample.com', 'temp.com', 'invalid.com', 'nowhere.com',
];

/** The exclusion list of one organisation: built-in domains plus the organisation's own additions (registrable domains). */
export function buildExclusionSet(orgAdditions: readonly string[] = []): ReadonlySet<string> {
  return new Set([...builtInExcludedDomains, ...orgAdditions.map((domain) => domain.trim().toLowerCase())]);
}
