// istanbul-reports picks a report class with a computed require() (which a bundler cannot follow);
// the classes are imported one by one from their own modules instead, typed here.
declare module 'istanbul-reports/lib/*' {
  import type { ReportBase } from 'istanbul-lib-report';
  const Report: new (options?: Record<string, unknown>) => ReportBase;
  export default Report;
}
