// The labels of a labels file, cut by a scan or parsed whole: both must read the same names and
// tell the same labels apart, and the scan must give way to the parser on anything unusual.
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { readInFileChildren, sameChild } from '../../src/salesforce/delta-labels.js';

const label = (name: string, value: string, indent = '    ') =>
  `${indent}<labels>\n${indent}    <fullName>${name}</fullName>\n${indent}    <language>en_US</language>\n${indent}    <protected>false</protected>\n${indent}    <shortDescription>${name}</shortDescription>\n${indent}    <value>${value}</value>\n${indent}</labels>\n`;
const file = (...labels: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n${labels.join('')}</CustomLabels>\n`;
const read = (xml: string) => readInFileChildren(xml, 'CustomLabels', 'labels', 'fullName');

describe('readInFileChildren', () => {
  it('cuts a plain labels file into its labels, keeping each one’s text', () => {
    const labels = read(file(label('Greeting', 'Hello'), label('Late_Notice', 'Overdue &amp; late')));
    assert.deepEqual([...labels.keys()], ['Greeting', 'Late_Notice']);
    assert.equal(labels.get('Greeting')!.text, label('Greeting', 'Hello').trimStart().trimEnd());
    assert.match(labels.get('Late_Notice')!.content(), /"value":"Overdue & late"/);
  });

  it('reads an empty labels file and a file with one label', () => {
    assert.deepEqual([...read(file()).keys()], []);
    assert.deepEqual([...read(file(label('Only', 'One'))).keys()], ['Only']);
  });

  for (const [why, xml] of [
    ['a comment', file(label('Greeting', 'Hello'), '    <!-- <labels><fullName>Ghost</fullName></labels> -->\n', label('Late', 'Overdue'))],
    ['CDATA', file(label('Greeting', '<![CDATA[a </labels> b]]>'), label('Late', 'Overdue'))],
    ['an attribute on a label', file(label('Greeting', 'Hello').replace('<labels>', '<labels kind="x">'), label('Late', 'Overdue'))],
    ['a name that needs decoding', file(label('Greeting', 'Hello'), label('Late&#95;Notice', 'Overdue'))],
  ] as const) {
    it(`parses the file whole when it holds ${why}, and reads what the parser reads`, () => {
      const labels = read(xml);
      for (const child of labels.values()) assert.equal(child.text, undefined, 'not from the scan');
      assert.ok(labels.has('Greeting'));
      assert.ok(!labels.has('Ghost'));
    });
  }

  it('fails on a label without a name, as source-deploy-retrieve does', () => {
    assert.throws(() => read(file(label('Greeting', 'Hello'), '    <labels>\n        <value>x</value>\n    </labels>\n')), /has no <fullName>/);
  });

  it('tells a changed label from a reformatted one, whichever way each file was read', () => {
    const before = read(file(label('A', 'Same'), label('B', 'Before')));
    const reindented = read(file(label('A', 'Same', '\t'), label('B', 'After', '\t')));
    const parsed = read(file(label('A', 'Same'), '<!-- forces a whole parse -->\n', label('B', 'Before')));
    assert.ok(sameChild(before.get('A')!, reindented.get('A')!));
    assert.ok(!sameChild(before.get('B')!, reindented.get('B')!));
    assert.ok(sameChild(before.get('A')!, parsed.get('A')!));
    assert.ok(sameChild(parsed.get('B')!, before.get('B')!));
    assert.ok(!sameChild(parsed.get('B')!, reindented.get('B')!));
  });
});
