/**
 * Ribbon commands. Both ribbon buttons open the task pane (ShowTaskpane actions in
 * manifest.xml, the second one straight on the Funnel pane through `?pane=funnel`), so this
 * function file only has to be present and initialised: Office requires a FunctionFile.
 */
Office.onReady(() => {
  // Nothing to register: every command is a ShowTaskpane action.
});
