import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 70298:
/***/ ((module) => {

// A simple implementation of make-array
function makeArray (subject) {
  return Array.isArray(subject)
    ? subject
    : [subject]
}

const EMPTY = ''
const SPACE = ' '
const ESCAPE = '\\'
const REGEX_TEST_BLANK_LINE = /^\s+$/
const REGEX_INVALID_TRAILING_BACKSLASH = /(?:[^\\]|^)\\$/
const REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/
const REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/
const REGEX_SPLITALL_CRLF = /\r?\n/g
// /foo,
// ./foo,
// ../foo,
// .
// ..
const REGEX_TEST_INVALID_PATH = /^\.*\/|^\.+$/

const SLASH = '/'

// Do not use ternary expression here, since "istanbul ignore next" is buggy
let TMP_KEY_IGNORE = 'node-ignore'
/* istanbul ignore else */
if (typeof Symbol !== 'undefined') {
  TMP_KEY_IGNORE = Symbol.for('node-ignore')
}
const KEY_IGNORE = TMP_KEY_IGNORE

const define = (object, key, value) =>
  Object.defineProperty(object, key, {value})

const REGEX_REGEXP_RANGE = /([0-z])-([0-z])/g

const RETURN_FALSE = () => false

// Sanitize the range of a regular expression
// The cases are complicated, see test cases for details
const sanitizeRange = range => range.replace(
  REGEX_REGEXP_RANGE,
  (match, from, to) => from.charCodeAt(0) <= to.charCodeAt(0)
    ? match
    // Invalid range (out of order) which is ok for gitignore rules but
    //   fatal for JavaScript regular expression, so eliminate it.
    : EMPTY
)

// See fixtures #59
const cleanRangeBackSlash = slashes => {
  const {length} = slashes
  return slashes.slice(0, length - length % 2)
}

// > If the pattern ends with a slash,
// > it is removed for the purpose of the following description,
// > but it would only find a match with a directory.
// > In other words, foo/ will match a directory foo and paths underneath it,
// > but will not match a regular file or a symbolic link foo
// >  (this is consistent with the way how pathspec works in general in Git).
// '`foo/`' will not match regular file '`foo`' or symbolic link '`foo`'
// -> ignore-rules will not deal with it, because it costs extra `fs.stat` call
//      you could use option `mark: true` with `glob`

// '`foo/`' should not continue with the '`..`'
const REPLACERS = [

  [
    // remove BOM
    // TODO:
    // Other similar zero-width characters?
    /^\uFEFF/,
    () => EMPTY
  ],

  // > Trailing spaces are ignored unless they are quoted with backslash ("\")
  [
    // (a\ ) -> (a )
    // (a  ) -> (a)
    // (a ) -> (a)
    // (a \ ) -> (a  )
    /((?:\\\\)*?)(\\?\s+)$/,
    (_, m1, m2) => m1 + (
      m2.indexOf('\\') === 0
        ? SPACE
        : EMPTY
    )
  ],

  // replace (\ ) with ' '
  // (\ ) -> ' '
  // (\\ ) -> '\\ '
  // (\\\ ) -> '\\ '
  [
    /(\\+?)\s/g,
    (_, m1) => {
      const {length} = m1
      return m1.slice(0, length - length % 2) + SPACE
    }
  ],

  // Escape metacharacters
  // which is written down by users but means special for regular expressions.

  // > There are 12 characters with special meanings:
  // > - the backslash \,
  // > - the caret ^,
  // > - the dollar sign $,
  // > - the period or dot .,
  // > - the vertical bar or pipe symbol |,
  // > - the question mark ?,
  // > - the asterisk or star *,
  // > - the plus sign +,
  // > - the opening parenthesis (,
  // > - the closing parenthesis ),
  // > - and the opening square bracket [,
  // > - the opening curly brace {,
  // > These special characters are often called "metacharacters".
  [
    /[\\$.|*+(){^]/g,
    match => `\\${match}`
  ],

  [
    // > a question mark (?) matches a single character
    /(?!\\)\?/g,
    () => '[^/]'
  ],

  // leading slash
  [

    // > A leading slash matches the beginning of the pathname.
    // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
    // A leading slash matches the beginning of the pathname
    /^\//,
    () => '^'
  ],

  // replace special metacharacter slash after the leading slash
  [
    /\//g,
    () => '\\/'
  ],

  [
    // > A leading "**" followed by a slash means match in all directories.
    // > For example, "**/foo" matches file or directory "foo" anywhere,
    // > the same as pattern "foo".
    // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
    // >   under directory "foo".
    // Notice that the '*'s have been replaced as '\\*'
    /^\^*\\\*\\\*\\\//,

    // '**/foo' <-> 'foo'
    () => '^(?:.*\\/)?'
  ],

  // starting
  [
    // there will be no leading '/'
    //   (which has been replaced by section "leading slash")
    // If starts with '**', adding a '^' to the regular expression also works
    /^(?=[^^])/,
    function startingReplacer () {
      // If has a slash `/` at the beginning or middle
      return !/\/(?!$)/.test(this)
        // > Prior to 2.22.1
        // > If the pattern does not contain a slash /,
        // >   Git treats it as a shell glob pattern
        // Actually, if there is only a trailing slash,
        //   git also treats it as a shell glob pattern

        // After 2.22.1 (compatible but clearer)
        // > If there is a separator at the beginning or middle (or both)
        // > of the pattern, then the pattern is relative to the directory
        // > level of the particular .gitignore file itself.
        // > Otherwise the pattern may also match at any level below
        // > the .gitignore level.
        ? '(?:^|\\/)'

        // > Otherwise, Git treats the pattern as a shell glob suitable for
        // >   consumption by fnmatch(3)
        : '^'
    }
  ],

  // two globstars
  [
    // Use lookahead assertions so that we could match more than one `'/**'`
    /\\\/\\\*\\\*(?=\\\/|$)/g,

    // Zero, one or several directories
    // should not use '*', or it will be replaced by the next replacer

    // Check if it is not the last `'/**'`
    (_, index, str) => index + 6 < str.length

      // case: /**/
      // > A slash followed by two consecutive asterisks then a slash matches
      // >   zero or more directories.
      // > For example, "a/**/b" matches "a/b", "a/x/b", "a/x/y/b" and so on.
      // '/**/'
      ? '(?:\\/[^\\/]+)*'

      // case: /**
      // > A trailing `"/**"` matches everything inside.

      // #21: everything inside but it should not include the current folder
      : '\\/.+'
  ],

  // normal intermediate wildcards
  [
    // Never replace escaped '*'
    // ignore rule '\*' will match the path '*'

    // 'abc.*/' -> go
    // 'abc.*'  -> skip this rule,
    //    coz trailing single wildcard will be handed by [trailing wildcard]
    /(^|[^\\]+)(\\\*)+(?=.+)/g,

    // '*.js' matches '.js'
    // '*.js' doesn't match 'abc'
    (_, p1, p2) => {
      // 1.
      // > An asterisk "*" matches anything except a slash.
      // 2.
      // > Other consecutive asterisks are considered regular asterisks
      // > and will match according to the previous rules.
      const unescaped = p2.replace(/\\\*/g, '[^\\/]*')
      return p1 + unescaped
    }
  ],

  [
    // unescape, revert step 3 except for back slash
    // For example, if a user escape a '\\*',
    // after step 3, the result will be '\\\\\\*'
    /\\\\\\(?=[$.|*+(){^])/g,
    () => ESCAPE
  ],

  [
    // '\\\\' -> '\\'
    /\\\\/g,
    () => ESCAPE
  ],

  [
    // > The range notation, e.g. [a-zA-Z],
    // > can be used to match one of the characters in a range.

    // `\` is escaped by step 3
    /(\\)?\[([^\]/]*?)(\\*)($|\])/g,
    (match, leadEscape, range, endEscape, close) => leadEscape === ESCAPE
      // '\\[bar]' -> '\\\\[bar\\]'
      ? `\\[${range}${cleanRangeBackSlash(endEscape)}${close}`
      : close === ']'
        ? endEscape.length % 2 === 0
          // A normal case, and it is a range notation
          // '[bar]'
          // '[bar\\\\]'
          ? `[${sanitizeRange(range)}${endEscape}]`
          // Invalid range notaton
          // '[bar\\]' -> '[bar\\\\]'
          : '[]'
        : '[]'
  ],

  // ending
  [
    // 'js' will not match 'js.'
    // 'ab' will not match 'abc'
    /(?:[^*])$/,

    // WTF!
    // https://git-scm.com/docs/gitignore
    // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
    // which re-fixes #24, #38

    // > If there is a separator at the end of the pattern then the pattern
    // > will only match directories, otherwise the pattern can match both
    // > files and directories.

    // 'js*' will not match 'a.js'
    // 'js/' will not match 'a.js'
    // 'js' will match 'a.js' and 'a.js/'
    match => /\/$/.test(match)
      // foo/ will not match 'foo'
      ? `${match}$`
      // foo matches 'foo' and 'foo/'
      : `${match}(?=$|\\/$)`
  ],

  // trailing wildcard
  [
    /(\^|\\\/)?\\\*$/,
    (_, p1) => {
      const prefix = p1
        // '\^':
        // '/*' does not match EMPTY
        // '/*' does not match everything

        // '\\\/':
        // 'abc/*' does not match 'abc/'
        ? `${p1}[^/]+`

        // 'a*' matches 'a'
        // 'a*' matches 'aa'
        : '[^/]*'

      return `${prefix}(?=$|\\/$)`
    }
  ],
]

// A simple cache, because an ignore rule only has only one certain meaning
const regexCache = Object.create(null)

// @param {pattern}
const makeRegex = (pattern, ignoreCase) => {
  let source = regexCache[pattern]

  if (!source) {
    source = REPLACERS.reduce(
      (prev, [matcher, replacer]) =>
        prev.replace(matcher, replacer.bind(pattern)),
      pattern
    )
    regexCache[pattern] = source
  }

  return ignoreCase
    ? new RegExp(source, 'i')
    : new RegExp(source)
}

const isString = subject => typeof subject === 'string'

// > A blank line matches no files, so it can serve as a separator for readability.
const checkPattern = pattern => pattern
  && isString(pattern)
  && !REGEX_TEST_BLANK_LINE.test(pattern)
  && !REGEX_INVALID_TRAILING_BACKSLASH.test(pattern)

  // > A line starting with # serves as a comment.
  && pattern.indexOf('#') !== 0

const splitPattern = pattern => pattern.split(REGEX_SPLITALL_CRLF)

class IgnoreRule {
  constructor (
    origin,
    pattern,
    negative,
    regex
  ) {
    this.origin = origin
    this.pattern = pattern
    this.negative = negative
    this.regex = regex
  }
}

const createRule = (pattern, ignoreCase) => {
  const origin = pattern
  let negative = false

  // > An optional prefix "!" which negates the pattern;
  if (pattern.indexOf('!') === 0) {
    negative = true
    pattern = pattern.substr(1)
  }

  pattern = pattern
  // > Put a backslash ("\") in front of the first "!" for patterns that
  // >   begin with a literal "!", for example, `"\!important!.txt"`.
  .replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, '!')
  // > Put a backslash ("\") in front of the first hash for patterns that
  // >   begin with a hash.
  .replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, '#')

  const regex = makeRegex(pattern, ignoreCase)

  return new IgnoreRule(
    origin,
    pattern,
    negative,
    regex
  )
}

const throwError = (message, Ctor) => {
  throw new Ctor(message)
}

const checkPath = (path, originalPath, doThrow) => {
  if (!isString(path)) {
    return doThrow(
      `path must be a string, but got \`${originalPath}\``,
      TypeError
    )
  }

  // We don't know if we should ignore EMPTY, so throw
  if (!path) {
    return doThrow(`path must not be empty`, TypeError)
  }

  // Check if it is a relative path
  if (checkPath.isNotRelative(path)) {
    const r = '`path.relative()`d'
    return doThrow(
      `path should be a ${r} string, but got "${originalPath}"`,
      RangeError
    )
  }

  return true
}

const isNotRelative = path => REGEX_TEST_INVALID_PATH.test(path)

checkPath.isNotRelative = isNotRelative
checkPath.convert = p => p

class Ignore {
  constructor ({
    ignorecase = true,
    ignoreCase = ignorecase,
    allowRelativePaths = false
  } = {}) {
    define(this, KEY_IGNORE, true)

    this._rules = []
    this._ignoreCase = ignoreCase
    this._allowRelativePaths = allowRelativePaths
    this._initCache()
  }

  _initCache () {
    this._ignoreCache = Object.create(null)
    this._testCache = Object.create(null)
  }

  _addPattern (pattern) {
    // #32
    if (pattern && pattern[KEY_IGNORE]) {
      this._rules = this._rules.concat(pattern._rules)
      this._added = true
      return
    }

    if (checkPattern(pattern)) {
      const rule = createRule(pattern, this._ignoreCase)
      this._added = true
      this._rules.push(rule)
    }
  }

  // @param {Array<string> | string | Ignore} pattern
  add (pattern) {
    this._added = false

    makeArray(
      isString(pattern)
        ? splitPattern(pattern)
        : pattern
    ).forEach(this._addPattern, this)

    // Some rules have just added to the ignore,
    // making the behavior changed.
    if (this._added) {
      this._initCache()
    }

    return this
  }

  // legacy
  addPattern (pattern) {
    return this.add(pattern)
  }

  //          |           ignored : unignored
  // negative |   0:0   |   0:1   |   1:0   |   1:1
  // -------- | ------- | ------- | ------- | --------
  //     0    |  TEST   |  TEST   |  SKIP   |    X
  //     1    |  TESTIF |  SKIP   |  TEST   |    X

  // - SKIP: always skip
  // - TEST: always test
  // - TESTIF: only test if checkUnignored
  // - X: that never happen

  // @param {boolean} whether should check if the path is unignored,
  //   setting `checkUnignored` to `false` could reduce additional
  //   path matching.

  // @returns {TestResult} true if a file is ignored
  _testOne (path, checkUnignored) {
    let ignored = false
    let unignored = false

    this._rules.forEach(rule => {
      const {negative} = rule
      if (
        unignored === negative && ignored !== unignored
        || negative && !ignored && !unignored && !checkUnignored
      ) {
        return
      }

      const matched = rule.regex.test(path)

      if (matched) {
        ignored = !negative
        unignored = negative
      }
    })

    return {
      ignored,
      unignored
    }
  }

  // @returns {TestResult}
  _test (originalPath, cache, checkUnignored, slices) {
    const path = originalPath
      // Supports nullable path
      && checkPath.convert(originalPath)

    checkPath(
      path,
      originalPath,
      this._allowRelativePaths
        ? RETURN_FALSE
        : throwError
    )

    return this._t(path, cache, checkUnignored, slices)
  }

  _t (path, cache, checkUnignored, slices) {
    if (path in cache) {
      return cache[path]
    }

    if (!slices) {
      // path/to/a.js
      // ['path', 'to', 'a.js']
      slices = path.split(SLASH)
    }

    slices.pop()

    // If the path has no parent directory, just test it
    if (!slices.length) {
      return cache[path] = this._testOne(path, checkUnignored)
    }

    const parent = this._t(
      slices.join(SLASH) + SLASH,
      cache,
      checkUnignored,
      slices
    )

    // If the path contains a parent directory, check the parent first
    return cache[path] = parent.ignored
      // > It is not possible to re-include a file if a parent directory of
      // >   that file is excluded.
      ? parent
      : this._testOne(path, checkUnignored)
  }

  ignores (path) {
    return this._test(path, this._ignoreCache, false).ignored
  }

  createFilter () {
    return path => !this.ignores(path)
  }

  filter (paths) {
    return makeArray(paths).filter(this.createFilter())
  }

  // @returns {TestResult}
  test (path) {
    return this._test(path, this._testCache, true)
  }
}

const factory = options => new Ignore(options)

const isPathValid = path =>
  checkPath(path && checkPath.convert(path), path, RETURN_FALSE)

factory.isPathValid = isPathValid

// Fixes typescript
factory.default = factory

module.exports = factory

// Windows
// --------------------------------------------------------------
/* istanbul ignore if */
if (
  // Detect `process` so that it can run in browsers.
  typeof process !== 'undefined'
  && (
    process.env && process.env.IGNORE_TEST_WIN32
    || process.platform === 'win32'
  )
) {
  /* eslint no-control-regex: "off" */
  const makePosix = str => /^\\\\\?\\/.test(str)
  || /["<>|\u0000-\u001F]+/u.test(str)
    ? str
    : str.replace(/\\/g, '/')

  checkPath.convert = makePosix

  // 'C:\\foo'     <- 'C:\\foo' has been converted to 'C:/'
  // 'd:\\foo'
  const REGIX_IS_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i
  checkPath.isNotRelative = path =>
    REGIX_IS_WINDOWS_PATH_ABSOLUTE.test(path)
    || isNotRelative(path)
}


/***/ }),

