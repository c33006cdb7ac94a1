import { XMLBuilder, XMLParser } from 'fast-xml-parser';

// Metadata XML read and written the way source-deploy-retrieve 13 reads and writes it, with the
// same fast-xml-parser and the same options, so a name or a content reads here as it reads in the
// package SDR builds, and a recomposed file has SDR's bytes.

/** SDR's metadata parser (lib/src/utils/metadata.js). */
export const sdrParser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: '__cdata',
  processEntities: { enabled: true, maxTotalExpansions: 50_000 },
  ignoreDeclaration: true,
  numberParseOptions: { leadingZeros: false, hex: false },
  commentPropName: '#xml__comment',
});

/** The metadata namespace, as SDR keys it on a parsed root (its XML_NS_KEY and XML_NS_URL). */
export const XML_NS_KEY = '@_xmlns';
export const XML_NS_URL = 'http://soap.sforce.com/2006/04/metadata';

/**
 * SDR's JsToXml (lib/src/convert/streams.js): the builder's output with SDR's declaration, its
 * numeric character references unescaped (handleSpecialEntities) and comments pulled onto their
 * neighbours' lines (correctComments).
 */
export function sdrXml(root: Record<string, unknown>): string {
  const built = String(new XMLBuilder({ format: true, indentBy: '    ', ignoreAttributes: false, suppressBooleanAttributes: false, cdataPropName: '__cdata', commentPropName: '#xml__comment' }).build(root));
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${built.replace(/&amp;#(x?[\da-fA-F]+);/g, '&#$1;')}`;
  return xml.includes('<!--') ? xml.replace(/\s+<!--(.*?)-->\s+/g, '<!--$1-->') : xml;
}
