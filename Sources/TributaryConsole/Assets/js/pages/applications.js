// Analytics: every SQL application with its status, inputs and outputs.
import { call } from "../api.js";
import { attempt, h, replace, table, when } from "../dom.js";

async function listApplications() {
  const summaries = [];
  let input = {};
  for (;;) {
    const page = await call("kinesisanalytics", "ListApplications", input);
    summaries.push(...page.ApplicationSummaries);
    if (!page.HasMoreApplications) break;
    input = { ExclusiveStartApplicationName: summaries.at(-1).ApplicationName };
  }
  return Promise.all(summaries.map((s) =>
    call("kinesisanalytics", "DescribeApplication", { ApplicationName: s.ApplicationName }).then((a) => a.ApplicationDetail)));
}

export function renderApplications(view, _params, life) {
  const list = h("div", { id: "application-list" }, h("p", { class: "hint" }, "Loading…"));
  const status = h("div");
  replace(view, h("h1", {}, "Analytics applications"), status, list);
  const refresh = async () => {
    if (!life.active()) return;
    const applications = await attempt(status, listApplications);
    if (applications && life.active()) {
      replace(list, table(["Name", "Status", "Version", "Inputs", "Outputs", "Updated"], applications.map((app) => [
        h("a", { href: `#/analytics/${encodeURIComponent(app.ApplicationName)}` }, app.ApplicationName),
        h("span", { class: `status ${app.ApplicationStatus.toLowerCase()}` }, app.ApplicationStatus),
        String(app.ApplicationVersionId),
        (app.InputDescriptions ?? []).map((i) => i.KinesisStreamsInputDescription?.ResourceARN ??
          i.KinesisFirehoseInputDescription?.ResourceARN ?? "").map((arn) => arn.split("/").pop()).join(", ") || "—",
        (app.OutputDescriptions ?? []).map((o) => o.Name).join(", ") || "—",
        when(app.LastUpdateTimestamp ?? app.CreateTimestamp),
      ]), { class: "list" }));
    }
    setTimeout(refresh, 3000);
  };
  refresh();
}
