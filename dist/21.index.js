export const id = 21;
export const ids = [21];
export const modules = {

/***/ 69021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writeTestResults: () => (/* binding */ writeTestResults)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/istanbul-lib-coverage/index.js
var istanbul_lib_coverage = __webpack_require__(89377);
var istanbul_lib_coverage_default = /*#__PURE__*/__webpack_require__.n(istanbul_lib_coverage);
// EXTERNAL MODULE: ./node_modules/istanbul-lib-report/index.js
var istanbul_lib_report = __webpack_require__(44761);
var istanbul_lib_report_default = /*#__PURE__*/__webpack_require__.n(istanbul_lib_report);
// EXTERNAL MODULE: ./node_modules/istanbul-reports/lib/cobertura/index.js
var cobertura = __webpack_require__(3790);
var cobertura_default = /*#__PURE__*/__webpack_require__.n(cobertura);
// EXTERNAL MODULE: ./node_modules/istanbul-reports/lib/json/index.js
var json = __webpack_require__(36167);
var json_default = /*#__PURE__*/__webpack_require__.n(json);
// EXTERNAL MODULE: ./node_modules/istanbul-reports/lib/json-summary/index.js
var json_summary = __webpack_require__(3394);
var json_summary_default = /*#__PURE__*/__webpack_require__.n(json_summary);
// EXTERNAL MODULE: ./node_modules/istanbul-reports/lib/lcovonly/index.js
var lcovonly = __webpack_require__(69335);
var lcovonly_default = /*#__PURE__*/__webpack_require__.n(lcovonly);
// EXTERNAL MODULE: ./src/report/coverage.ts
var coverage = __webpack_require__(73122);
// EXTERNAL MODULE: ./src/report/tested-operation.ts
var tested_operation = __webpack_require__(81985);
;// CONCATENATED MODULE: ./src/report/test-results.ts
/**
 * The Apex test results of one Salesforce operation as JUnit XML, in the shape `sf project deploy
 * --junit` writes (one `force.apex` testsuite, a testcase per method with `classname` the Apex
 * class, a `failure` carrying the message and the stack trace, times in seconds) so CI test
 * reporters read it as they read the CLI's.
 */
function junitXml(operation, context) {
    const o = operation.outcome;
    const cases = [
        ...o.testFailures.map((t) => ({ ...t, failed: true })),
        ...o.testSuccesses.map((t) => ({ ...t, failed: false, message: '', stackTrace: '' })),
    ].sort((a, b) => a.className.localeCompare(b.className) || a.methodName.localeCompare(b.methodName));
    const tests = Math.max(o.testsRun, cases.length);
    const failures = Math.max(o.testsFailed, o.testFailures.length);
    const seconds = (ms) => (ms / 1000).toFixed(3);
    const totalMs = o.testTime || cases.reduce((sum, c) => sum + c.time, 0);
    const properties = [
        ['outcome', failures ? 'Failed' : 'Passed'],
        ['operation', operation.label],
        ['deployId', o.id],
        ['deployStatus', o.status],
        ['orgId', context.orgId],
        ['instanceUrl', operation.instanceUrl],
        ['testsRan', tests],
        ['passing', tests - failures],
        ['failing', failures],
        ['skipped', 0],
        ['passRate', tests ? `${Math.round(((tests - failures) / tests) * 100)}%` : undefined],
        ['testExecutionTime', `${seconds(totalMs)} s`],
        ['orgWideCoverage', o.coverage !== undefined ? `${o.coverage}%` : undefined],
    ];
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${attr(operation.label)}" tests="${tests}" failures="${failures}" errors="0" time="${seconds(totalMs)}">`,
        `  <testsuite name="force.apex" timestamp="${attr(context.timestamp)}" hostname="${attr(operation.instanceUrl)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="${seconds(totalMs)}">`,
        '    <properties>',
        ...properties.filter(([, value]) => value !== undefined && value !== '').map(([name, value]) => `      <property name="${attr(name)}" value="${attr(String(value))}"/>`),
        '    </properties>',
    ];
    for (const c of cases) {
        const open = `    <testcase name="${attr(c.methodName)}" classname="${attr(c.className)}" time="${seconds(c.time)}"`;
        if (!c.failed) {
            lines.push(`${open}/>`);
            continue;
        }
        lines.push(`${open}>`, `      <failure message="${attr(c.message)}" type="${attr(failureType(c.message))}">${test_results_text([c.message, c.stackTrace].filter(Boolean).join('\n'))}</failure>`, '    </testcase>');
    }
    lines.push('  </testsuite>', '</testsuites>', '');
    return lines.join('\n');
}
/** The exception type Apex puts before the first colon of a failure message (System.AssertException: …). */
function failureType(message) {
    return /^([A-Za-z_][\w.]*Exception)\b/.exec(message)?.[1] ?? 'AssertionError';
}
/** Characters XML 1.0 cannot carry at all are dropped; the five special ones escaped. */
function test_results_text(value) {
    return value
        .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}
