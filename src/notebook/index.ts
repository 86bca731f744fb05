/**
 * Notebooks: rich display of evaluation reports in Jupyter (Deno's kernel or any front end that
 * reads MIME bundles). Imports nothing from `node:`.
 *
 * @packageDocumentation
 */
export { JUPYTER_VIEWS, toJupyter } from "./display.js";
export type { JupyterDisplay, JupyterView, MimeBundle } from "./display.js";
export { effectsTableHtml } from "./effects-table.js";
export { analystNotebook } from "./analyst-notebook.js";
export type { AnalystNotebookOptions, JupyterNotebook } from "./analyst-notebook.js";
