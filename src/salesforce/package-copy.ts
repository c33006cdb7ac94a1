import path from 'node:path';
import type { MetadataType, SourceComponent } from '@salesforce/source-deploy-retrieve';

// Most of a source package is converted to metadata format by copying files under new names: SDR
// gives every type without a transformer strategy (or with 'standard') its
// DefaultMetadataTransformer, which writes each content file and the -meta.xml file unchanged,
// each read through its own stream. In the 10,000-file generated project that is 2,950 of 3,101
// components (Apex, LWC, permission sets, triggers), and the streams are most of the conversion's
// time. package-convert.ts copies those components' files directly, with the names this module
// gives, and sends only the others (decomposed objects, labels, static resources, replacements)
// through SDR's ComponentConverter. test/integration/package-convert.test.ts and
// package-real-metadata.test.ts compare every entry and byte with SDR's own conversion.

const META_XML_SUFFIX = '-meta.xml';
/** SDR's ORIGINAL_SUFFIX_REGEX (defaultMetadataTransformer): the suffix before -meta.xml. */
const ORIGINAL_SUFFIX = /(.)([a-zA-Z]+)(-meta\.xml)$/;

/** Whether SDR's conversion of this component to metadata format is a copy of its files (its DefaultMetadataTransformer, no replacements). */
export function isCopiedAsIs(component: SourceComponent): boolean {
  if (component.parent || component.isMarkedForDelete() || component.replacements) return false;
  const transformer = component.type.strategies?.transformer;
  return transformer === undefined || transformer === 'standard';
}

/** One file of a copied component: where it is read from, and its name in the package. */
export interface CopiedFile {
  source: string;
  output: string;
}

/** What naming a copied component's files takes: SDR's SourceComponent, or package-plain.ts's own. */
export interface CopySource {
  type: Pick<MetadataType, 'id' | 'name' | 'suffix' | 'legacySuffix' | 'folderContentType'>;
  content?: string;
  xml?: string;
  getPackageRelativePath(fsPath: string, format: 'metadata'): string;
}

/**
 * The files SDR's DefaultMetadataTransformer writes for a component in metadata format (its
 * getWriteInfos with target 'metadata' and nothing to merge with): every content file (`content`:
 * its walkContent()) under its
 * package-relative path, then the metadata file, whose name follows SDR's quirks (a -meta.xml
 * suffix dropped when there is no content file, a folder type's suffix dropped, a Document's
 * suffix taken from its content file, a legacy suffix replaced by the current one).
 */
export function copiedFiles(component: CopySource, content: string[]): CopiedFile[] {
  const files: CopiedFile[] = content.map((source) => ({ source, output: component.getPackageRelativePath(source, 'metadata') }));
  if (component.xml) files.push({ source: component.xml, output: xmlOutput(component, component.xml) });
  return files;
}

function xmlOutput(component: CopySource, xml: string): string {
  const { folderContentType, suffix, legacySuffix } = component.type;
  let output = component.getPackageRelativePath(xml, 'metadata');
  if (!component.content && component.type.id !== 'digitalexperiencebundle') {
    if (folderContentType) output = output.replace(`.${suffix ?? ''}`, '');
    else if (output.includes(META_XML_SUFFIX)) output = output.slice(0, output.lastIndexOf(META_XML_SUFFIX));
  } else if (suffix) {
    output =
      component.type.name === 'Document' && component.content
        ? output.replace(new RegExp(`.${suffix}${META_XML_SUFFIX}$`), `.${extensionOf(component.content)}${META_XML_SUFFIX}`)
        : output.replace(ORIGINAL_SUFFIX, `.${suffix}${META_XML_SUFFIX}`);
  }
  if (legacySuffix && suffix && output.includes(legacySuffix)) output = output.replace(legacySuffix, suffix);
  return output;
}

/** SDR's extName: the first segment of a path's extension, without the dot. */
function extensionOf(file: string): string {
  const split = path.extname(file).split('.');
  return split.length > 1 ? split[1]! : split[0]!;
}
