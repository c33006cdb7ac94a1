// package-copy.ts names the files of the components SDR converts by copying (its
// DefaultMetadataTransformer) without going through SDR's streams. For every such component of a
// project holding each of the transformer's naming quirks, the names and sources it gives must be
// exactly the write infos of SDR's own transformer (metadata format).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from '@jest/globals';
import { copiedFiles, isCopiedAsIs } from '../../src/salesforce/package-copy.js';
import { generateProject } from '../support/sfdx-project.js';

const meta = (type: string, body = '') => `<?xml version="1.0" encoding="UTF-8"?>\n<${type} xmlns="http://soap.sforce.com/2006/04/metadata">${body}</${type}>\n`;

/** A project with one component of each naming quirk of SDR's DefaultMetadataTransformer. */
function quirkProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'package-copy-'));
  const files: Record<string, string> = {
    // content + -meta.xml, same suffix
    'classes/Greeting.cls': 'public class Greeting {}',
    'classes/Greeting.cls-meta.xml': meta('ApexClass', '<apiVersion>62.0</apiVersion><status>Active</status>'),
    // no content: the -meta.xml suffix is dropped
    'layouts/Account-Account Layout.layout-meta.xml': meta('Layout'),
    'tabs/Invoice__c.tab-meta.xml': meta('CustomTab', '<customObject>true</customObject><motif>Custom1: Heart</motif>'),
    // a folder type: its suffix is dropped, -meta.xml kept
    'documents/Shared.documentFolder-meta.xml': meta('DocumentFolder', '<accessType>Public</accessType><name>Shared</name><publicFolderAccess>ReadOnly</publicFolderAccess>'),
    'email/Templates.emailFolder-meta.xml': meta('EmailFolder', '<accessType>Public</accessType><name>Templates</name><publicFolderAccess>ReadWrite</publicFolderAccess>'),
    // a Document: the metadata file takes its content file's extension
    'documents/Shared/logo.png': 'not really a png',
    'documents/Shared/logo.document-meta.xml': meta('Document', '<internalUseOnly>false</internalUseOnly><name>logo</name><public>true</public>'),
    // an email template in its folder
    'email/Templates/Welcome.email': 'Hello {!Contact.FirstName}',
    'email/Templates/Welcome.email-meta.xml': meta('EmailTemplate', '<available>true</available><encodingKey>UTF-8</encodingKey><name>Welcome</name><style>none</style><subject>Hi</subject><type>text</type>'),
    // a bundle: every file of the folder
    'lwc/hello/hello.js': 'export default class Hello {}',
    'lwc/hello/hello.html': '<template></template>',
    'lwc/hello/hello.js-meta.xml': meta('LightningComponentBundle', '<apiVersion>62.0</apiVersion><isExposed>false</isExposed>'),
    'aura/box/box.cmp': '<aura:component/>',
    'aura/box/box.cmp-meta.xml': meta('AuraDefinitionBundle', '<apiVersion>62.0</apiVersion>'),
    // a legacy suffix, replaced by the current one
    'weblinks/Help.custompageweblink-meta.xml': meta('CustomPageWebLink', '<availability>online</availability><displayType>link</displayType><encodingKey>UTF-8</encodingKey><linkType>url</linkType><openType>newWindow</openType><protected>false</protected><url>https://example.com</url>'),
    // a page: content and metadata
    'pages/Home.page': '<apex:page/>',
    'pages/Home.page-meta.xml': meta('ApexPage', '<apiVersion>62.0</apiVersion><label>Home</label>'),
  };
  for (const [name, body] of Object.entries(files)) {
    const file = path.join(root, 'force-app/main/default', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  writeFileSync(path.join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '62.0' }));
  return root;
}

/** For every component copied as-is: SDR's write infos and ours, as `output <- source` lines. */
async function compare(project: string): Promise<{ copied: number; types: Set<string> }> {
  process.env.SF_DISABLE_LOG_FILE = 'true';
  const { ComponentSet, RegistryAccess } = await import('@salesforce/source-deploy-retrieve');
  const { DefaultMetadataTransformer } = await import('@salesforce/source-deploy-retrieve/lib/src/convert/transformers/defaultMetadataTransformer.js');
  const set = ComponentSet.fromSource({ fsPaths: [path.join(project, 'force-app')] });
  const transformer = new DefaultMetadataTransformer(new RegistryAccess());
  let copied = 0;
  const types = new Set<string>();
  for (const component of set.getSourceComponents().toArray()) {
    if (!isCopiedAsIs(component)) continue;
    copied++;
    types.add(component.type.name);
    const infos = await transformer.toMetadataFormat(component);
    const theirs = infos.map((info) => {
      const source = info.source as NodeJS.ReadableStream & { path?: string; destroy(): void };
      source.destroy();
      return `${info.output} <- ${source.path}`;
    });
    const ours = copiedFiles(component, component.walkContent()).map((file) => `${file.output} <- ${file.source}`);
    assert.deepEqual(ours, theirs, `${component.type.name} ${component.fullName}`);
  }
  return { copied, types };
}

test("every naming quirk of SDR's DefaultMetadataTransformer: the same entry names and source files", async () => {
  const { types } = await compare(quirkProject());
  for (const type of ['ApexClass', 'Layout', 'CustomTab', 'DocumentFolder', 'EmailFolder', 'Document', 'EmailTemplate', 'LightningComponentBundle', 'AuraDefinitionBundle', 'CustomPageWebLink', 'ApexPage']) {
    assert.ok(types.has(type), `${type} was copied as-is (copied: ${[...types].join(', ')})`);
  }
});

test('the generated project: every component copied as-is is named as SDR names it', async () => {
  const project = mkdtempSync(path.join(tmpdir(), 'package-copy-generated-'));
  generateProject(project, 'default');
  const { copied } = await compare(project);
  assert.ok(copied > 10, `${copied} components copied`);
});