function attr(value) {
    return test_results_text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

;// CONCATENATED MODULE: ./src/report/results-files.ts











/**
 * Writes the JUnit XML and coverage reports of the last operation that ran tests, laid out as
 * `sf project deploy --results-dir` lays them out: `junit/junit.xml` and `coverage/` with
 * cobertura.xml, coverage-summary.json (json-summary), coverage.json (json) and lcov.info,
 * produced by the istanbul reporters the CLI uses. Returns undefined when no operation ran tests.
 */
function writeTestResults(report, resultsDir, workspace, now = new Date()) {
    const operation = (0,tested_operation/* testedOperation */.d)(report);
    if (!operation)
        return undefined;
    const junitDir = external_node_path_default().join(resultsDir, 'junit');
    (0,external_node_fs_.mkdirSync)(junitDir, { recursive: true });
    const junitFile = external_node_path_default().join(junitDir, 'junit.xml');
    (0,external_node_fs_.writeFileSync)(junitFile, junitXml(operation, { timestamp: now.toISOString(), orgId: report.orgs[operation.role]?.id }));
    const classes = operation.outcome.classCoverage;
    if (!classes.length)
        return { junitFile };
    const coverageDir = external_node_path_default().join(resultsDir, 'coverage');
    (0,external_node_fs_.mkdirSync)(coverageDir, { recursive: true });
    const map = istanbul_lib_coverage_default().createCoverageMap({});
    const sources = new Map();
    for (const cls of classes) {
        const relative = operation.sources?.[cls.name] ?? `${cls.type === 'Trigger' ? 'triggers' : 'classes'}/${cls.name}.${cls.type === 'Trigger' ? 'trigger' : 'cls'}`;
        const file = external_node_path_default().resolve(workspace, relative);
        const source = operation.sources?.[cls.name] && (0,external_node_fs_.existsSync)(file) ? (0,external_node_fs_.readFileSync)(file, 'utf8') : undefined;
        if (source !== undefined)
            sources.set(file, source);
        map.addFileCoverage((0,coverage/* apexFileCoverage */.FU)(file, cls, source));
    }
    const context = istanbul_lib_report_default().createContext({ dir: coverageDir, coverageMap: map, defaultSummarizer: 'flat', sourceFinder: (file) => sources.get(file) ?? '' });
    Object.defineProperty(context, 'writer', { value: wholeFileWriter(coverageDir) });
    const reports = [
        new (cobertura_default())({ file: 'cobertura.xml', projectRoot: workspace }),
        new (json_summary_default())({ file: 'coverage-summary.json' }),
        new (json_default())({ file: 'coverage.json' }),
        new (lcovonly_default())({ file: 'lcov.info', projectRoot: workspace }),
    ];
    for (const r of reports)
        r.execute(context);
    return { junitFile, coverageDir };
}
/**
 * istanbul's file writer sends every fragment a report writes to its own write(2): tens of
 * thousands for the cobertura.xml of a 2,450-class project (0.17 s of the report). This one keeps
 * a file's fragments and writes the file once, when the report closes it. The reports used here
 * call writeFile, then write / println / colorize, then close.
 */
function wholeFileWriter(baseDir) {
    return {
        writeFile(file) {
            const target = external_node_path_default().resolve(baseDir, file);
            const parts = [];
            return {
                write: (text) => void parts.push(text),
                println: (text) => void parts.push(`${text}\n`),
                colorize: (text) => text,
                close: () => {
                    (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(target), { recursive: true });
                    (0,external_node_fs_.writeFileSync)(target, parts.join(''));
                },
            };
        },
    };
}


/***/ })

};