/***/ 27242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   Wc: () => (/* binding */ OrgInputs),
/* harmony export */   i2: () => (/* binding */ RunStatus),
/* harmony export */   ln: () => (/* binding */ PACKAGE_WORKER_ROLE),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
/** Every input name of action.yml, spelled once. */
var Inputs;
(function (Inputs) {
    Inputs["Environment"] = "environment";
    Inputs["Mode"] = "mode";
    Inputs["SourceDir"] = "source-dir";
    Inputs["Manifest"] = "manifest";
    Inputs["TestLevel"] = "test-level";
    Inputs["Tests"] = "tests";
    Inputs["CoverageThreshold"] = "coverage-threshold";
    Inputs["RequiredApprovals"] = "required-approvals";
    Inputs["Approvers"] = "approvers";
    Inputs["AllowStaleApprovals"] = "allow-stale-approvals";
    Inputs["ProductionBranches"] = "production-branches";
    Inputs["GitHubToken"] = "github-token";
    Inputs["RollbackRunId"] = "rollback-run-id";
    Inputs["RollbackRunAttempt"] = "rollback-run-attempt";
    Inputs["RollbackArtifactName"] = "rollback-artifact-name";
    Inputs["RollbackRequiredApprovals"] = "rollback-required-approvals";
    Inputs["WaitMinutes"] = "wait-minutes";
    Inputs["DryRun"] = "dry-run";
    Inputs["ValidateProduction"] = "validate-production";
    Inputs["Delta"] = "delta";
    Inputs["ApiVersion"] = "api-version";
    Inputs["ResultsDir"] = "results-dir";
})(Inputs || (Inputs = {}));
/** Per-org credential inputs; the full name is `<role>-<suffix>`, e.g. `sandbox-auth-url`. */
var OrgInputs;
(function (OrgInputs) {
    OrgInputs["AuthUrl"] = "auth-url";
    OrgInputs["Username"] = "username";
    OrgInputs["ClientId"] = "client-id";
    OrgInputs["JwtKey"] = "jwt-key";
    OrgInputs["InstanceUrl"] = "instance-url";
    OrgInputs["AccessToken"] = "access-token";
})(OrgInputs || (OrgInputs = {}));
/** Every output name of action.yml, spelled once. */
var Outputs;
(function (Outputs) {
    Outputs["Status"] = "status";
    Outputs["ValidationId"] = "validation-id";
    Outputs["ProductionValidationId"] = "production-validation-id";
    Outputs["DeployId"] = "deploy-id";
    Outputs["RollbackArtifact"] = "rollback-artifact";
    Outputs["Components"] = "components";
    Outputs["TestsRun"] = "tests-run";
    Outputs["TestsFailed"] = "tests-failed";
    Outputs["Coverage"] = "coverage";
    Outputs["QuickDeployed"] = "quick-deployed";
    Outputs["OrgId"] = "org-id";
    Outputs["DeploymentId"] = "deployment-id";
    Outputs["JunitFile"] = "junit-file";
    Outputs["CoverageDir"] = "coverage-dir";
})(Outputs || (Outputs = {}));
/** Names saved with core.saveState for the post step. */
var State;
(function (State) {
    State["IsPost"] = "isPost";
    State["PendingDeploy"] = "pendingDeploy";
})(State || (State = {}));
/** The `status` output's values. */
var RunStatus;
(function (RunStatus) {
    RunStatus["Succeeded"] = "succeeded";
    RunStatus["Failed"] = "failed";
    RunStatus["Blocked"] = "blocked";
    RunStatus["Skipped"] = "skipped";
})(RunStatus || (RunStatus = {}));
/** workerData.role of a packaging worker thread: the bundle's entry runs a share of the packaging instead of the action. */
const PACKAGE_WORKER_ROLE = 'package-share';


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   aj: () => (/* binding */ sanitize),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iD: () => (/* binding */ Gate),
/* harmony export */   lZ: () => (/* binding */ ActionError),
/* harmony export */   mO: () => (/* binding */ SalesforceError),
/* harmony export */   ue: () => (/* binding */ GateError)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(27242);

