import type { DeployOptions } from './deploy.js';
import { METADATA_TYPES } from './metadata-store.js';
import { ApiFault } from './org.js';
import { deployDetail, deployResultView } from './rest.js';
import type { AuthenticatedCall, Reply } from './server.js';
import { escapeXml, METADATA_NS, parseXml, toXml } from './xml.js';

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const ARRAY_TAGS = new Set(['runTests', 'types', 'members', 'queries', 'fullNames', 'packageNames', 'specificFiles']);

/** The parts of a Metadata API SOAP request the emulator dispatches on. */
export interface SoapRequest {
  method: string;
  sessionId?: string;
  args: Record<string, unknown>;
}

/** Reads the envelope: the session id from SessionHeader and the first element of the Body. */
export function parseSoapRequest(body: string): SoapRequest | undefined {
  let envelope: Record<string, unknown>;
  try {
    envelope = (parseXml(body, ARRAY_TAGS).Envelope ?? {}) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const header = (envelope.Header ?? {}) as { SessionHeader?: { sessionId?: string } };
  const soapBody = envelope.Body as Record<string, unknown> | undefined;
  const method = soapBody ? Object.keys(soapBody)[0] : undefined;
  if (!method) return undefined;
  const args = soapBody![method];
  return {
    method,
    sessionId: header.SessionHeader?.sessionId || undefined,
    args: args && typeof args === 'object' ? (args as Record<string, unknown>) : {},
  };
}

/** A SOAP fault as Salesforce sends it: HTTP 500, `sf:<CODE>` faultcode, `<CODE>: <message>` faultstring. */
export function soapFault(code: string, message: string, detail?: Record<string, unknown>): Reply {
  const faultType = code === 'INVALID_ID_FIELD' || code === 'INVALID_CROSS_REFERENCE_KEY' ? 'InvalidIdFault' : 'UnexpectedErrorFault';
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns:sf="${METADATA_NS}" xmlns:xsi="${XSI}">` +
    `<soapenv:Body><soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${escapeXml(`${code}: ${message}`)}</faultstring>` +
    `<detail><sf:${faultType} xsi:type="sf:${faultType}"><sf:exceptionCode>${code}</sf:exceptionCode>` +
    `<sf:exceptionMessage>${escapeXml(message)}</sf:exceptionMessage></sf:${faultType}></detail>` +
    `</soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
  return { status: 500, body: xml, contentType: 'text/xml;charset=UTF-8', detail: { ...detail, faultcode: code } };
}

/** The fault for a missing or dead session, which jsforce recognises and answers by refreshing. */
export function invalidSessionFault(): Reply {
  return soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session');
}

function soapResponse(method: string, result: unknown, detail?: Record<string, unknown>): Reply {
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns="${METADATA_NS}" xmlns:xsi="${XSI}">` +
    `<soapenv:Body><${method}Response>${toXml('result', result)}</${method}Response></soapenv:Body></soapenv:Envelope>`;
  return { status: 200, body: xml, contentType: 'text/xml;charset=UTF-8', detail };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const flag = (value: unknown): boolean | undefined => (value === undefined || value === '' ? undefined : value === 'true');

function deployOptionsFromSoap(raw: Record<string, unknown>): DeployOptions {
  return {
    allowMissingFiles: flag(raw.allowMissingFiles),
    autoUpdatePackage: flag(raw.autoUpdatePackage),
    checkOnly: flag(raw.checkOnly),
    ignoreWarnings: flag(raw.ignoreWarnings),
    performRetrieve: flag(raw.performRetrieve),
    purgeOnDelete: flag(raw.purgeOnDelete),
    rollbackOnError: flag(raw.rollbackOnError),
    runTests: Array.isArray(raw.runTests) ? raw.runTests.map(String).filter(Boolean) : undefined,
    singlePackage: flag(raw.singlePackage),
    testLevel: text(raw.testLevel),
  };
}

/** Dispatches an authenticated Metadata API call on the first element of the SOAP Body. */
export function metadataCall(call: AuthenticatedCall, request: SoapRequest): Reply {
  const { org, user } = call;
  const args = request.args;
  try {
    switch (request.method) {
      case 'deploy': {
        const zip = Buffer.from(String(args.ZipFile ?? ''), 'base64');
        const options = deployOptionsFromSoap((args.DeployOptions ?? {}) as Record<string, unknown>);
        const record = org.submitDeploy(zip, options, 'soap', user.id);
        return soapResponse('deploy', { done: false, id: record.id, state: 'Queued' }, deployDetail(record));
      }
      case 'checkDeployStatus': {
        const record = org.checkDeploy(String(args.asyncProcessId ?? ''));
        const includeDetails = args.includeDetails === 'true';
        return soapResponse('checkDeployStatus', deployResultView(record.result, includeDetails), {
          id: record.id,
          status: record.result.status,
          includeDetails,
        });
      }
      case 'cancelDeploy': {
        if (call.finishFirst) org.finishDeploy(String(args.id ?? ''));
        const record = org.cancelDeploy(String(args.id ?? ''), user.id);
        return soapResponse('cancelDeploy', { done: record.result.done, id: record.id }, { id: record.id, status: record.result.status });
      }
      case 'deployRecentValidation': {
        const record = org.submitQuickDeploy(String(args.validationId ?? ''), 'soap', user.id);
        return soapResponse('deployRecentValidation', record.id, deployDetail(record));
      }
      case 'retrieve': {
        const raw = (args.request ?? {}) as { apiVersion?: string; singlePackage?: string; unpackaged?: { types?: Array<{ name?: string; members?: string[] }> } };
        const types = new Map<string, string[]>();
        for (const entry of raw.unpackaged?.types ?? []) {
          if (entry.name) types.set(entry.name, [...(types.get(entry.name) ?? []), ...(entry.members ?? [])]);
        }
        const id = org.submitRetrieve({ apiVersion: text(raw.apiVersion), singlePackage: raw.singlePackage === 'true', types });
        const members = [...types.values()].reduce((n, m) => n + m.length, 0);
        return soapResponse('retrieve', { done: false, id, state: 'Queued' }, { id, types: [...types.keys()], members });
      }
      case 'checkRetrieveStatus': {
        const result = org.checkRetrieve(String(args.asyncProcessId ?? ''), args.includeZip !== 'false');
        return soapResponse('checkRetrieveStatus', result, { id: result.id, status: result.status, ...org.retrieveSize(result.id) });
      }
      case 'listMetadata': {
        const queries = (args.queries ?? []) as Array<{ type?: string }>;
        const types = queries.map((query) => query.type ?? '').filter(Boolean);
        return soapResponse('listMetadata', types.flatMap((type) => org.listMetadata(type)), { types });
      }
      case 'describeMetadata':
        return soapResponse('describeMetadata', {
          metadataObjects: METADATA_TYPES.map((info) => ({
            childXmlNames: Object.values(info.children ?? {}),
            directoryName: info.directoryName,
            inFolder: false,
            metaFile: info.metaFile ?? false,
            suffix: info.suffix,
            xmlName: info.name,
          })),
          organizationNamespace: '',
          partialSaveAllowed: true,
          testRequired: !org.isSandbox,
        });
      default:
        return soapFault('INVALID_OPERATION', `No operation available for request {${METADATA_NS}}${request.method}`);
    }
  } catch (error) {
    if (error instanceof ApiFault) return soapFault(error.code, error.message);
    throw error;
  }
}

const PARTNER_NS = 'urn:partner.soap.sforce.com';

/**
 * The Partner SOAP API (`/services/Soap/u/<version>`), only `getServerTimestamp`: the org's
 * current time, as the SOAP API Developer Guide documents it (GetServerTimestampResult with one
 * `timestamp` dateTime, UTC).
 */
export function partnerCall(_call: AuthenticatedCall, request: SoapRequest): Reply {
  if (request.method !== 'getServerTimestamp') return soapFault('INVALID_OPERATION', `No operation available for request {${PARTNER_NS}}${request.method}`);
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns="${PARTNER_NS}">` +
    `<soapenv:Body><getServerTimestampResponse><result><timestamp>${new Date().toISOString()}</timestamp></result></getServerTimestampResponse></soapenv:Body></soapenv:Envelope>`;
  return { status: 200, body: xml, contentType: 'text/xml;charset=UTF-8' };
}
