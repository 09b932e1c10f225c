// The console's shell: the hash router that shows one page at a time, the identity corner and the sign-in banner.
// Each page is `render(view, params, life)`; `life.active()` turns false when the user leaves it, which is what stops
// its polling.
import { credentialProblems } from "./api.js";
import { h, replace } from "./dom.js";
import { currentCredentials, signOut } from "./session.js";
import { renderSignIn } from "./pages/signin.js";
import { renderStreams } from "./pages/streams.js";
import { renderStream } from "./pages/stream.js";
import { renderDeliveryStreams } from "./pages/firehose.js";
import { renderDeliveryStream } from "./pages/delivery-stream.js";
import { renderApplications } from "./pages/applications.js";
import { renderApplication } from "./pages/application.js";
import { renderVideoStreams } from "./pages/video-streams.js";
import { renderVideoStream } from "./pages/video-stream.js";

const routes = [
  [/^\/streams$/, "streams", renderStreams],
  [/^\/streams\/([^/]+)$/, "streams", renderStream],
  [/^\/firehose$/, "firehose", renderDeliveryStreams],
  [/^\/firehose\/([^/]+)$/, "firehose", renderDeliveryStream],
  [/^\/analytics$/, "analytics", renderApplications],
  [/^\/analytics\/([^/]+)$/, "analytics", renderApplication],
  [/^\/video$/, "video", renderVideoStreams],
  [/^\/video\/([^/]+)$/, "video", renderVideoStream],
  [/^\/signin$/, null, renderSignIn],
];

let generation = 0;
let previousPath = "/streams"; // where sign-in returns to

function show() {
  const path = location.hash.replace(/^#/, "") || "/streams";
  const route = routes.find(([pattern]) => pattern.test(path));
  if (!route) {
    location.hash = "#/streams";
    return;
  }
  const [pattern, section, render] = route;
  const mine = ++generation;
  const life = { active: () => mine === generation };
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("current", link.dataset.section === section);
  }
  replace(document.getElementById("banner"));
  const view = document.getElementById("view");
  replace(view);
  const params = render === renderSignIn ? [previousPath] : pattern.exec(path).slice(1).map(decodeURIComponent);
  if (render !== renderSignIn) previousPath = path;
  render(view, params, life);
}

function showIdentity() {
  const credentials = currentCredentials();
  const corner = document.getElementById("identity");
  if (credentials) {
    replace(corner, h("span", { class: "who" }, `${credentials.accessKeyId} · ${credentials.region}`),
      h("button", { class: "link", onclick: () => { signOut(); showIdentity(); show(); } }, "Sign out"));
  } else {
    replace(corner, h("a", { href: "#/signin" }, "Sign in"));
  }
}

credentialProblems.addEventListener("problem", (event) => {
  const banner = document.getElementById("banner");
  if (banner.childElementCount) return;
  const signedIn = currentCredentials() !== null;
  replace(banner, h("div", { class: "notice error", id: "credentials-banner" },
    `${event.detail.message}. `,
    h("a", { href: "#/signin" }, signedIn ? "Sign in with other credentials" : "Sign in")));
});

window.addEventListener("hashchange", show);
window.addEventListener("tributary-identity", showIdentity);
showIdentity();
show();
