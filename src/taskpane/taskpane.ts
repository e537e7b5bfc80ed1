/* Task pane entry: the only side effect of this runtime is here. The real pane is its own issue;
 * this page loads, says it is ready, and hosts the shared runtime's functions. */
Office.onReady(() => {
  const status = document.getElementById("status");
  if (status) status.textContent = "AIFIN is ready. Type =AIFIN.USD_TO_KRW(1.15, 1310) in a cell.";
});