/** Base of the errors this action raises on purpose; `status` is the run's `status` output. */
class ActionError extends Error {
    status;
    constructor(message, status = _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Failed) {
        super(message);
        this.status = status;
        this.name = new.target.name;
    }
}
/** One or more inputs are invalid; raised before any network call. */
class InputError extends ActionError {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? problems[0]
            : `${problems.length} input problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
    }
}
/** The gates of SPEC.md, in the order they are reported. */
var Gate;
(function (Gate) {
    Gate["Branch"] = "branch";
    Gate["OrgIdentity"] = "org identity";
    Gate["Validation"] = "validation";
    Gate["Approvals"] = "approvals";
    Gate["Snapshot"] = "rollback snapshot";
    Gate["RollbackArtifact"] = "rollback artifact";
    Gate["RollbackPermission"] = "rollback permission";
})(Gate || (Gate = {}));
/** A policy gate refused the run: `status=blocked`, nothing submitted to production. */
class GateError extends ActionError {
    gate;
    constructor(gate, message, status = _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Blocked) {
        super(`Gate '${gate}' refused: ${message}`, status);
        this.gate = gate;
    }
}
/** Salesforce rejected or broke an operation (validation, deploy, retrieve). */
class SalesforceError extends ActionError {
}
/** The text of any thrown value. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** Strips control and bidi characters from a user value before it is echoed, so it cannot forge a log line. */
function sanitize(value, max = 200) {
    // eslint-disable-next-line no-control-regex
    const clean = value.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ');
    return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}


/***/ }),

/***/ 83973:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ passGate)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(83916);
/* harmony import */ var _report_run_report_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(57330);
/* harmony import */ var _timing_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(72795);



/** Runs one gate check in its own log group, recording it as passed (with the evidence it returns) or refused. */
async function passGate(run, gate, check) {
    await (0,_timing_js__WEBPACK_IMPORTED_MODULE_1__/* .phase */ .O)(run, `Gate '${gate}'`, async () => {
        try {
            const evidence = await check();
            (0,_report_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .recordGate */ .RX)(run.report, gate, 'passed', evidence);
            run.runner.info(`Gate '${gate}' passed: ${evidence}`);
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue && error.gate === gate) {
                const detail = error.message.replace(/^Gate '[^']+' refused: /, '');
                (0,_report_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .recordGate */ .RX)(run.report, gate, 'refused', detail);
                run.runner.info(`Gate '${gate}' refused: ${detail}`);
            }
            throw error;
        }
    });
}


/***/ }),

/***/ 72795:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ phase),
/* harmony export */   U: () => (/* binding */ afterPendingIo)
/* harmony export */ });
/* harmony import */ var _report_tested_operation_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(81985);

/** Starts `work` once the I/O already queued (a request being sent) has had its turn. */
function afterPendingIo(work) {
    return new Promise((resolve) => setTimeout(resolve, 0)).then(work);
}
/**
 * Runs one phase of the run (a gate, packaging, a Salesforce operation) in its own log group and
 * records how long it took. GitHub's log groups do not nest, so a phase that starts while
 * another one's group is open (packaging runs while the orgs connect) logs into that group; its
 * time is recorded all the same. The elapsed-time line is written after the group closes, so it
 * reads in the collapsed log.
 */
async function phase(run, name, work, options = {}) {
    const now = options.now ?? Date.now;
    const { runner } = run;
    const grouped = !openGroup.has(runner) && typeof runner.startGroup === 'function';
    if (grouped) {
        openGroup.add(runner);
        runner.startGroup(name);
    }
    const started = now();
    let failed = true;
    try {
        const result = await work();
        failed = options.failed?.(result) ?? false;
        return result;
    }
    finally {
        const ms = now() - started;
        run.report.phases.push({ name, ms, failed });
        if (grouped) {
            runner.endGroup?.();
            openGroup.delete(runner);
        }
        runner.info(`${failed ? '✗' : '✓'} ${name} ${failed ? 'failed after' : 'took'} ${(0,_report_tested_operation_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(ms)}.`);
    }
}
/** Runners with a log group open (one per run; a WeakSet so test runners are not kept alive). */
const openGroup = new WeakSet();


/***/ }),

/***/ 96584:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ createGitHubClient),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   q0: () => (/* binding */ describe)
/* harmony export */ });
/** Network errors worth another try: the connection broke, not the request (see isTransient). */
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
/** Statuses plugin-retry never retries (its defaults); rate limits (403, 429) are the throttling plugin's. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/** Methods that are safe to send again: they change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);
/** Rate-limit retries per request: GitHub names the wait, so more tries only add waiting. */
const RATE_LIMIT_RETRIES = 2;
/**
 * Builds an authenticated Octokit for the run's repository, with @octokit/plugin-retry (GETs
 * retried after a 5xx or a broken connection) and @octokit/plugin-throttling (requests spaced as
 * GitHub asks, and retried — writes too — after a primary or secondary rate limit, up to
 * `maxRateLimitWaitSeconds`). @actions/github is imported here, not at the top, so a run that never
 * talks to GitHub does not pay for loading it.
 */
async function createGitHubClient(token, context, options = {}) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([__nccwpck_require__.e(/* import() */ 351).then(__nccwpck_require__.bind(__nccwpck_require__, 61351)), Promise.all(/* import() */[__nccwpck_require__.e(251), __nccwpck_require__.e(735)]).then(__nccwpck_require__.bind(__nccwpck_require__, 49735)), Promise.all(/* import() */[__nccwpck_require__.e(251), __nccwpck_require__.e(856)]).then(__nccwpck_require__.bind(__nccwpck_require__, 86856))]);
    const retries = options.retries ?? 3;
    const unit = options.waitUnitMs ?? 1000;
    const maxWait = options.maxRateLimitWaitSeconds ?? 600;
    const where = (request) => `${request.method} ${String(request.url).split('?')[0]}`;
    const onRateLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= RATE_LIMIT_RETRIES || retryAfter > maxWait)
            return false;
        options.onRetry?.(`GitHub ${kind} reached on ${where(request)}; retrying in ${retryAfter} s.`);
        return true;
    };
    /**
     * Innermost, so it sees every attempt: a write is never retried after a 5xx or a broken
     * connection (a POST that reached GitHub before the connection broke would be applied twice),
     * and each GET retry is reported, with the wait plugin-retry is about to take.
     */
    const retryPolicy = (octokit) => {
        octokit.hook.before('request', (request) => {
            if (!SAFE_METHODS.has(request.method))
                request.request = { ...request.request, retries: 0 };
        });
        octokit.hook.error('request', (error, request) => {
            const attempt = request.request?.retryCount ?? 0;
            const status = httpStatus(error);
            if (SAFE_METHODS.has(request.method) && status !== undefined && status >= 400 && !DO_NOT_RETRY.includes(status) && attempt < retries) {
                options.onRetry?.(`GitHub ${where(request)} failed (${describe(error)}); retrying in ${((attempt + 1) ** 2 * unit) / 1000} s.`);
            }
            throw error;
        });
        return {};
    };
    // Only baseUrl is passed, no `request`: giving one would replace @actions/github's proxy-aware fetch.
    const octokit = getOctokit(token, {
        baseUrl: context.apiUrl.replace(/\/+$/, ''),
        retry: { retries, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: unit },
        throttle: { onRateLimit: onRateLimit('rate limit'), onSecondaryRateLimit: onRateLimit('secondary rate limit'), retryAfterBaseValue: unit },
    }, retryPolicy, retry, throttling);
    return { octokit, owner: context.owner, repo: context.repo };
}
/** The HTTP status of an Octokit error, if it has one. */
function httpStatus(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/**
 * A one-line description of an Octokit error that never includes request headers (the token)
 * or the request body.
 */
function describe(error) {
    const status = httpStatus(error);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return status !== undefined ? `HTTP ${status}: ${message}` : message;
}
/** Whether an error is a 5xx answer or a broken connection: worth another try where repeating the request is safe. */
function isTransient(error) {
    const status = httpStatus(error);
    if (status !== undefined && status >= 500)
        return true;
    for (let cause = error; cause; cause = cause.cause) {
        if (typeof cause.code === 'string' && RETRYABLE_CODES.has(cause.code))
            return true;
    }
    return false;
}


/***/ }),

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ readRunContext),
/* harmony export */   Kd: () => (/* binding */ pullRequestNumber),
/* harmony export */   T5: () => (/* binding */ isPullRequestEvent),
/* harmony export */   Vp: () => (/* binding */ runUrl),
/* harmony export */   eF: () => (/* binding */ PRODUCTION_EVENTS),
/* harmony export */   k0: () => (/* binding */ isProductionEvent)
/* harmony export */ });
/* unused harmony export PULL_REQUEST_EVENTS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Reads the run's context from the runner's GITHUB_* variables and event payload file, without
 * loading @actions/github, so start-up stays lean.
 */
function readRunContext(env = process.env) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch {
            payload = {};
        }
    }
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        owner,
        repo,
        runId: Number(env.GITHUB_RUN_ID ?? 0),
        runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? 1),
        actor: env.GITHUB_ACTOR ?? '',
        workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
        serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        payload,
    };
}
/** The pull request number of a pull-request event, if any. */
function pullRequestNumber(context) {
    const n = context.payload.pull_request?.number ?? context.payload.number;
    return typeof n === 'number' ? n : undefined;
}
/** Link to the run's page. */
function runUrl(context) {
    return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
}
/** Events that run pull-request content nobody has merged yet; none of them may reach a deploy. */
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target', 'merge_group'];
/** Whether the event is one of PULL_REQUEST_EVENTS. */
function isPullRequestEvent(eventName) {
    return PULL_REQUEST_EVENTS.includes(eventName);
}
/** The only events a production deploy or rollback runs for (SPEC.md, gate 1). */
const PRODUCTION_EVENTS = ['push', 'workflow_dispatch'];
/** Whether a production deploy or rollback may run for this event. */
function isProductionEvent(eventName) {
    return PRODUCTION_EVENTS.includes(eventName);
}


/***/ }),

/***/ 79407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(16137);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(27242);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(41357);
/* harmony import */ var _worker_entry_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(90372);





// One bundle serves `main:`, `post:` and the packaging worker threads (src/salesforce/package.ts);
// the main step leaves a state flag for the post step.
if (!node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread && node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData?.role === _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PACKAGE_WORKER_ROLE */ .ln)
    await Promise.all(/* import() */[__nccwpck_require__.e(603), __nccwpck_require__.e(284), __nccwpck_require__.e(544), __nccwpck_require__.e(42)]).then(__nccwpck_require__.bind(__nccwpck_require__, 11042));
else {
    (0,_worker_entry_js__WEBPACK_IMPORTED_MODULE_4__/* .setWorkerEntry */ .H)(import.meta.url);
    if (_workflow_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.IsPost))
        await (0,_main_js__WEBPACK_IMPORTED_MODULE_3__/* .post */ .b)();
    else
        await (0,_main_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .e)();
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 38422:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TG: () => (/* binding */ orgsNeeded),
/* harmony export */   U5: () => (/* binding */ resolveMode),
/* harmony export */   sb: () => (/* binding */ readSettings)
/* harmony export */ });
/* unused harmony exports KNOWN_TEST_LEVELS, projectApiVersion, list, parseAuthUrl */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(83916);
/* harmony import */ var _salesforce_package_contents_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(29398);






/** Test levels the Metadata API documents; newer `Run…` levels are passed through (with a notice). */
const KNOWN_TEST_LEVELS = ['NoTestRun', 'RunSpecifiedTests', 'RunLocalTests', 'RunAllTestsInOrg', 'RunRelevantTests'];
const TEST_LEVEL_SHAPE = /^Run[A-Z][A-Za-z]+$/;
const VALIDATE_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
const APEX_NAME = /^([A-Za-z][A-Za-z0-9]*__)?[A-Za-z][A-Za-z0-9_]*$/;
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\[bot\])?$/;
const TEAM_SLUG = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * Reads and validates every input before any network call. All problems are collected and
 * thrown together as one InputError, each naming the input, the value received (never a
 * secret) and what is accepted. Secrets are registered for masking the moment they are read.
 */
/**
 * `sourceApiVersion` of the workspace's sfdx-project.json, or '' when there is none (no file, or
 * no such field). A value that is not a version is an input problem naming the file.
 */
function projectApiVersion(workspace, problems) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(workspace, 'sfdx-project.json');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return '';
    let version;
    try {
        version = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'))?.sourceApiVersion;
    }
    catch {
        return '';
    }
    if (version === undefined || version === null || version === '')
        return '';
    const text = String(version);
    if (!/^\d{2,3}\.0$/.test(text)) {
        problems.push(`Invalid sourceApiVersion '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(text)}' in sfdx-project.json (the default of ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiVersion}). Expected a Salesforce API version such as 62.0, or set ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiVersion}.`);
        return '';
    }
    return text;
}
function readSettings(read, setSecret, context) {
    const problems = [];
    const secret = (name) => {
        const value = read(name);
        if (value)
            setSecret(value);
        return value;
    };
    const environment = oneOf(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Environment, ['sandbox', 'production'], 'sandbox', problems, true);
    const requestedMode = oneOf(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Mode, ['auto', 'validate', 'deploy', 'rollback'], 'auto', problems);
    const rollbackRunId = positiveInteger(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RollbackRunId, problems);
    const mode = resolveMode(requestedMode, context.eventName, rollbackRunId);
    if (mode === 'rollback' && rollbackRunId === undefined) {
        problems.push(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RollbackRunId}' is required in rollback mode: set it to the id of the workflow run whose release should be undone.`);
    }
    const testLevel = read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.TestLevel) || 'RunLocalTests';
    // Default: the project's sourceApiVersion, else (empty) the highest version the orgs offer, read
    // from them before the first call that needs it (salesforce-steps ensureApiVersion).
    const apiVersion = read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiVersion) || projectApiVersion(context.workspace, problems);
    if (apiVersion && !/^\d{2,3}\.0$/.test(apiVersion)) {
        problems.push(`Invalid ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiVersion} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(apiVersion)}'. Expected a Salesforce API version such as 62.0.`);
    }
    if (!KNOWN_TEST_LEVELS.includes(testLevel) && !TEST_LEVEL_SHAPE.test(testLevel)) {
        problems.push(`Invalid ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.TestLevel} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(testLevel)}'. Expected one of ${KNOWN_TEST_LEVELS.slice(0, 4).join(', ')} (or a newer level the Metadata API accepts, such as RunRelevantTests).`);
    }
    else if (testLevel === 'RunRelevantTests' && apiVersion && parseFloat(apiVersion) < 66) {
        problems.push(`${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.TestLevel} 'RunRelevantTests' needs ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiVersion} 66.0 or later; received '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(apiVersion)}'.`);
    }
    const tests = list(read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Tests));
    if (testLevel === 'RunSpecifiedTests' && tests.length === 0) {
        problems.push(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Tests}' is required when ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.TestLevel} is RunSpecifiedTests: list the Apex test classes to run (newline or comma separated).`);
    }
    for (const name of tests.filter((t) => !APEX_NAME.test(t))) {
        problems.push(`Invalid Apex class name '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(name)}' in ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Tests}. Expected names such as AccountServiceTest or ns__AccountServiceTest.`);
    }
    if (tests.length > 0 && testLevel !== 'RunSpecifiedTests') {
        problems.push(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Tests}' is only used with ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.TestLevel} RunSpecifiedTests; received ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.TestLevel} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(testLevel)}'.`);
    }
    const coverageThreshold = number(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.CoverageThreshold, 75, 0, 100, problems);
    const requiredApprovals = integer(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RequiredApprovals, 1, 0, 100, problems);
    const rollbackRequiredApprovals = integer(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RollbackRequiredApprovals, 0, 0, 100, problems);
    const rollbackRunAttempt = positiveInteger(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RollbackRunAttempt, problems);
    const waitMinutes = number(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.WaitMinutes, 120, 1, 24 * 60, problems);
    const approvers = list(read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Approvers));
    for (const approver of approvers.filter((a) => !GITHUB_LOGIN.test(a) && !TEAM_SLUG.test(a))) {
        problems.push(`Invalid entry '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(approver)}' in ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Approvers}. Expected GitHub logins (octocat) or team slugs (acme/release-managers).`);
    }
    const productionBranches = list(read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ProductionBranches)).map((b) => b.replace(/^refs\/heads\//, ''));
    const allowStaleApprovals = boolean(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.AllowStaleApprovals, false, problems);
    const dryRun = boolean(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.DryRun, false, problems);
    const validateProduction = boolean(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ValidateProduction, false, problems);
    const delta = boolean(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Delta, false, problems);
    const resultsDir = resultsFolder(read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ResultsDir), context.workspace, problems);
    const rollbackArtifactName = read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RollbackArtifactName) || undefined;
    if (rollbackArtifactName && !/^[^"<>:|*?\\/\r\n]{1,200}$/.test(rollbackArtifactName)) {
        problems.push(`Invalid ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RollbackArtifactName} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(rollbackArtifactName)}'. Artifact names may not contain " : < > | * ? \\ / or line breaks.`);
    }
    // A rollback deploys only the artifact it restores, so it needs no checkout of the sources.
    const { sourceDirs, manifest } = mode === 'rollback' ? { sourceDirs: [], manifest: undefined } : packaging(read, context.workspace, problems);
    const githubToken = secret(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.GitHubToken);
    const sandbox = credentials('sandbox', read, secret, setSecret, problems);
    const production = credentials('production', read, secret, setSecret, problems);
    // A rollback always restores production, whatever `environment` says.
    const target = mode === 'rollback' ? 'production' : environment;
    const needs = orgsNeeded(mode, target, validateProduction);
    if (testLevel === 'NoTestRun' && needs.includes('production')) {
        problems.push(`Invalid ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.TestLevel} 'NoTestRun' for a ${mode} that reaches production: Salesforce refuses NoTestRun in production orgs. Use RunLocalTests, RunSpecifiedTests with tests, or RunAllTestsInOrg.`);
    }
    for (const role of needs) {
        if (!(role === 'sandbox' ? sandbox : production)) {
            problems.push(`No ${role} credentials: this ${mode} run needs the ${role} org. Set ${role}-auth-url, or ${role}-username + ${role}-client-id + ${role}-jwt-key, or ${role}-access-token.`);
        }
    }
    if (!githubToken && (mode !== 'validate' || target === 'production')) {
        problems.push(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.GitHubToken}' is empty: a ${mode} run needs it for approvals, deployments and artifacts. Leave it at its default, \${{ github.token }}.`);
    }
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(problems);
    return {
        environment: target,
        requestedMode,
        mode,
        sourceDirs,
        manifest,
        testLevel,
        tests,
        coverageThreshold,
        requiredApprovals,
        approvers,
        allowStaleApprovals,
        productionBranches,
        sandbox,
        production,
        githubToken,
        rollbackRunId,
        rollbackRunAttempt,
        rollbackArtifactName,
        rollbackRequiredApprovals,
        waitMinutes,
        dryRun,
        validateProduction,
        delta,
        apiVersion,
        resultsDir,
    };
}
/**
 * The results folder: as given (relative to the workspace), or one per step under RUNNER_TEMP so
 * two steps of a job do not overwrite each other's reports (GITHUB_ACTION is the step's id).
 */
