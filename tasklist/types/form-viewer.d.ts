// form-js's viewer, which the tasklist's page loads as a classic script from the package's dist
// (/tasklist/vendor/form-viewer.umd.js, see portal-api/routes/tasklist/pages.ts): it sets
// `window.FormViewer` to what @bpmn-io/form-js-viewer exports (the package form-js builds its viewer
// from), whose own types describe it.
import type * as FormViewer from '@bpmn-io/form-js-viewer';

declare global {
  interface Window {
    /** Absent when the script could not be loaded. */
    FormViewer?: typeof FormViewer;
  }
}
