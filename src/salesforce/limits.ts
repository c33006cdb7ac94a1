import { RunStatus } from '../constants.js';
import { ActionError } from '../errors.js';

/**
 * The Metadata API's limits on one deploy or retrieve: "You can deploy or retrieve up to 10,000
 * files at once" and "The maximum size of the deployed or retrieved .zip file is 39 MB"
 * (Metadata API Developer Guide, "Metadata API Limits"). MB is read as 10^6 bytes, the stricter
 * reading, so a package the action accepts is never refused by Salesforce for its size.
 */
export const METADATA_LIMITS = { files: 10_000, zipBytes: 39_000_000 } as const;

/** A package refused for the Metadata API's limits; nothing was sent. */
export class PackageTooLarge extends ActionError {
  constructor(message: string) {
    super(message, RunStatus.Failed);
  }
}

/** Why a zip of `files` files and `zipBytes` bytes exceeds the Metadata API's limits, or undefined (pure). */
export function limitExcess(files: number, zipBytes: number, limits: { files: number; zipBytes: number } = METADATA_LIMITS): string[] {
  const excess: string[] = [];
  if (files > limits.files) excess.push(`${files.toLocaleString('en-US')} files, over the limit of ${limits.files.toLocaleString('en-US')}`);
  if (zipBytes > limits.zipBytes) excess.push(`${(zipBytes / 1e6).toFixed(1)} MB compressed, over the limit of ${(limits.zipBytes / 1e6).toFixed(0)} MB`);
  return excess;
}

/**
 * Refuses a deploy package Salesforce would refuse, before any call: with the figures, and the
 * ways to deploy less at once.
 */
export function assertWithinLimits(pkg: { fileCount: number; zip: Buffer }, what: string): void {
  const excess = limitExcess(pkg.fileCount, pkg.zip.length);
  if (excess.length === 0) return;
  throw new PackageTooLarge(
    `The ${what} has ${excess.join(' and ')} (Metadata API limits for one deploy: ${METADATA_LIMITS.files.toLocaleString('en-US')} files, 39 MB compressed); Salesforce would refuse it, so nothing was sent. ` +
      `Deploy less at once: set delta: true to deploy only what changed since the last release, or give a manifest (package.xml) listing part of the source and release the rest in later runs.`,
  );
}