function resultsFolder(given, workspace, problems) {
    if (given) {
        if (/[\0\r\n]/.test(given))
            problems.push(`Invalid ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ResultsDir} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(given)}'. Expected a folder path on one line.`);
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(workspace, given);
    }
    const step = (process.env.GITHUB_ACTION ?? '').replace(/[^A-Za-z0-9_.-]/g, '_') || 'results';
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'salesforce-gated-deploy', step);
}
/** `mode: auto` resolved from the event, as SPEC.md's table says. */
function resolveMode(requested, eventName, rollbackRunId) {
    if (requested !== 'auto')
        return requested;
    if (VALIDATE_EVENTS.has(eventName))
        return 'validate';
    if (eventName === 'push')
        return 'deploy';
    if (eventName === 'workflow_dispatch')
        return rollbackRunId !== undefined ? 'rollback' : 'deploy';
    // Any other trigger (schedule, workflow_call, …) only validates unless asked to do more.
    return 'validate';
}
/** The orgs a run talks to, so that only those need credentials. */
function orgsNeeded(mode, environment, validateProduction) {
    if (mode === 'rollback')
        return ['production'];
    if (mode === 'validate')
        return validateProduction ? ['sandbox', 'production'] : ['sandbox'];
    return environment === 'production' ? ['sandbox', 'production'] : ['sandbox'];
}
/** Splits a newline- or comma-separated list input. */
function list(value) {
    return value
        .split(/[\n,]/)
        .map((v) => v.trim())
        .filter(Boolean);
}
/**
 * The parts of an SFDX auth URL, by the rules of @salesforce/core's AuthInfo.parseSfdxAuthUrl
 * (`^force://([a-zA-Z0-9._-]+={0,2}):([a-zA-Z0-9._-]*={0,2}):([a-zA-Z0-9._-]+={0,2})@([a-zA-Z0-9:._-]+)`,
 * the login URL being https://<host>): client id, client secret (may be empty), refresh token, each
 * of those characters with at most two trailing `=`. Written out rather than imported, because
 * loading @salesforce/core at start-up, before any input is checked, costs more than this function
 * (ADR 0005), and so that each broken part gets its own message. Two differences: the instance
 * may be written as an http(s) URL (`@http://127.0.0.1:8080` for a local org emulator; a bare host
 * is https, as in the CLI), and anything after the host is refused where the CLI drops it
 * silently. test/unit/inputs.test.ts checks both parsers agree otherwise.
 */
const AUTH_URL_PART = /^[a-zA-Z0-9._-]*={0,2}$/;
const AUTH_URL_HOST = /^[a-zA-Z0-9:._-]+$/;
/** Parses an SFDX auth URL; the message never repeats the value, which is a secret. */
function parseAuthUrl(value, inputName) {
    const expected = `Expected force://<clientId>:<clientSecret>:<refreshToken>@<instance>, as 'sf org display --verbose' prints it`;
    if (!value.startsWith('force://'))
        return `Invalid ${inputName}: it does not start with force://. ${expected}.`;
    const rest = value.slice('force://'.length);
    const at = rest.lastIndexOf('@');
    if (at < 0)
        return `Invalid ${inputName}: no '@<instance>' part. ${expected}.`;
    const parts = rest.slice(0, at).split(':');
    if (parts.length !== 3)
        return `Invalid ${inputName}: expected three ':'-separated parts before '@', found ${parts.length}. ${expected}.`;
    const [clientId, clientSecret, refreshToken] = parts;
    if (!clientId)
        return `Invalid ${inputName}: the client id is empty. ${expected}.`;
    if (!refreshToken)
        return `Invalid ${inputName}: the refresh token is empty. ${expected}.`;
    for (const [label, part] of [['client id', clientId], ['client secret', clientSecret], ['refresh token', refreshToken]]) {
        if (!AUTH_URL_PART.test(part))
            return `Invalid ${inputName}: the ${label} has characters an auth URL cannot hold (letters, digits, '.', '_', '-', up to two trailing '='). ${expected}.`;
    }
    const instance = rest.slice(at + 1).replace(/\/+$/, '');
    const scheme = /^https?:\/\//.exec(instance)?.[0] ?? 'https://';
    const host = instance.startsWith(scheme) ? instance.slice(scheme.length) : instance;
    if (!AUTH_URL_HOST.test(host) || !isHttpUrl(`${scheme}${host}`))
        return `Invalid ${inputName}: the instance after '@' is not a host name (with an optional port) or an http(s) URL of one. ${expected}.`;
    return { clientId, clientSecret, refreshToken, loginUrl: `${scheme}${host}` };
}
function credentials(role, read, secret, setSecret, problems) {
    const name = (suffix) => `${role}-${suffix}`;
    const authUrl = secret(name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.AuthUrl));
    const accessToken = secret(name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.AccessToken));
    const jwtKey = secret(name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.JwtKey));
    const username = read(name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.Username));
    const clientId = read(name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.ClientId));
    const instanceUrl = (read(name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.InstanceUrl)) || (role === 'sandbox' ? 'https://test.salesforce.com' : 'https://login.salesforce.com')).replace(/\/+$/, '');
    const methods = [authUrl && 'auth URL', (username || clientId || jwtKey) && 'JWT bearer', accessToken && 'access token'].filter(Boolean);
    if (methods.length > 1) {
        problems.push(`The ${role} org has ${methods.join(' and ')} credentials: set exactly one method (${name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.AuthUrl)}; or ${name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.Username)} + ${name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.ClientId)} + ${name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.JwtKey)}; or ${name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.AccessToken)}).`);
        return undefined;
    }
    if (!isHttpUrl(instanceUrl)) {
        problems.push(`Invalid ${name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.InstanceUrl)} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(instanceUrl)}'. Expected an http(s) URL such as https://acme.my.salesforce.com.`);
        return undefined;
    }
    if (authUrl) {
        const parsed = parseAuthUrl(authUrl, name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.AuthUrl));
        if (typeof parsed === 'string') {
            problems.push(parsed);
            return undefined;
        }
        // The parts are masked on their own too: an error from a client may quote just one of them.
        for (const part of [parsed.refreshToken, parsed.clientSecret])
            if (part)
                setSecret(part);
        return { method: 'auth-url', role, ...parsed };
    }
    if (username || clientId || jwtKey) {
        const missing = [
            !username && name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.Username),
            !clientId && name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.ClientId),
            !jwtKey && name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.JwtKey),
        ].filter(Boolean);
        if (missing.length > 0) {
            problems.push(`Incomplete JWT bearer credentials for the ${role} org: missing ${missing.join(' and ')}. The JWT flow needs ${name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.Username)}, ${name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.ClientId)} and ${name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.JwtKey)}.`);
            return undefined;
        }
        const privateKey = jwtKey.replace(/\\n/g, '\n');
        // The runner masks a multi-line secret line by line only if each line is registered.
        for (const line of privateKey.split('\n'))
            if (line.trim().length >= 8 && !line.startsWith('-----'))
                setSecret(line.trim());
        if (!/-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----/.test(privateKey)) {
            problems.push(`Invalid ${name(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .OrgInputs */ .Wc.JwtKey)}: expected a PEM private key starting with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.`);
            return undefined;
        }
        return { method: 'jwt', role, username, clientId, privateKey, loginUrl: instanceUrl };
    }
    if (accessToken)
        return { method: 'access-token', role, accessToken, instanceUrl };
    return undefined;
}
/**
 * The package inputs, with every problem of them: missing folders or manifest, and what a package
 * may not hold (SPEC.md "Evidence": a path outside the workspace or in a dot-folder, a symbolic
 * link leading out of its package directory), all before any network call.
 */
function packaging(read, workspace, problems) {
    const found = [];
    const result = packagingInputs(read, workspace, found);
    problems.push(...found);
    const manifestFound = result.manifest !== undefined && !found.some((p) => p.startsWith(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Manifest}': no file`));
    problems.push(...(0,_salesforce_package_contents_js__WEBPACK_IMPORTED_MODULE_5__/* .packageContentProblems */ .Qf)(workspace, result.sourceDirs, manifestFound ? result.manifest : undefined));
    return result;
}
function packagingInputs(read, workspace, problems) {
    const manifest = read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Manifest) || undefined;
    if (manifest && !isFileUnder(workspace, manifest)) {
        problems.push(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Manifest}': no file '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(manifest)}' in the repository (${workspace}). Expected the path of a package.xml relative to the repository root.`);
    }
    const given = list(read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.SourceDir));
    if (given.length > 0) {
        for (const dir of given) {
            const resolved = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(workspace, dir);
            // A folder outside the repository is reported by packageContentProblems.
            if ((0,_salesforce_package_contents_js__WEBPACK_IMPORTED_MODULE_5__/* .isInside */ .FK)(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(workspace), resolved) && (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(resolved) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(resolved).isDirectory())) {
                problems.push(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.SourceDir}': no directory '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(dir)}' in the repository (${workspace}). Expected SFDX source-format folders such as force-app.`);
            }
        }
        return { sourceDirs: given, manifest };
    }
    const project = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(workspace, 'sfdx-project.json');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(project)) {
        if (!manifest) {
            problems.push(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.SourceDir}' is empty and there is no sfdx-project.json at the repository root (${workspace}) to take packageDirectories from. Set ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.SourceDir} or ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Manifest}, or check out the repository first (actions/checkout).`);
        }
        return { sourceDirs: [], manifest };
    }
    try {
        const dirs = (JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(project, 'utf8')).packageDirectories ?? []).map((d) => d.path);
        if (dirs.length === 0)
            problems.push(`sfdx-project.json has no packageDirectories; set ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.SourceDir}.`);
        return { sourceDirs: dirs, manifest };
    }
    catch (error) {
        problems.push(`sfdx-project.json could not be read as JSON (${error.message}); set ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.SourceDir} or fix the file.`);
        return { sourceDirs: [], manifest };
    }
}
function isFileUnder(workspace, file) {
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(workspace, file);
    return (0,_salesforce_package_contents_js__WEBPACK_IMPORTED_MODULE_5__/* .isInside */ .FK)(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(workspace), resolved) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(resolved) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(resolved).isFile();
}
function isHttpUrl(value) {
    try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    }
    catch {
        return false;
    }
}
function oneOf(read, name, accepted, fallback, problems, caseInsensitive = false) {
    const raw = read(name) || fallback;
    const value = caseInsensitive ? raw.toLowerCase() : raw;
    if (accepted.includes(value))
        return value;
    problems.push(`Invalid ${name} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(raw)}'. Expected one of ${accepted.join(', ')}.`);
    return fallback;
}
function boolean(read, name, fallback, problems) {
    const raw = read(name);
    if (!raw)
        return fallback;
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    problems.push(`Invalid ${name} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(raw)}'. Expected true or false.`);
    return fallback;
}
function number(read, name, fallback, min, max, problems) {
    const raw = read(name);
    if (!raw)
        return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
        problems.push(`Invalid ${name} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(raw)}'. Expected a number from ${min} to ${max}.`);
        return fallback;
    }
    return value;
}
function integer(read, name, fallback, min, max, problems) {
    const raw = read(name);
    if (!raw)
        return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
        problems.push(`Invalid ${name} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(raw)}'. Expected a whole number from ${min} to ${max}.`);
        return fallback;
    }
    return value;
}
function positiveInteger(read, name, problems) {
    const raw = read(name);
    if (!raw)
        return undefined;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) {
        problems.push(`Invalid ${name} '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitize */ .aj)(raw)}'. Expected a positive whole number (a workflow run id or attempt).`);
        return undefined;
    }
    return value;
}


