// One SQL application: status with start and stop, the SQL editor (saved through UpdateApplication, which is where
// the code is validated), and the rows of a chosen in-application stream as they are produced.
import { call } from "../api.js";
import { attempt, facts, h, replace, when } from "../dom.js";
import { inAppStreamNames, rowViewer } from "../in-app-rows.js";

async function describe(name) {
  return (await call("kinesisanalytics", "DescribeApplication", { ApplicationName: name })).ApplicationDetail;
}

export async function renderApplication(view, [name], life) {
  const status = h("div");
  replace(view, h("p", { class: "breadcrumbs" }, h("a", { href: "#/analytics" }, "Analytics"), " / ", name),
    h("h1", {}, name), status);
  let app = await attempt(status, () => describe(name));
  if (!app || !life.active()) return;

  const summary = h("section", { class: "card", id: "application-summary" });
  const showSummary = () => replace(summary, facts([
    ["ARN", h("span", { class: "mono" }, app.ApplicationARN)],
    ["Status", h("span", { class: `status ${app.ApplicationStatus.toLowerCase()}`, id: "application-status" }, app.ApplicationStatus)],
    ["Version", h("span", { id: "application-version" }, String(app.ApplicationVersionId))],
    ["Inputs", (app.InputDescriptions ?? []).map((i) => `${(i.InAppStreamNames ?? []).join(", ")} ← ${
      (i.KinesisStreamsInputDescription ?? i.KinesisFirehoseInputDescription)?.ResourceARN ?? "no source"}`).join("; ") || "None"],
    ["Outputs", (app.OutputDescriptions ?? []).map((o) => `${o.Name} → ${
      (o.KinesisStreamsOutputDescription ?? o.KinesisFirehoseOutputDescription ?? o.LambdaOutputDescription)?.ResourceARN ?? ""}`).join("; ") || "None"],
    ["Created", when(app.CreateTimestamp)],
  ]), h("div", { class: "inline-form actions" },
    h("button", { class: "primary", id: "start-application", disabled: app.ApplicationStatus !== "READY", onclick: () =>
      change(() => call("kinesisanalytics", "StartApplication", { ApplicationName: name, InputConfigurations:
        (app.InputDescriptions ?? []).map((i) => ({ Id: i.InputId, InputStartingPositionConfiguration: {
          InputStartingPosition: startingPosition.value } })) })) }, "Start"),
    startingPosition,
    h("button", { id: "stop-application", disabled: app.ApplicationStatus !== "RUNNING", onclick: () =>
      change(() => call("kinesisanalytics", "StopApplication", { ApplicationName: name })) }, "Stop")));
  const startingPosition = h("select", { "aria-label": "Starting position", id: "starting-position" },
    ["NOW", "TRIM_HORIZON", "LAST_STOPPED_POINT"].map((p) => h("option", { value: p }, p)));

  // Status moves by itself after Start and Stop: follow it until it settles.
  const follow = async () => {
    app = await describe(name).catch(() => app);
    if (!life.active()) return;
    showSummary();
    if (["STARTING", "STOPPING", "UPDATING", "DELETING"].includes(app.ApplicationStatus)) setTimeout(follow, 500);
  };
  const change = async (action) => { if ((await attempt(status, action)) !== undefined) follow(); };

  const editorStatus = h("div", { id: "sql-status" });
  const editor = h("textarea", { class: "editor", id: "sql-editor", spellcheck: "false", "aria-label": "Application code" });
  editor.value = app.ApplicationCode ?? "";
  const save = h("button", { class: "primary", id: "save-sql", onclick: async () => {
    const saved = await attempt(editorStatus, async () => {
      await call("kinesisanalytics", "UpdateApplication", {
        ApplicationName: name, CurrentApplicationVersionId: app.ApplicationVersionId,
        ApplicationUpdate: { ApplicationCodeUpdate: editor.value },
      });
      app = await describe(name);
      return app;
    }, (updated) => `Valid. Saved as version ${updated.ApplicationVersionId}.`);
    if (saved) { showSummary(); rows.setStreams(inAppStreamNames(app)); }
  } }, "Validate and save");

  const rows = rowViewer(name, inAppStreamNames(app), life);
  showSummary();
  view.append(summary,
    h("section", { class: "card" }, h("h2", {}, "SQL"), editor, h("div", { class: "inline-form" }, save), editorStatus),
    rows.element);
}
