// Sign in: the access key, secret and region the console signs its calls with, kept for this tab only. Afterwards
// the user is back on the page they came from.
import { h, replace } from "../dom.js";
import { currentCredentials, signIn } from "../session.js";

export function renderSignIn(view, [returnTo]) {
  const current = currentCredentials();
  const form = h("form", { class: "card form", id: "signin-form", onsubmit: (event) => {
    event.preventDefault();
    const data = new FormData(form);
    signIn({
      accessKeyId: data.get("accessKeyId").trim(),
      secretAccessKey: data.get("secretAccessKey"),
      sessionToken: data.get("sessionToken").trim() || undefined,
      region: data.get("region").trim() || "us-east-1",
    });
    window.dispatchEvent(new Event("tributary-identity"));
    location.hash = `#${returnTo}`;
  } },
  h("label", {}, "Access key ID", h("input", { name: "accessKeyId", required: true, autocomplete: "username",
                                                value: current?.accessKeyId ?? "" })),
  h("label", {}, "Secret access key", h("input", { name: "secretAccessKey", type: "password", required: true,
                                                    autocomplete: "current-password" })),
  h("label", {}, "Session token (optional)", h("input", { name: "sessionToken" })),
  h("label", {}, "Region", h("input", { name: "region", value: current?.region ?? "us-east-1" })),
  h("button", { class: "primary", type: "submit" }, "Sign in"));
  replace(view, h("h1", {}, "Sign in"),
    h("p", { class: "hint" }, "Needed when the server runs with --auth or --credentials. The keys stay in this tab's " +
      "session storage and are only used to sign requests; closing the tab forgets them."),
    form);
}