/***/ }),

/***/ 41357:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  b: () => (/* binding */ post),
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __nccwpck_require__(16137);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(83916);
// EXTERNAL MODULE: ./src/flows/gates.ts
var gates = __nccwpck_require__(83973);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __nccwpck_require__(96584);
// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __nccwpck_require__(19556);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __nccwpck_require__(38422);
// EXTERNAL MODULE: ./src/plan.ts
var src_plan = __nccwpck_require__(22464);
// EXTERNAL MODULE: ./src/report/annotations.ts
var annotations = __nccwpck_require__(856);
;// CONCATENATED MODULE: ./src/report/outputs.ts

/** The outputs a report sets; outputs that do not apply are left out, counts are plain integers. */
function outputsOf(report) {
    const outputs = {};
    const set = (name, value) => {
        if (value !== undefined && value !== '')
            outputs[name] = String(value);
    };
    set(constants/* Outputs */.tY.Status, report.status);
    set(constants/* Outputs */.tY.ValidationId, report.validationId);
    set(constants/* Outputs */.tY.ProductionValidationId, report.productionValidationId);
    set(constants/* Outputs */.tY.DeployId, report.deployId);
    set(constants/* Outputs */.tY.RollbackArtifact, report.rollbackArtifact);
    set(constants/* Outputs */.tY.Components, report.components);
    const last = report.operations.at(-1);
    if (last) {
        set(constants/* Outputs */.tY.TestsRun, last.outcome.testsRun);
        set(constants/* Outputs */.tY.TestsFailed, last.outcome.testsFailed);
        if (last.outcome.testsRun > 0)
            set(constants/* Outputs */.tY.Coverage, last.outcome.coverage);
        set(constants/* Outputs */.tY.OrgId, report.orgs[last.role]?.id);
    }
    if (report.deployId && report.environment === 'production')
        set(constants/* Outputs */.tY.QuickDeployed, report.quickDeployed ?? false);
    set(constants/* Outputs */.tY.DeploymentId, report.deploymentId);
    set(constants/* Outputs */.tY.JunitFile, report.testResults?.junitFile);
    set(constants/* Outputs */.tY.CoverageDir, report.testResults?.coverageDir);
    return outputs;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(57975);
;// CONCATENATED MODULE: ./src/report/library-log.ts

/**
 * Keeps what the libraries print on their own (jsforce's logger, which writes with console.log
 * and console.error when JSFORCE_LOG_LEVEL is set; warnings that @salesforce/core's Lifecycle and
 * source-deploy-retrieve raise through process.emitWarning) out of the run's own lines: each goes
 * to the debug log (shown when the workflow runs with step debug logging), labelled as the
 * library's. The action itself writes through @actions/core, never through console.
 */
function routeLibraryOutput(debug) {
    const toDebug = (source) => (...args) => {
        for (const line of (0,external_node_util_.formatWithOptions)({ colors: false }, ...args).split('\n'))
            if (line.trim())
                debug(`[${source}] ${line}`);
    };
    console.log = toDebug('library');
    console.info = toDebug('library');
    console.debug = toDebug('library');
    console.warn = toDebug('library warning');
    console.error = toDebug('library error');
    process.emitWarning = ((warning, ...rest) => {
        const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
        const text = typeof warning === 'string' ? warning : `${warning.name}: ${warning.message}`;
        debug(`[${type ?? 'warning'}] ${text}`);
    });
}

// EXTERNAL MODULE: ./src/report/run-report.ts
var run_report = __nccwpck_require__(57330);
// EXTERNAL MODULE: ./src/salesforce/package-workers.ts
var package_workers = __nccwpck_require__(59705);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __nccwpck_require__(57994);
;// CONCATENATED MODULE: ./src/main.ts














/**
 * The action: inputs → plan → the mode's flow (validate, release or rollback) → report. This is
 * the one place an error becomes `setFailed`; outputs and the summary are written from whatever
 * the run reached, whatever happened.
 */
async function run() {
    workflow_commands/* saveState */.LZ(constants/* State */.Uw.IsPost, 'true');
    routeLibraryOutput((line) => workflow_commands/* debug */.Yz(line));
    const report = (0,run_report/* newReport */.bQ)();
    let state;
    try {
        const context = (0,github_context/* readRunContext */.$p)();
        const settings = (0,inputs/* readSettings */.sb)(workflow_commands/* getInput */.V4, workflow_commands/* setSecret */.Pq, context);
        const plan = (0,src_plan/* planRun */.n)(settings, context);
        report.mode = plan.mode;
        report.environment = plan.target;
        report.plannedGates = plan.gates;
        report.coverageThreshold = settings.coverageThreshold;
        // A run that packages source folders starts its packaging worker first: it resolves the
        // package (or loads SDR) while this thread loads the flow and connects (package-workers.ts).
        if (plan.mode !== 'rollback' && !settings.delta && settings.sourceDirs.length > 0)
            (0,package_workers/* prestartPackagingWorker */.Pm)({ workspace: context.workspace, sourceDirs: settings.sourceDirs, ...(settings.manifest ? { manifest: settings.manifest } : {}) });
        workflow_commands/* info */.pq(`Mode ${plan.mode} (${settings.requestedMode === 'auto' ? `auto, from the ${context.eventName} event` : 'from the mode input'}), target ${plan.target}; gates: ${plan.gates.join(' → ')}.`);
        let github;
        state = { settings, context, report, runner: runner(), github: () => (github ??= (0,client/* createGitHubClient */.LX)(settings.githubToken, context)) };
        // Gate 1, first half, before anything touches a network: a pull-request event may only
        // validate, and a production deploy or rollback runs only for push and workflow_dispatch.
        // Only a refusal is recorded here; a release reports the event with the rest of its branch gate.
        if (plan.mode !== 'validate') {
            try {
                (0,src_plan/* assertEventMayRun */.r)(settings, context);
            }
            catch (error) {
                await (0,gates/* passGate */.l)(state, errors/* Gate */.iD.Branch, () => {
                    throw error;
                });
            }
        }
        if (settings.mode === 'validate') {
            const { validateFlow } = await Promise.all(/* import() */[__nccwpck_require__.e(178), __nccwpck_require__.e(691), __nccwpck_require__.e(603), __nccwpck_require__.e(284), __nccwpck_require__.e(992), __nccwpck_require__.e(544), __nccwpck_require__.e(204), __nccwpck_require__.e(672), __nccwpck_require__.e(244), __nccwpck_require__.e(431)]).then(__nccwpck_require__.bind(__nccwpck_require__, 15431));
            await validateFlow(state);
        }
        else if (settings.mode === 'deploy') {
            const { releaseFlow } = await Promise.all(/* import() */[__nccwpck_require__.e(178), __nccwpck_require__.e(691), __nccwpck_require__.e(603), __nccwpck_require__.e(284), __nccwpck_require__.e(992), __nccwpck_require__.e(544), __nccwpck_require__.e(204), __nccwpck_require__.e(672), __nccwpck_require__.e(586), __nccwpck_require__.e(244), __nccwpck_require__.e(955)]).then(__nccwpck_require__.bind(__nccwpck_require__, 60955));
            await releaseFlow(state);
        }
        else {
            const { rollbackFlow } = await Promise.all(/* import() */[__nccwpck_require__.e(178), __nccwpck_require__.e(691), __nccwpck_require__.e(603), __nccwpck_require__.e(284), __nccwpck_require__.e(992), __nccwpck_require__.e(544), __nccwpck_require__.e(204), __nccwpck_require__.e(672), __nccwpck_require__.e(586), __nccwpck_require__.e(131)]).then(__nccwpck_require__.bind(__nccwpck_require__, 75131));
            await rollbackFlow(state);
        }
    }
    catch (error) {
        conclude(report, error);
    }
    finally {
        if (state) {
            const { commentOnPullRequest } = await __nccwpck_require__.e(/* import() */ 267).then(__nccwpck_require__.bind(__nccwpck_require__, 83267));
            await commentOnPullRequest(state);
        }
        await publish(report, state);
    }
}
/** The post step: cancels a Salesforce deploy the main step left running (a cancelled job). */
async function post() {
    const pending = workflow_commands/* getState */.Gu(constants/* State */.Uw.PendingDeploy);
    if (!pending)
        return;
    routeLibraryOutput((line) => workflow_commands/* debug */.Yz(line));
    try {
        const { cancelPendingDeploy } = await Promise.all(/* import() */[__nccwpck_require__.e(178), __nccwpck_require__.e(603), __nccwpck_require__.e(204), __nccwpck_require__.e(128)]).then(__nccwpck_require__.bind(__nccwpck_require__, 21579));
        await cancelPendingDeploy(JSON.parse(pending), (0,inputs/* readSettings */.sb)(workflow_commands/* getInput */.V4, workflow_commands/* setSecret */.Pq, (0,github_context/* readRunContext */.$p)()), workflow_commands/* info */.pq, workflow_commands/* setSecret */.Pq);
    }
    catch (error) {
        workflow_commands/* warning */.$e(`Could not cancel the Salesforce deploy left running: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** Warnings already emitted during the run, which count towards the step's ten. */
let warningsEmitted = 0;
function runner() {
    return {
        info: (line) => workflow_commands/* info */.pq(line),
        warning: (line) => {
            warningsEmitted++;
            workflow_commands/* warning */.$e(line);
        },
        startGroup: (title) => workflow_commands/* startGroup */.Oh(title),
        endGroup: () => workflow_commands/* endGroup */.N4(),
        registerSecret: (secret) => workflow_commands/* setSecret */.Pq(secret),
        rememberPendingDeploy: (pending) => workflow_commands/* saveState */.LZ(constants/* State */.Uw.PendingDeploy, pending ? JSON.stringify(pending) : ''),
        writeSummary: async (markdown) => {
            await workflow_commands/* summary */.z.addRaw(markdown).write();
        },
    };
}
function conclude(report, error) {
    report.status = error instanceof errors/* ActionError */.lZ ? error.status : constants/* RunStatus */.i2.Failed;
    report.message = (0,errors/* errorMessage */.gJ)(error);
    if (!(error instanceof errors/* ActionError */.lZ))
        workflow_commands/* debug */.Yz(error?.stack ?? String(error));
}
/**
 * Writes what the run reached: test reports, outputs, annotations (within GitHub's 10 errors and
 * 10 warnings per step, the failure message counted), the job summary, and the verdict, with the
 * failures listed under it in the log as in the summary.
 */
async function publish(report, state) {
    const failed = report.status !== constants/* RunStatus */.i2.Succeeded && report.status !== constants/* RunStatus */.i2.Skipped;
    workflow_commands/* startGroup */.Oh('Report');
    if (state) {
        try {
            const { writeTestResults } = await Promise.all(/* import() */[__nccwpck_require__.e(236), __nccwpck_require__.e(55), __nccwpck_require__.e(21)]).then(__nccwpck_require__.bind(__nccwpck_require__, 69021));
            report.testResults = writeTestResults(report, state.settings.resultsDir, state.context.workspace);
            if (report.testResults)
                workflow_commands/* info */.pq(`Apex test reports: ${report.testResults.junitFile}${report.testResults.coverageDir ? ` and ${report.testResults.coverageDir}` : ''}.`);
        }
        catch (error) {
            report.warnings.push(`Could not write the test reports to ${constants/* Inputs */.G0.ResultsDir} ${state.settings.resultsDir}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    for (const [name, value] of Object.entries(outputsOf(report)))
        workflow_commands/* setOutput */.uH(name, value);
    try {
        await workflow_commands/* summary */.z.addRaw((0,summary/* renderSummary */.Br)(report)).write();
    }
    catch (error) {
        report.warnings.push(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    workflow_commands/* endGroup */.N4();
    for (const a of (0,annotations/* rankAnnotations */.Ly)(report.annotations, annotations/* ANNOTATION_LIMIT */.OE - (failed ? 1 : 0))) {
        workflow_commands/* error */.z3(a.message, { title: a.title, file: a.file, startLine: a.line, startColumn: a.line ? a.column : undefined });
    }
    for (const w of (0,annotations/* limitWarnings */.fT)(report.warnings, annotations/* ANNOTATION_LIMIT */.OE - warningsEmitted))
        workflow_commands/* warning */.$e(w);
    if (failed) {
        workflow_commands/* setFailed */.C1(report.message ?? `The run ended with status ${report.status}.`);
        const failures = (0,summary/* failureRows */.qQ)(report);
        if (failures.length) {
            workflow_commands/* info */.pq(`Failures (${failures.length}):`);
            for (const f of failures.slice(0, 50))
                workflow_commands/* info */.pq(`  ${f.operation}: ${f.type}${f.name ? ` ${f.name}` : ''}${f.line ? ` (line ${f.line})` : ''}: ${f.problem.split('\n')[0]}`);
            if (failures.length > 50)
                workflow_commands/* info */.pq(`  … and ${failures.length - 50} more in the job summary.`);
        }
    }
    else if (report.message) {
        workflow_commands/* info */.pq(report.message);
    }
}


/***/ }),

/***/ 22464:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ planRun),
/* harmony export */   r: () => (/* binding */ assertEventMayRun)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(83916);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(19556);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(38422);



/** Decides the run's mode, orgs and gates from the settings and the triggering event. */
function planRun(settings, context) {
    const mode = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveMode */ .U5)(settings.requestedMode, context.eventName, settings.rollbackRunId);
    const target = mode === 'rollback' ? 'production' : settings.environment;
    const validateProduction = mode === 'validate' && settings.validateProduction;
    const production = mode === 'rollback' || (mode === 'deploy' && target === 'production');
    return {
        mode,
        target,
        orgs: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .orgsNeeded */ .TG)(mode, target, validateProduction),
        production,
        gates: gatesFor(mode, production),
        validateProduction,
        dryRun: settings.dryRun,
    };
}
/**
 * Gate 1, first half, decided from the event alone before anything touches a network. A
 * pull-request event runs code and metadata nobody has reviewed yet, so it may validate but never
 * deploy or roll back, whatever `mode` says. A production deploy or rollback runs only for `push`
 * and `workflow_dispatch` (SPEC.md): those are the events whose GITHUB_SHA and ref are the
 * production branch as GitHub holds it and whose workflow file comes from that branch. Every
 * other event (workflow_run, repository_dispatch, schedule, workflow_call, release,
 * issue_comment, …) may check out anything and is triggered by people or apps the branch
 * protection does not govern. A sandbox deploy from such an event is allowed: a sandbox is the
 * team's own to refresh (say, nightly on a schedule), and no production gate relies on it.
 */
function assertEventMayRun(settings, context) {
    const mode = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveMode */ .U5)(settings.requestedMode, context.eventName, settings.rollbackRunId);
    const event = context.eventName || '(none)';
    if ((0,_github_context_js__WEBPACK_IMPORTED_MODULE_1__/* .isPullRequestEvent */ .T5)(context.eventName) && mode !== 'validate') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.Branch, `event '${event}' asked for mode '${mode}', but a pull-request event can never reach a deploy or rollback, whatever the inputs say. ` +
            `Use mode 'validate' (or 'auto') in pull-request runs, and run the release on push to a production branch or with workflow_dispatch.`);
    }
    const production = mode === 'rollback' || (mode === 'deploy' && settings.environment === 'production');
    if (production && !(0,_github_context_js__WEBPACK_IMPORTED_MODULE_1__/* .isProductionEvent */ .k0)(context.eventName)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.Branch, `event '${event}' asked for a production ${mode}, but production deploys and rollbacks run only for ${_github_context_js__WEBPACK_IMPORTED_MODULE_1__/* .PRODUCTION_EVENTS */ .eF.join(' and ')} events: ` +
            `any other trigger can run on content or by people the production branch's protection does not govern. Run the release on push to a production branch, or the rollback with workflow_dispatch.`);
    }
    return `a ${event} event may ${mode === 'deploy' ? `deploy to ${settings.environment}` : mode}`;
}
function gatesFor(mode, production) {
    // Production releases report SPEC.md's order; a rollback checks who may run it and what it
    // restores before it touches anything.
    if (mode === 'rollback')
        return [_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.RollbackPermission, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.OrgIdentity, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.RollbackArtifact, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.Snapshot, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.Validation];
    if (production)
        return [_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.Branch, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.OrgIdentity, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.Validation, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.Approvals, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.Snapshot];
    // A sandbox deploy is its own check: it runs the tests and fails as a whole.
    if (mode === 'deploy')
        return [_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.OrgIdentity];
    return [_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.OrgIdentity, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .Gate */ .iD.Validation];
}


/***/ }),

/***/ 856:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ly: () => (/* binding */ rankAnnotations),
/* harmony export */   OE: () => (/* binding */ ANNOTATION_LIMIT),
/* harmony export */   Zv: () => (/* binding */ TEST_FAILURE_RANK),
/* harmony export */   fT: () => (/* binding */ limitWarnings),
/* harmony export */   kl: () => (/* binding */ componentFailureRank)
/* harmony export */ });
/** GitHub shows at most 10 error (and 10 warning) annotations per step; `core.setFailed` is one of the errors. */
const ANNOTATION_LIMIT = 10;
/**
 * The annotations to emit, most useful first: failures with a file and line, then test failures,
 * then the rest; follow-on errors ("Dependent class is invalid") last. When more exist than fit,
 * the last slot says how many more are in the job summary.
 */
function rankAnnotations(all, limit = ANNOTATION_LIMIT) {
    const sorted = [...all].sort((a, b) => a.rank - b.rank || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
    if (sorted.length <= limit)
        return sorted;
    const shown = sorted.slice(0, limit - 1);
    shown.push({ title: 'More failures', message: `${sorted.length - shown.length} more failures are listed in the job summary.`, rank: Number.MAX_SAFE_INTEGER });
    return shown;
}
/**
 * Warnings to emit within the same per-step limit: the first ones, the last slot saying how many
 * more the job summary lists.
 */
function limitWarnings(all, limit = ANNOTATION_LIMIT) {
    if (all.length <= limit)
        return all;
    if (limit <= 1)
        return limit === 1 ? [`${all.length} more warnings are listed in the job summary.`] : [];
    return [...all.slice(0, limit - 1), `${all.length - limit + 1} more warnings are listed in the job summary.`];
}
/** Rank of a component failure: real compile errors on a line first, follow-on errors last. */
function componentFailureRank(problem, hasLine) {
    if (/Dependent class is invalid|needs recompilation/i.test(problem))
        return 30;
    return hasLine ? 0 : 10;
}
/** Rank of a test failure. */
const TEST_FAILURE_RANK = 5;


/***/ }),

/***/ 73122:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FU: () => (/* binding */ apexFileCoverage),
/* harmony export */   IR: () => (/* binding */ classCoverageRows)
/* harmony export */ });
/* unused harmony export codeLines */
/**
 * Per-class coverage for a report: the classes below the threshold first (least covered first),
 * then the others by name.
 */
function classCoverageRows(classes, threshold) {
    const rows = classes.map((c) => {
        const covered = Math.max(0, c.locations - c.notCovered);
        const percent = c.locations ? Math.floor((covered / c.locations) * 1000) / 10 : 100;
        return { ...c, covered, percent, belowThreshold: c.locations > 0 && percent < threshold };
    });
    return rows.sort((a, b) => Number(b.belowThreshold) - Number(a.belowThreshold) || (a.belowThreshold ? a.percent - b.percent : 0) || a.name.localeCompare(b.name));
}
/**
 * Istanbul coverage data for one Apex class or trigger. A deploy result names only the lines no
 * test reached and how many locations there are, not which lines the covered ones are (the sf
 * CLI meets the same gap when it builds its reports from a deploy); so, as it does, the covered
 * locations are placed on lines that are not listed as uncovered: here the code lines of the
 * class's source when the repository has it, else consecutive line numbers. Totals always equal
 * what Salesforce reported: `locations` statements of which `notCovered` have no hit.
 */
function apexFileCoverage(filePath, cls, source) {
    const listed = cls.uncoveredLines.slice(0, cls.notCovered);
    const taken = new Set(listed);
    const candidates = source ? codeLines(source).filter((line) => !taken.has(line)) : [];
    const pick = (count, from) => {
        const picked = [];
        const pool = from === 'start' ? candidates : [...candidates].reverse();
        for (const line of pool) {
            if (picked.length >= count)
                break;
            if (!taken.has(line)) {
                picked.push(line);
                taken.add(line);
            }
        }
        let next = Math.max(0, ...taken) + 1;
        while (picked.length < count) {
            picked.push(next);
            taken.add(next++);
        }
        return picked;
    };
    // Uncovered locations Salesforce counted but did not list are taken from the end of the file;
    // covered ones from the start.
    const uncovered = [...listed, ...pick(Math.max(0, cls.notCovered - listed.length), 'end')];
    const covered = pick(Math.max(0, cls.locations - uncovered.length), 'start');
    const lines = [...covered.map((line) => ({ line, hits: 1 })), ...uncovered.map((line) => ({ line, hits: 0 }))].sort((a, b) => a.line - b.line);
    const sourceLines = source?.split(/\r?\n/) ?? [];
    const data = { path: filePath, statementMap: {}, fnMap: {}, branchMap: {}, s: {}, f: {}, b: {} };
    lines.forEach(({ line, hits }, i) => {
        const width = sourceLines[line - 1]?.length ?? 0;
        data.statementMap[String(i)] = { start: { line, column: 0 }, end: { line, column: width } };
        data.s[String(i)] = hits;
    });
    return data;
}
/** Lines of Apex that can hold a coverage location: not blank, not a comment, not a lone brace or annotation. */
function codeLines(source) {
    const result = [];
    let inComment = false;
    source.split(/\r?\n/).forEach((raw, i) => {
        let line = raw.trim();
        if (inComment) {
            const end = line.indexOf('*/');
            if (end < 0)
                return;
            inComment = false;
            line = line.slice(end + 2).trim();
        }
        if (line.startsWith('/*')) {
            if (!line.includes('*/'))
                inComment = true;
            return;
        }
        if (!line || line.startsWith('//') || /^[{}();]+$/.test(line) || /^@\w+(\(.*\))?$/.test(line))
            return;
        result.push(i + 1);
    });
    return result;
}


/***/ }),

/***/ 57330:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   RX: () => (/* binding */ recordGate),
/* harmony export */   bQ: () => (/* binding */ newReport),
/* harmony export */   i7: () => (/* binding */ setupDeployUrl)
/* harmony export */ });
/** A report with nothing reached yet. */
function newReport() {
    return { mode: '', environment: '', orgs: {}, gates: [], plannedGates: [], operations: [], annotations: [], notes: [], warnings: [], phases: [] };
}
/** Records a gate's result, replacing an earlier record of the same gate (approvals are checked twice). */
function recordGate(report, gate, state, detail) {
    const existing = report.gates.find((g) => g.gate === gate);
    if (existing)
        Object.assign(existing, { state, detail });
    else
        report.gates.push({ gate, state, detail });
}
/** Link to a deploy on Setup's Deployment Status page. */
function setupDeployUrl(instanceUrl, deployId) {
    const address = encodeURIComponent(`/changemgmt/monitorDeploymentsDetails.apexp?asyncId=${deployId}`);
    return `${instanceUrl.replace(/\/+$/, '')}/lightning/setup/DeployStatus/page?address=${address}`;
}


/***/ }),

/***/ 57994:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ failureRow),
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   ih: () => (/* binding */ escape),
/* harmony export */   qQ: () => (/* binding */ failureRows),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(27242);
/* harmony import */ var _coverage_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(73122);
/* harmony import */ var _run_report_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(57330);
/* harmony import */ var _tested_operation_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(81985);




const STATUS_ICON = {
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Succeeded]: '✅',
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Failed]: '❌',
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Blocked]: '⛔',
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Skipped]: '⏭️',
};
const GATE_ICON = { passed: '✅', refused: '⛔', skipped: '⏭️' };
const MAX_ROWS = 50;
/**
 * The job summary in Markdown, in the order a release manager reads it: the verdict and what to
 * do, the failures right under it, then the gates, per-class coverage (the classes below the
 * threshold first), the Salesforce operations, orgs, package, and how long each phase took.
 */
function renderSummary(report) {
    const lines = [];
    const status = report.status ?? _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RunStatus */ .i2.Failed;
    lines.push(`## ${STATUS_ICON[status] ?? ''} Salesforce Gated Deploy: ${report.mode || 'run'} ${status}`);
    if (report.message)
        lines.push('', quote(report.message));
    const failures = failureRows(report);
    if (failures.length) {
        lines.push('', '### Failures', '', '| operation | type | name | line | problem |', '|---|---|---|---|---|');
        lines.push(...failures.slice(0, MAX_ROWS).map(failureRow));
        if (failures.length > MAX_ROWS)
            lines.push('', `… and ${failures.length - MAX_ROWS} more`);
    }
    // Every gate in the plan's order (SPEC.md's for releases), whatever order the checks ran in;
    // a gate the run never reached says so.
    const planned = [...report.plannedGates, ...report.gates.map((g) => g.gate).filter((g) => !report.plannedGates.includes(g))];
    if (planned.length) {
        lines.push('', '### Gates', '');
        for (const gate of planned) {
            const record = report.gates.find((g) => g.gate === gate);
            lines.push(record ? `- ${GATE_ICON[record.state]} **${gate}**: ${escape(record.detail)}` : `- ⬜ **${gate}**: not reached`);
        }
    }
    if (report.approvalLines?.length)
        lines.push('', '<details><summary>Approvals</summary>', '', ...report.approvalLines.map((l) => `- ${escape(l)}`), '', '</details>');
    const tested = (0,_tested_operation_js__WEBPACK_IMPORTED_MODULE_1__/* .testedOperation */ .d)(report);
    if (tested?.outcome.classCoverage.length)
        lines.push('', ...coverageTable(tested, report.coverageThreshold));
    if (report.operations.length) {
        lines.push('', '### Salesforce operations', '', '| operation | id | status | components | tests | coverage |', '|---|---|---|---|---|---|');
        for (const op of report.operations) {
            const o = op.outcome;
            const link = o.id ? `[\`${o.id}\`](${(0,_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .setupDeployUrl */ .i7)(op.instanceUrl, o.id)})` : '—';
            lines.push(`| ${op.label} | ${link} | ${o.status} | ${o.componentsDeployed}/${o.componentsTotal}${o.componentErrors ? ` (${o.componentErrors} failed)` : ''} | ${testCell(o)} | ${o.coverage !== undefined && o.testsRun > 0 ? `${o.coverage}%` : '—'} |`);
        }
    }
    const orgs = Object.entries(report.orgs);
    if (orgs.length) {
        lines.push('', '### Orgs', '', '| role | org | id | sandbox |', '|---|---|---|---|');
        for (const [role, org] of orgs)
            lines.push(`| ${role} | ${escape(org.name)} | \`${org.id}\` | ${org.isSandbox ? 'yes' : 'no'} |`);
    }
    if (report.components !== undefined) {
        lines.push('', `### Package: ${report.components} component${report.components === 1 ? '' : 's'}`);
        if (report.componentNames?.length) {
            const shown = report.componentNames.slice(0, MAX_ROWS);
            lines.push('', '<details><summary>Components</summary>', '', ...shown.map((c) => `- ${escape(c)}`));
            if (report.componentNames.length > shown.length)
                lines.push(`- … and ${report.componentNames.length - shown.length} more`);
            lines.push('', '</details>');
        }
    }
    const facts = [];
    if (report.rollbackArtifact)
        facts.push(`Rollback artifact: \`${report.rollbackArtifact}\``);
    if (report.quickDeployed)
        facts.push('The production deploy was a quick deploy of a production validation.');
    if (report.deploymentId)
        facts.push(`GitHub Deployment: #${report.deploymentId}`);
    if (report.testResults)
        facts.push(`Test reports: JUnit \`${report.testResults.junitFile}\`${report.testResults.coverageDir ? `, coverage \`${report.testResults.coverageDir}\`` : ''} (outputs \`junit-file\`, \`coverage-dir\`)`);
    if (facts.length)
        lines.push('', ...facts.map((f) => `- ${f}`));
    if (report.warnings.length)
        lines.push('', '### Warnings', '', ...report.warnings.map((w) => `> [!WARNING]\n> ${escape(w)}\n`));
    if (report.notes.length)
        lines.push('', ...report.notes.map((n) => `- ${escape(n)}`));
    if (report.phases.length) {
        const total = report.phases.reduce((sum, p) => sum + p.ms, 0);
        lines.push('', `<details><summary>Timing</summary>`, '', '| phase | time |', '|---|---|');
        lines.push(...report.phases.map((p) => `| ${escape(p.name)}${p.failed ? ' (failed)' : ''} | ${(0,_tested_operation_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(p.ms)} |`));
        lines.push(`| **total** | ${(0,_tested_operation_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(total)} |`, '', '</details>');
    }
    return `${lines.join('\n')}\n`;
}
/** Every component, test and coverage failure of the run's operations that failed, in the order they ran. */
function failureRows(report) {
    const rows = [];
    for (const op of report.operations) {
        const o = op.outcome;
        for (const f of o.componentFailures)
            rows.push({ operation: op.label, type: f.type, name: f.fullName, line: f.line, problem: f.problem });
        for (const t of o.testFailures)
            rows.push({ operation: op.label, type: 'Apex test', name: `${t.className}.${t.methodName}`, line: t.line, problem: t.message });
        // A deploy Salesforce accepted may still carry coverage warnings (a sandbox does not enforce
        // 75 % per class): those are warnings, not failures.
        if (!o.success)
            for (const w of o.coverageWarnings)
                rows.push({ operation: op.label, type: 'Coverage', name: '', problem: w });
        if (!o.success && o.errorMessage && !o.componentFailures.length && !o.testFailures.length)
            rows.push({ operation: op.label, type: 'Error', name: o.errorStatusCode ?? '', problem: o.errorMessage });
    }
    return rows;
}
function failureRow(f) {
    return `| ${escape(f.operation)} | ${escape(f.type)} | ${escape(f.name)} | ${f.line ?? ''} | ${escape(f.problem)} |`;
}
/** Per-class coverage of the operation that ran the tests, classes below the threshold first. */
function coverageTable(op, threshold = 75) {
    const rows = (0,_coverage_js__WEBPACK_IMPORTED_MODULE_3__/* .classCoverageRows */ .IR)(op.outcome.classCoverage, threshold);
    const below = rows.filter((r) => r.belowThreshold).length;
    const lines = [
        `### Coverage by class: ${op.outcome.coverage ?? '—'}% org-wide`,
        '',
        `${op.label}, threshold ${threshold}%: ${below ? `**${below} of ${rows.length} class${rows.length === 1 ? '' : 'es'} below it**` : `every class at or above it`}.`,
        '',
        '| | class | covered lines | coverage |',
        '|---|---|---|---|',
    ];
    const shown = rows.slice(0, MAX_ROWS);
    lines.push(...shown.map(coverageRow));
    if (rows.length > shown.length)
        lines.push('', `… and ${rows.length - shown.length} more in the coverage reports`);
    return lines;
}
function coverageRow(r) {
    return `| ${r.belowThreshold ? '⚠️' : '✅'} | ${escape(r.name)}${r.type === 'Trigger' ? ' (trigger)' : ''} | ${r.covered}/${r.locations} | ${r.percent}% |`;
}
function testCell(o) {
    if (o.testsRun === 0 && o.testsFailed === 0)
        return '—';
    return `${o.testsRun - o.testsFailed}/${o.testsRun} passed`;
}
function quote(text) {
    return text.split('\n').map((l) => `> ${escape(l)}`).join('\n');
}
function escape(text) {
    return text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}


/***/ }),

/***/ 81985:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   d: () => (/* binding */ testedOperation)
/* harmony export */ });
/** The operation whose tests the reports describe: the last one that ran Apex tests. */
function testedOperation(report) {
    return report.operations.findLast((op) => op.outcome.testsRun > 0 || op.outcome.testFailures.length > 0 || op.outcome.testSuccesses.length > 0);
}
/** Seconds with one decimal, or minutes and seconds past a minute: how a person reads a duration. */
function formatDuration(ms) {
    if (ms < 60000)
        return `${(ms / 1000).toFixed(1)} s`;
    return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}


/***/ }),

/***/ 35394:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ forceIgnoreAt),
/* harmony export */   y: () => (/* binding */ searchUp)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(70298);
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(ignore__WEBPACK_IMPORTED_MODULE_2__);



// SDR's ForceIgnore (resolve/forceIgnore.js) without loading SDR: its default patterns, then the
// .forceignore file's, matched by the same `ignore` package against paths relative to the file's
// folder, a folder also tried with a trailing slash. The packaging of a plain project
// (package-plain.ts) and the release's tree gate (release.ts) ask it which files SDR would leave
// out; test/integration/forceignore.test.ts holds it to SDR's answers.
const DEFAULTS = [
    '**/*.dup',
    '**/.*',
    '!.sf',
    '**/.sf/**',
    '!**/.sf/orgs',
    '!**/.sf/orgs/**',
    '**/.sf/orgs/*/**',
    '!**/.sf/orgs/*/remoteMetadata',
    '!**/.sf/orgs/*/remoteMetadata/**',
    '**/package2-descriptor.json',
    '**/package2-manifest.json',
];
/** SDR's searchUp: the nearest `name` in `start` or a folder above it. */
function searchUp(start, name) {
    for (let dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(start);; dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir)) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, name);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            return file;
        if (node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir) === dir)
            return undefined;
    }
}
/** The rules of a .forceignore file; none (nothing denied) when there is no file. */
function forceIgnoreAt(file) {
    if (!file || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return () => false;
    const parser = ignore__WEBPACK_IMPORTED_MODULE_2___default()["default"]().add(`${DEFAULTS.join('\n')}\n${(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8')}`);
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file);
    const prefix = `${root}${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`;
    return (fsPath, isDirectory) => {
        const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(fsPath) ? fsPath : node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root, fsPath);
        // A normalised path under root needs no path.relative (which resolves both paths again).
        const relative = absolute.startsWith(prefix) && !absolute.endsWith((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)) && node_path__WEBPACK_IMPORTED_MODULE_1___default().normalize(absolute) === absolute ? absolute.slice(prefix.length) : node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, absolute);
        try {
            return parser.ignores(relative) || ((isDirectory ?? couldBeDirectory(absolute)) && parser.ignores(`${relative}/`));
        }
        catch {
            return false;
        }
    };
}
/** SDR's couldBeDirectory: anything but a file on disk (a missing path included). */
function couldBeDirectory(fsPath) {
    try {
        return !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(fsPath).isFile();
    }
    catch {
        return true;
    }
}


/***/ }),

/***/ 29398:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   Ls: () => (/* binding */ packagedFileProblems),
/* harmony export */   Qf: () => (/* binding */ packageContentProblems),
/* harmony export */   bM: () => (/* binding */ forceIgnoreOf)
/* harmony export */ });
/* unused harmony exports realpathOrUndefined, hasDotSegment, packagePathProblem, symlinkProblems */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(83916);
/* harmony import */ var _forceignore_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(35394);





// SPEC.md "Evidence", packages: only files inside their package directory (realpath), no
// symlink leading outside it, no dot-folder, nothing outside the workspace. A package is sent to
// an org; a symlink to /proc/self/environ in a source folder would otherwise send the runner's
// environment (every secret input) to Salesforce as a static resource, and a manifest at a
// metadata-format repository root would zip .git/config.
/** Whether `child` is `parent` or inside it, by path.relative (so `/repo-evil` is not inside `/repo`). */
function isInside(parent, child) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(parent, child);
    return relative === '' || (!relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && relative !== '..' && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative));
}
/**
 * realpath, or undefined when the path does not resolve (missing, a dangling link, a loop). The
 * system's realpath(3): one call per path, where Node's JavaScript realpathSync lstats every
 * segment (a 10,000-file package: 0.23 s of its packaging).
 */
function realpathOrUndefined(file) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(file);
    }
    catch {
        return undefined;
    }
}
/** Whether a path relative to a root has a segment starting with a dot (`.git`, `.sfdx`, `.env`). */
function hasDotSegment(relative) {
    return relative.split(/[\\/]/).some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
}
/**
 * Where a package input (a source folder or the manifest) lies, relative to the workspace, both
 * sides resolved with realpath; a problem when it is outside the workspace or in a dot-folder.
 */
function packagePathProblem(workspace, input, value) {
    const root = realpathOrUndefined(workspace) ?? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace);
    const lexical = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, value);
    if (!isInside(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace), lexical))
        return `Input '${input}': '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(value)}' is outside the repository (${workspace}).`;
    const real = realpathOrUndefined(lexical);
    if (real === undefined)
        return undefined; // the caller reports a missing path
    if (!isInside(root, real))
        return `Input '${input}': '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(value)}' resolves to ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(real)}, outside the repository (${workspace}) (a symbolic link). Point it at a folder inside the repository.`;
    if (hasDotSegment(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, real)))
        return `Input '${input}': '${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(value)}' is in a dot-folder (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, real))}); packages never include dot-folders such as .git or .sfdx.`;
    return undefined;
}
/**
 * Walks a package directory and returns one problem per symbolic link that resolves outside the
 * directory (or into a dot-folder) or does not resolve at all.
 */
function symlinkProblems(input, workspace, dir) {
    const root = realpathOrUndefined(dir);
    if (root === undefined || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(root).isDirectory())
        return [];
    const problems = [];
    const seen = new Set();
    const walk = (current) => {
        const real = realpathOrUndefined(current);
        if (real === undefined || seen.has(real))
            return;
        seen.add(real);
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(current)) {
            // Dot-entries too: without a .forceignore, SDR does not skip them. Not into .git, which is
            // never metadata and may be large.
            if (entry === '.git')
                continue;
            const full = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(current, entry);
            const shown = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(workspace, full).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/'));
            const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(full);
            if (stat.isSymbolicLink()) {
                const target = realpathOrUndefined(full);
                if (target === undefined) {
                    problems.push(`Input '${input}': ${shown} is a symbolic link that does not resolve; remove it from the package directory.`);
                    continue;
                }
                if (!isInside(root, target)) {
                    problems.push(`Input '${input}': ${shown} is a symbolic link to a path outside its package directory (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(workspace, dir) || '.')}); packages hold only files inside it. Replace the link with the file itself, or remove it.`);
                    continue;
                }
                if (hasDotSegment(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, target))) {
                    problems.push(`Input '${input}': ${shown} is a symbolic link into a dot-folder; packages never include dot-folders.`);
                    continue;
                }
                if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(full).isDirectory())
                    walk(full);
            }
            else if (stat.isDirectory()) {
                walk(full);
            }
        }
    };
    walk(root);
    return problems;
}
/**
 * Every content problem of the package inputs, before any network call: source folders and the
 * manifest (with its metadata folder, when it drives packaging alone) inside the workspace and
 * outside dot-folders, and no symbolic link leading out of a package directory.
 */
function packageContentProblems(workspace, sourceDirs, manifest) {
    const problems = [];
    for (const dir of sourceDirs) {
        const problem = packagePathProblem(workspace, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.SourceDir, dir);
        if (problem)
            problems.push(problem);
        else if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, dir)))
            problems.push(...symlinkProblems(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.SourceDir, workspace, node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, dir)));
    }
    if (manifest) {
        const problem = packagePathProblem(workspace, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Manifest, manifest);
        if (problem)
            problems.push(problem);
        else if (sourceDirs.length === 0) {
            // The manifest's folder is zipped as it is: the metadata-format package directory.
            const folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, manifest));
            problems.push(...symlinkProblems(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.Manifest, workspace, folder));
        }
    }
    return problems;
}
/**
 * Whether packaging leaves a workspace-relative path out, by the .forceignore it reads (forceignore.ts):
 * inside a source folder, the nearest one up from that folder, as SDR (and package-plain.ts) find
 * it; a path in more than one source folder only when every one of them leaves it out; anywhere
 * else, the workspace root's. None: nothing is left out.
 */
function forceIgnoreOf(workspace, sourceDirs = []) {
    const root = (0,_forceignore_js__WEBPACK_IMPORTED_MODULE_4__/* .forceIgnoreAt */ .Z)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, '.forceignore'));
    const folders = sourceDirs.map((dir) => {
        const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, dir);
        return { absolute, denies: (0,_forceignore_js__WEBPACK_IMPORTED_MODULE_4__/* .forceIgnoreAt */ .Z)((0,_forceignore_js__WEBPACK_IMPORTED_MODULE_4__/* .searchUp */ .y)(absolute, '.forceignore')) };
    });
    return (relative) => {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(workspace, relative);
        const holding = folders.filter((folder) => isInside(folder.absolute, file));
        return holding.length === 0 ? root(file) : holding.every((folder) => folder.denies(file));
    };
}
/**
 * After source-deploy-retrieve resolved the components, the files it will put in the package:
 * each must lie inside one of the package directories once symbolic links are resolved, outside
 * any dot-folder (SDR skips dot-entries only when a .forceignore exists). One problem per file.
 */
function packagedFileProblems(components, packageDirs, workspace) {
    const roots = packageDirs.map((dir) => realpathOrUndefined(dir) ?? node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir));
    const realpathOf = realpaths();
    const problems = [];
    for (const component of components) {
        const files = [component.xml, ...(component.content ? component.walkContent() : [])].filter((f) => Boolean(f));
        for (const file of files) {
            const shown = () => (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(workspace, file).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/'));
            const real = realpathOf(file);
            const root = real === undefined ? undefined : roots.find((r) => isInside(r, real));
            if (real === undefined || root === undefined) {
                problems.push(`${component.type.name} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(component.fullName)}: ${shown()} resolves outside the package directories; packages hold only files inside them.`);
            }
            else if (hasDotSegment(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, real))) {
                problems.push(`${component.type.name} ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(component.fullName)}: ${shown()} is in a dot-folder; packages never include dot-folders. Move it, or add it to .forceignore.`);
            }
        }
    }
    return problems;
}
/**
 * realpath of many files, each folder resolved once: a file that is not itself a symbolic link is
 * its folder's real path plus its name (one lstat), and a link is resolved in full. A 10,000-file
 * package spends 0.1 s here instead of resolving every path segment of every file.
 */
function realpaths() {
    const folders = new Map();
    return (file) => {
        const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file);
        let stat;
        try {
            stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(absolute);
        }
        catch {
            return undefined;
        }
        if (stat.isSymbolicLink())
            return realpathOrUndefined(absolute);
        const folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(absolute);
        if (!folders.has(folder))
            folders.set(folder, realpathOrUndefined(folder));
        const real = folders.get(folder);
        return real === undefined ? undefined : node_path__WEBPACK_IMPORTED_MODULE_1___default().join(real, node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(absolute));
    };
}


/***/ }),

/***/ 59705:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ startPackagingWorker),
/* harmony export */   Pm: () => (/* binding */ prestartPackagingWorker),
/* harmony export */   wF: () => (/* binding */ workerScript)
/* harmony export */ });
/* unused harmony export WORKER_LIMITS */
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(27242);
/* harmony import */ var _worker_entry_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(90372);



// Packaging worker threads (package.ts runs the shares in them). Light on purpose: src/main.ts
// imports it at start-up to start the first worker before anything else, so that resolving a
// plain project's package, or loading source-deploy-retrieve (0.3–0.5 s) for any other, happens
// while the run loads its flow and authenticates, not after.
/**
 * The script a packaging worker starts from: the bundle's entry (dist/index.js, which serves as
 * a worker when its workerData says so); under tsx (benchmarks), package-worker.ts itself, the
 * worker inheriting tsx from this process's execArgv. Neither under jest: shares run in-thread.
 */
function workerScript() {
    const entry = (0,_worker_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .workerEntry */ .x)();
    if (entry)
        return entry;
    const here = (0,node_url__WEBPACK_IMPORTED_MODULE_0__.fileURLToPath)(import.meta.url);
    // Node 22+: earlier ones do not run the parent's `--import tsx` in a worker.
    if (here.endsWith('.ts') && Number(process.versions.node.split('.')[0]) >= 22 && process.execArgv.some((arg) => arg.includes('tsx')))
        return here.replace(/package-workers\.ts$/, 'package-worker.ts');
    return undefined;
}
/**
 * A packaging worker's young generation, capped: V8's default for a worker let the 10,000-file
 * package's garbage (every file read once) grow the process by about 95 MiB before it was
 * collected; at 16 MiB the same packaging takes the same time (`npm run bench`, section 2).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };
/** The worker started ahead of its job, and whether it stopped before getting one. */
let waiting;
/**
 * Starts one packaging worker now, without a job: told the package inputs, it resolves a plain
 * project's package (package-plain.ts) or loads source-deploy-retrieve, and waits for its job
 * (package-worker.ts). It does not keep the process alive: a run that ends before packaging
 * (a refused gate) exits as before. Does nothing where workers cannot start.
 */
function prestartPackagingWorker(inputs) {
    const entry = workerScript();
    if (!entry || waiting)
        return;
    waiting = Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 75919, 23)).then(({ Worker }) => {
        const state = { worker: new Worker(entry, { workerData: { role: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PACKAGE_WORKER_ROLE */ .ln, inputs }, resourceLimits: WORKER_LIMITS }), stopped: false };
        state.worker.unref();
        // One that fails before it is given a job is not used: its share starts a fresh worker.
        state.worker.on('error', () => (state.stopped = true));
        state.worker.once('exit', () => (state.stopped = true));
        return state;
    }, () => undefined);
}
/**
 * A worker running `job`: the one started ahead if it is still waiting, else a new one. The
 * caller listens for its message, error and exit.
 */
async function startPackagingWorker(entry, job) {
    const ahead = await waiting;
    waiting = undefined;
    if (ahead && !ahead.stopped) {
        ahead.worker.ref();
        ahead.worker.postMessage({ job });
        return ahead.worker;
    }
    const { Worker } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 75919, 23));
    return new Worker(entry, { workerData: { role: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PACKAGE_WORKER_ROLE */ .ln, job }, resourceLimits: WORKER_LIMITS });
}


/***/ }),

/***/ 90372:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ setWorkerEntry),
/* harmony export */   x: () => (/* binding */ workerEntry)
/* harmony export */ });
// The file a worker thread starts from: the bundle's entry (dist/index.js), which runs a worker's
// job instead of the action when its workerData says so. Set by src/index.ts; unset when src/ is
// imported directly (tests, benchmarks), where package.ts finds another way or stays in-thread.
let entry;
function setWorkerEntry(url) {
    entry = new URL(url);
}
function workerEntry() {
    return entry;
}


/***/ }),

/***/ 16137:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Gu: () => (/* binding */ getState),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   N4: () => (/* binding */ endGroup),
/* harmony export */   Oh: () => (/* binding */ startGroup),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   z: () => (/* reexport safe */ _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_3__.z),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(89635);
/* harmony import */ var _node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(82902);
/* harmony import */ var _node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4679);
/* harmony import */ var _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1170);

// @actions/core's own protocol files (escaping, the GITHUB_* file commands with their random
// heredoc delimiter, the job summary), imported by path because the package exports only its
// index. Its index, lib/core.js, also imports lib/oidc-utils.js for `getIDToken`, which pulls in
// @actions/http-client and undici (~900 KiB, ~95 modules) at start-up although the action never
// asks for an OIDC token. Importing the same files the index re-exports keeps the runner protocol
// byte for byte @actions/core's (test/unit/workflow-commands.test.ts runs both side by side), and
// the bundle shares one copy of them with the libraries that load @actions/core later.




/*
 * The functions of @actions/core 3.0.1 (lib/core.js) the action calls, same names, same
 * signatures, same bodies; nothing else. A future @actions/core that moves these files breaks the
 * build, not a run.
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val)
        throw new Error(`Input required and not supplied: ${name}`);
    if (options && options.trimWhitespace === false)
        return val;
    return val.trim();
}
function setSecret(secret) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('add-mask', {}, secret);
}
function setOutput(name, value) {
    if (process.env['GITHUB_OUTPUT'] || '')
        return (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__/* .issueFileCommand */ .n)('OUTPUT', (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__/* .prepareKeyValueMessage */ .v)(name, value));
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('set-output', { name }, (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__/* .toCommandValue */ .E)(value));
}
function saveState(name, value) {
    if (process.env['GITHUB_STATE'] || '')
        return (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__/* .issueFileCommand */ .n)('STATE', (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__/* .prepareKeyValueMessage */ .v)(name, value));
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('save-state', { name }, (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__/* .toCommandValue */ .E)(value));
}
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
function debug(message) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('debug', {}, message);
}
function error(message, properties = {}) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('error', (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__/* .toCommandProperties */ .k)(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('warning', (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__/* .toCommandProperties */ .k)(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
}
function startGroup(name) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issue */ .s)('group', name);
}
function endGroup() {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issue */ .s)('endgroup');
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 85675:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 73339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 80099:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 87997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 83480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 28167:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("worker_threads");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 89635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ issueCommand),
/* harmony export */   s: () => (/* binding */ issue)
/* harmony export */ });
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(70857);
/* harmony import */ var _utils_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4679);


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os__WEBPACK_IMPORTED_MODULE_0__.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 82902:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ issueFileCommand),
/* harmony export */   v: () => (/* binding */ prepareKeyValueMessage)
/* harmony export */ });
/* harmony import */ var crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(76982);
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(79896);
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(70857);
/* harmony import */ var _utils_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4679);
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs__WEBPACK_IMPORTED_MODULE_1__.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync(filePath, `${(0,_utils_js__WEBPACK_IMPORTED_MODULE_3__/* .toCommandValue */ .E)(message)}${os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID()}`;
    const convertedValue = (0,_utils_js__WEBPACK_IMPORTED_MODULE_3__/* .toCommandValue */ .E)(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os__WEBPACK_IMPORTED_MODULE_2__.EOL}${convertedValue}${os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map

/***/ }),

/***/ 1170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ summary)
/* harmony export */ });
/* unused harmony exports SUMMARY_ENV_VAR, SUMMARY_DOCS_URL, markdownSummary */
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(70857);
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(79896);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = fs__WEBPACK_IMPORTED_MODULE_1__.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map

/***/ }),

/***/ 4679:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ toCommandValue),
/* harmony export */   k: () => (/* binding */ toCommandProperties)
/* harmony export */ });
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(79407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
