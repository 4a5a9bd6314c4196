// The integrations web page: lists the user's integrations from the API and connects, tests and
// disconnects them. Plain browser JavaScript, no build step; served with script-src 'self'.
"use strict";

(() => {
  const TOKEN_KEY = "integrations.token";
  const OAUTH_MESSAGE = "integrations:oauth-result";
  const OAUTH_CHANNEL = "integrations-oauth";
  const POPUP_NAME = "integrations-oauth";
  const REFRESH_MS = 30000;
  const STATUS_LABELS = { connected: "Connected", disconnected: "Disconnected", error: "Error" };
  const ICONS = { mail: "icon-mail", "hard-drive": "icon-hard-drive", "message-circle": "icon-message-circle" };
  const SVG_NS = "http://www.w3.org/2000/svg";
  // What each capability lets a connection do, as the details list it.
  const CAPABILITY_LABELS = { mail: "Send and search mail", files: "List and upload files", messages: "Send messages" };
  // Where a chat message goes, by provider: the one body shape takes each provider's own chat id.
  const CHAT_ID_HINTS = {
    telegram: "A numeric chat id, or @channelusername.",
    slack: "A channel id, like C0123ABCD.",
    discord: "A channel id.",
    microsoft_teams: "teamId/channelId for a channel, or a chat id.",
    whatsapp: "The recipient's phone number, in international form.",
  };

  const $ = (id) => document.getElementById(id);
  const entries = new Map(); // type -> latest entry from GET /api/integrations
  let loading = null;

  // ---- OAuth return: the provider sent the browser back here with ?integration=&status=&error= ----

  function takeOAuthResult() {
    const query = new URLSearchParams(location.search);
    if (!query.has("status")) return null;
    const result = {
      type: OAUTH_MESSAGE,
      integration: query.get("integration") || "",
      status: query.get("status"),
      error: query.get("error") || "",
      handle: query.get("handle") || "", // status=pending: the one-time handle to complete with our token
    };
    history.replaceState(null, "", location.pathname + location.hash);
    if (openerIsThisApp()) {
      window.opener.postMessage(result, location.origin);
      window.close();
      if (window.closed) return { closing: true };
    }
    // A same-window redirect, or a popup that lost its opener: tell other tabs of this page too, but
    // a handle is completed here only, once.
    if ("BroadcastChannel" in window && result.status !== "pending") {
      new BroadcastChannel(OAUTH_CHANNEL).postMessage(result);
    }
    return result;
  }

  function openerIsThisApp() {
    try {
      return Boolean(window.opener) && window.opener !== window && window.opener.location.origin === location.origin;
    } catch (e) {
      return false; // a cross-origin opener: reading its location throws
    }
  }

  function listenForOAuthResults() {
    window.addEventListener("message", (event) => {
      if (event.origin !== location.origin || !event.data || event.data.type !== OAUTH_MESSAGE) return;
      announceOAuthResult(event.data);
    });
    if ("BroadcastChannel" in window) {
      new BroadcastChannel(OAUTH_CHANNEL).onmessage = (event) => {
        if (event.data && event.data.type === OAUTH_MESSAGE) announceOAuthResult(event.data);
      };
    }
  }

  async function announceOAuthResult(result) {
    // The provider's name comes from the catalog the server serves: list it first if we have not yet.
    if (!entries.has(result.integration) && token()) await load();
    const name = displayName(result.integration);
    if (result.status === "pending" && result.handle) {
      completePending(result);
      return;
    }
    if (result.status === "connected") {
      toast(`${name} connected.`, "success");
    } else {
      toast(`${name} was not connected: ${describeOAuthError(result.error)}`, "error");
    }
    load();
  }

  function describeOAuthError(code) {
    const known = {
      access_denied: "access was denied on the consent screen.",
      missing_scopes: "some permissions were not granted. Connect again and allow all of them.",
      invalid_state: "the authorization expired or was already used. Please try again.",
      consent_mismatch: "the consent came back to a different browser or user than the one that started it, "
        + "so nothing was connected. Connect again from this page.",
      not_configured: "the server is not configured for this provider.",
    };
    return known[code] || (code ? `${code.replace(/_/g, " ")}.` : "unknown error.");
  }

  // ---- A consent parked by the server (completion "api"): finish it as the signed-in user ----

  let awaitingSignIn = null; // a pending result that arrived before any token

  async function completePending(result) {
    const name = displayName(result.integration);
    if (!token()) {
      awaitingSignIn = result;
      showSignIn(`Sign in as the user who started connecting ${name} to finish connecting it.`);
      return;
    }
    const confirmed = await confirmDialog(
      `Connect ${name} for ${signedInUserLabel()}?`,
      `You are back from ${name}'s consent screen. Only continue if you started this connection yourself `
        + `while signed in as ${signedInUserLabel()}.`,
      "Connect");
    if (!confirmed) {
      toast(`${name} was not connected.`, "info");
      load();
      return;
    }
    try {
      const reply = await api("POST", "/api/integrations/complete", { handle: result.handle });
      toast(`${displayName(reply.integration_type || result.integration)} connected.`, "success");
    } catch (error) {
      if (error.status !== 401) {
        toast(`${name} was not connected: ${error.code ? describeOAuthError(error.code) : error.message}`, "error");
      }
    } finally {
      load();
    }
  }

  // ---- The access token: handed over as #token=…, kept in sessionStorage, or pasted ----

  // Takes a token handed over in the fragment (and removes it from the address bar). When the page
  // already holds a token for another user, it asks first: a link can carry anyone's token, and
  // whatever is connected next is connected for the user of the token kept.
  async function takeTokenFromFragment() {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const offered = fragment.get("token");
    if (!offered) return false;
    fragment.delete("token");
    const rest = fragment.toString();
    history.replaceState(null, "", location.pathname + location.search + (rest ? `#${rest}` : ""));
    const current = token();
    const sameUser = current && userOf(current) !== null && userOf(current) === userOf(offered);
    if (current && current !== offered && !sameUser) {
      const switching = await confirmDialog(
        "Switch to another user?",
        `This page is signed in as ${userLabel(current)}. The link you opened would sign it in as `
          + `${userLabel(offered)} instead. Anything you connect afterwards is connected for that user.`,
        `Switch to ${userLabel(offered)}`);
      if (!switching) {
        toast(`Still signed in as ${userLabel(current)}.`, "info");
        return false;
      }
    }
    sessionStorage.setItem(TOKEN_KEY, offered);
    showSignedInUser();
    return current !== offered;
  }

  const token = () => sessionStorage.getItem(TOKEN_KEY);

  // The user a token names (its "sub", or "user_id"), read without checking the signature: for
  // display only. The server checks every token it is sent.
  function userOf(jwt) {
    try {
      const payload = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      const bytes = Uint8Array.from(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, "=")), (c) => c.charCodeAt(0));
      const claims = JSON.parse(new TextDecoder().decode(bytes));
      const user = claims.sub !== undefined && claims.sub !== null ? claims.sub : claims.user_id;
      return user === undefined || user === null ? null : String(user);
    } catch (e) {
      return null;
    }
  }

  const userLabel = (jwt) => (userOf(jwt) === null ? "an unnamed user" : `“${userOf(jwt)}”`);
  const signedInUserLabel = () => userLabel(token());

  function showSignedInUser() {
    const current = token();
    const user = current ? userOf(current) : null;
    $("signed-in-user").textContent = user === null ? "an unnamed user" : user;
    $("signed-in-as").hidden = !current;
    updateAssistantPanel();
  }

  function showSignIn(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    showSignedInUser();
    entries.clear();
    $("grid").replaceChildren();
    $("load-error").hidden = true;
    $("refresh").hidden = true;
    $("test-all").hidden = true;
    $("forget-token").hidden = true;
    $("updated").textContent = "";
    document.querySelectorAll("dialog[open]").forEach((dialog) => dialog.close());
    const error = $("sign-in-error");
    error.textContent = message || "";
    error.hidden = !message;
    $("sign-in").hidden = false;
    $("token-input").value = "";
    $("token-input").focus();
  }

  function signIn(event) {
    event.preventDefault();
    const value = $("token-input").value.trim().replace(/^Bearer\s+/i, "");
    if (!value) {
      $("sign-in-error").textContent = "Paste your access token first.";
      $("sign-in-error").hidden = false;
      $("token-input").focus();
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, value);
    showSignedInUser();
    $("sign-in").hidden = true;
    const waiting = awaitingSignIn;
    awaitingSignIn = null;
    if (waiting) completePending(waiting);
    else load();
  }

  // ---- The API ----

  class ApiError extends Error {
    constructor(status, detail, code) {
      super(detail);
      this.status = status;
      this.code = code;
    }
  }

  async function api(method, path, body) {
    const headers = { Accept: "application/json", Authorization: `Bearer ${token()}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      // Same-origin credentials: /connect hands this browser the cookie that binds the consent to it.
      response = await fetch(path, {
        method, headers, cache: "no-store", credentials: "same-origin",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, "The server could not be reached. Check your connection and try again.", "network");
    }
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (response.status === 401) {
      showSignIn(`Your access token was refused${data && data.detail ? ` (${data.detail})` : ""}. Paste a valid one.`);
      throw new ApiError(401, "unauthorized", "unauthorized");
    }
    if (!response.ok) {
      throw new ApiError(response.status, (data && data.detail) || `The server answered ${response.status}.`,
        data && data.code);
    }
    return data;
  }

  // ---- Loading and rendering the cards ----

  function load() {
    if (!token()) {
      showSignIn();
      return Promise.resolve();
    }
    if (loading) return loading;
    const refresh = $("refresh");
    setBusy(refresh, true);
    loading = api("GET", "/api/integrations")
      .then((list) => {
        $("sign-in").hidden = true;
        $("load-error").hidden = true;
        refresh.hidden = false;
        $("test-all").hidden = false;
        $("forget-token").hidden = false;
        render(list);
        $("updated").textContent = `Updated ${new Date().toLocaleTimeString()}`;
      })
      .catch((error) => {
        if (error.status === 401) return;
        $("load-error").textContent = `Could not load your integrations: ${error.message}`;
        $("load-error").hidden = false;
        refresh.hidden = false;
      })
      .finally(() => {
        loading = null;
        setBusy(refresh, false);
        $("grid").setAttribute("aria-busy", "false");
      });
    return loading;
  }

  function render(list) {
    const grid = $("grid");
    const seen = new Set();
    list.forEach((entry) => {
      entries.set(entry.type, entry);
      seen.add(entry.type);
      let card = grid.querySelector(`[data-type="${CSS.escape(entry.type)}"]`);
      if (!card) {
        card = createCard(entry);
        grid.append(card);
      }
      updateCard(card, entry);
    });
    grid.querySelectorAll(".card").forEach((card) => {
      if (!seen.has(card.dataset.type)) card.remove();
    });
    if (!$("details-dialog").open) return;
    const shown = entries.get($("details-dialog").dataset.type);
    if (shown) fillDetails(shown);
  }

  function createCard(entry) {
    const card = element("article", "card");
    card.dataset.type = entry.type;
    card.setAttribute("aria-labelledby", `card-${entry.type}-name`);

    const head = element("div", "card-head");
    head.append(icon(entry.icon));
    const title = element("div", "card-title");
    const name = element("h2", "card-name", entry.name);
    name.id = `card-${entry.type}-name`;
    title.append(name, element("span", "badge"));
    head.append(title);

    const actions = element("div", "actions");
    actions.append(
      button("Connect", "connect", "btn btn-primary"),
      button("Test", "test", "btn"),
      button("Details", "details", "btn btn-quiet"),
      button("Disconnect", "disconnect", "btn btn-danger-quiet"));
    actions.querySelectorAll("button").forEach((b) => b.setAttribute("aria-describedby", name.id));

    card.append(head, element("p", "card-description", entry.description), element("p", "card-account"),
      element("p", "card-sync"), element("p", "card-problem"), actions);
    card.addEventListener("click", (event) => {
      const target = event.target.closest("button[data-action]");
      if (target) act(target.dataset.action, card.dataset.type, target);
    });
    return card;
  }

  function updateCard(card, entry) {
    const status = entry.status in STATUS_LABELS ? entry.status : "error";
    card.dataset.status = status;
    const badge = card.querySelector(".badge");
    badge.textContent = STATUS_LABELS[status];
    badge.className = `badge badge-${status}`;
    card.querySelector(".card-name").textContent = entry.name;
    card.querySelector(".card-description").textContent = entry.description;

    const account = card.querySelector(".card-account");
    account.textContent = accountLabel(entry);
    account.hidden = !account.textContent || status === "disconnected";

    const sync = card.querySelector(".card-sync");
    sync.replaceChildren("Last sync: ", timeElement(entry.last_sync, "never"));

    const unconfigured = entry.configured === false;
    card.classList.toggle("card-unconfigured", unconfigured);
    const problem = card.querySelector(".card-problem");
    problem.textContent = status === "error" ? problemText(entry)
      : unconfigured ? "Not configured on this server: its administrator must add the OAuth client first." : "";
    problem.hidden = !problem.textContent;

    const connect = card.querySelector('[data-action="connect"]');
    connect.textContent = status !== "error" ? "Connect" : entry.requires_oauth ? "Re-authorize" : "Reconnect";
    connect.hidden = status === "connected" || unconfigured;
    card.querySelector('[data-action="test"]').hidden = status === "disconnected";
    card.querySelector('[data-action="disconnect"]').hidden = status === "disconnected";
  }

  function accountLabel(entry) {
    if (!entry.account) return "";
    return entry.account.display_name || entry.account.id || "";
  }

  function problemText(entry) {
    if (entry.last_error === "reauthorization_required") {
      return "Access expired or was revoked. Re-authorize to keep using it.";
    }
    return entry.last_error_message || (entry.last_error ? entry.last_error.replace(/_/g, " ") : "Something went wrong.");
  }

  function icon(name) {
    const wrapper = element("span", "icon");
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const use = document.createElementNS(SVG_NS, "use");
    use.setAttribute("href", `#${ICONS[name] || "icon-link"}`);
    svg.append(use);
    wrapper.append(svg);
    return wrapper;
  }

  // ---- Actions ----

  function act(action, type, source) {
    const entry = entries.get(type);
    if (!entry || isBusy(source)) return;
    if (action === "connect") connect(entry, source);
    else if (action === "test") test(entry, source);
    else if (action === "disconnect") disconnect(entry, source);
    else if (action === "details") showDetails(entry, source);
  }

  function connect(entry, source) {
    if (entry.requires_oauth) connectWithOAuth(entry, source);
    else openTelegramDialog(entry, source);
  }

  async function connectWithOAuth(entry, source) {
    // Open the popup now, inside the click, or the browser blocks it; point it at the provider later.
    const popup = window.open("about:blank", POPUP_NAME, "popup,width=520,height=680");
    setBusy(source, true);
    try {
      const reply = await api("POST", "/api/integrations/connect", { integration_type: entry.type });
      const url = new URL(reply.oauth_url);
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new ApiError(0, "The server sent an unusable address.");
      if (popup && !popup.closed) {
        popup.location.href = url.href;
        toast(`Finish connecting ${entry.name} in the window that opened.`, "info");
        watchPopup(popup, source);
        return;
      }
      location.assign(url.href); // the popup was blocked: go there in this window, come back here
    } catch (error) {
      if (popup) popup.close();
      setBusy(source, false);
      if (error.status !== 401) toast(`Could not connect ${entry.name}: ${error.message}`, "error");
    }
  }

  function watchPopup(popup, source) {
    const timer = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(timer);
      setBusy(source, false);
      load();
    }, 500);
  }

  async function test(entry, source) {
    setBusy(source, true);
    try {
      const reply = await api("POST", `/api/integrations/test?integration_type=${encodeURIComponent(entry.type)}`);
      toast(`${entry.name}: ${reply.message}`, reply.success ? "success" : "error");
    } catch (error) {
      if (error.status !== 401) toast(`${entry.name} test failed: ${error.message}`, "error");
    } finally {
      setBusy(source, false);
      load();
    }
  }

  async function disconnect(entry, source) {
    const confirmed = await confirmDialog(
      `Disconnect ${entry.name}?`,
      `The app will no longer be able to use ${entry.name} for you. Stored credentials are deleted and, where `
        + "the provider allows it, access is revoked.",
      "Disconnect",
      source);
    if (!confirmed) return;
    setBusy(source, true);
    try {
      const reply = await api("POST", `/api/integrations/disconnect?integration_type=${encodeURIComponent(entry.type)}`);
      toast(`${entry.name} disconnected.`, "success");
      if (reply && reply.revocation && reply.revocation.revoked === false) {
        toast(`${entry.name} could not revoke access at the provider; you can remove it in your account settings.`, "info");
      }
    } catch (error) {
      if (error.status !== 401) toast(`Could not disconnect ${entry.name}: ${error.message}`, "error");
    } finally {
      setBusy(source, false);
      await load();
      focusCard(entry.type);
    }
  }

  function focusCard(type) {
    const card = $("grid").querySelector(`[data-type="${CSS.escape(type)}"]`);
    const target = card && [...card.querySelectorAll("button")].find((b) => !b.hidden);
    if (target && !document.activeElement.closest("dialog")) target.focus();
  }

  // ---- Telegram ----

  function openTelegramDialog(entry, source) {
    const dialog = $("telegram-dialog");
    dialog.dataset.type = entry.type;
    $("telegram-title").textContent = `Connect ${entry.name}`;
    $("telegram-steps").hidden = entry.type !== "telegram";
    $("token-hint").hidden = entry.type === "telegram";
    $("bot-token").value = "";
    showFieldError("", $("bot-token"), $("telegram-error"));
    openDialog(dialog, source, $("bot-token"));
  }

  async function submitTelegram(event) {
    event.preventDefault();
    const dialog = $("telegram-dialog");
    const field = $("bot-token");
    const submit = dialog.querySelector('button[type="submit"]');
    const value = field.value.trim();
    if (!value) {
      const hint = dialog.dataset.type === "telegram" ? "Paste the bot token BotFather gave you." : "Paste the bot token.";
      showFieldError(hint, field, $("telegram-error"));
      return;
    }
    if (isBusy(submit)) return;
    setBusy(submit, true);
    try {
      const reply = await api("POST", "/api/integrations/connect", { integration_type: dialog.dataset.type, bot_token: value });
      dialog.close();
      toast(reply.message || "Telegram connected.", "success");
      load();
    } catch (error) {
      if (error.status !== 401) showFieldError(error.message, field, $("telegram-error"));
    } finally {
      setBusy(submit, false);
    }
  }

  function showFieldError(message, field, slot) {
    slot.textContent = message;
    slot.hidden = !message;
    if (message) {
      field.setAttribute("aria-invalid", "true");
      field.focus();
    } else {
      field.removeAttribute("aria-invalid");
    }
  }

  // ---- Details ----

  function showDetails(entry, source) {
    const dialog = $("details-dialog");
    dialog.dataset.type = entry.type;
    resetTry();
    fillDetails(entry);
    loadUsageChart(entry);
    openDialog(dialog, source, dialog.querySelector("[data-close]"));
  }

  function fillDetails(entry) {
    $("details-title").textContent = entry.name;
    $("details-status").textContent = STATUS_LABELS[entry.status] || entry.status;
    $("details-account").textContent = accountLabel(entry) || "—";
    $("details-connected").replaceChildren(timeElement(entry.connected_at, "—"));
    $("details-sync").replaceChildren(timeElement(entry.last_sync, "never"));
    const scopes = entry.scopes && entry.scopes.length ? entry.scopes : null;
    $("details-scopes").replaceChildren(...(scopes
      ? scopes.map((scope) => element("li", "", scope))
      : [element("li", "muted", entry.requires_oauth ? "—" : "Bot token (no OAuth scopes)")]));
    fillHealth(entry);
    $("details-error").textContent = entry.last_error
      ? `${entry.last_error}${entry.last_error_message ? `: ${entry.last_error_message}` : ""}`
      : "None";
    const reauthorize = $("details-reauthorize");
    reauthorize.hidden = !(entry.status === "error" || entry.last_error === "reauthorization_required");
    reauthorize.textContent = entry.requires_oauth ? "Re-authorize" : "Enter a new token";
    fillCapabilities(entry);
  }

  // ---- What a connection can do, and a small "try it" form per capability, over the same API ----

  const capabilitiesOf = (entry) => (entry.capabilities || []).filter((c) => c in CAPABILITY_LABELS);

  function fillCapabilities(entry) {
    const offered = capabilitiesOf(entry);
    $("details-capabilities").replaceChildren(...(offered.length
      ? offered.map((c) => element("li", "", CAPABILITY_LABELS[c]))
      : [element("li", "muted", "Test and disconnect only (and the API proxy)")]));
    const connected = entry.status === "connected";
    $("try").hidden = offered.length === 0;
    $("try-hint").textContent = connected ? "" : `Connect ${entry.name} to try it.`;
    $("try-hint").hidden = connected;
    for (const capability of Object.keys(CAPABILITY_LABELS)) {
      $(`try-${capability}`).hidden = !connected || !offered.includes(capability);
    }
    $("try-chat-hint").textContent = CHAT_ID_HINTS[entry.type] || "Where the message goes, as the provider names it.";
  }

  // A details view of another integration starts with empty forms; a refresh of the same one keeps them.
  function resetTry() {
    $("try-chat").value = "";
    $("try-to").value = "";
    $("try-file-list").replaceChildren();
    showTryResult("");
  }

  function showTryResult(message, failed) {
    const result = $("try-result");
    result.textContent = message;
    result.hidden = !message;
    result.classList.toggle("try-error", Boolean(failed));
  }

  // Runs one try: the form's button is busy meanwhile, and the answer (or the server's error) shows below.
  async function tryIt(event, run) {
    event.preventDefault();
    const form = event.target;
    const submit = form.querySelector('button[type="submit"]');
    const entry = entries.get($("details-dialog").dataset.type);
    if (!entry || isBusy(submit)) return;
    setBusy(submit, true);
    showTryResult("");
    try {
      showTryResult(await run(entry, form));
    } catch (error) {
      if (error.status !== 401) showTryResult(error.message, true);
    } finally {
      setBusy(submit, false);
    }
  }

  const actionPath = (entry, resource) => `/api/integrations/${encodeURIComponent(entry.type)}/${resource}`;

  async function tryMessage(entry) {
    const chatId = $("try-chat").value.trim();
    if (!chatId) throw new ApiError(0, "Enter the chat id to send the test message to.");
    const reply = await api("POST", actionPath(entry, "messages"), { chat_id: chatId, text: $("try-text").value });
    return `Sent message ${reply.message_id} to ${chatId}.`;
  }

  async function tryMail(entry) {
    const to = $("try-to").value.trim();
    if (!to) throw new ApiError(0, "Enter the address to send the test mail to.");
    const reply = await api("POST", actionPath(entry, "messages"), {
      to, subject: "A test mail from Integrations", body: `This mail was sent through ${entry.name} to try the connection.`,
    });
    return reply.id ? `Sent mail ${reply.id} to ${to}.` : `Sent the mail to ${to}.`;
  }

  async function tryFiles(entry) {
    const files = await api("GET", `${actionPath(entry, "files")}?page_size=5`);
    $("try-file-list").replaceChildren(...files.map((file) => element("li", "", file.name)));
    return files.length ? `The last ${files.length === 1 ? "file" : `${files.length} files`}:` : "No files yet.";
  }

  const HEALTH_LABELS = {
    healthy: "Healthy",
    degraded: "Degraded: calls failed for reasons that may pass",
    reauthorization_required: "Needs re-authorization",
  };

  function fillHealth(entry) {
    const health = entry.health;
    const dd = $("details-health");
    dd.className = health ? `health-${health.state}` : "";
    if (!health) {
      dd.textContent = "—";
    } else {
      const parts = [HEALTH_LABELS[health.state] || health.state];
      if (health.failure_count > 0) parts.push(`${health.failure_count} failure${health.failure_count === 1 ? "" : "s"}`);
      if (health.last_error) {
        const when = health.last_failure ? ` (${new Date(health.last_failure).toLocaleString()})` : "";
        parts.push(`last error ${health.last_error}${when}${health.last_error_message ? `: ${health.last_error_message}` : ""}`);
      }
      dd.textContent = parts.join(" · ");
    }
    const usage = entry.usage_24h || { calls: 0, failures: 0 };
    $("details-usage").textContent = `${usage.calls} in the last 24 hours`
      + (usage.failures ? `, ${usage.failures} failed` : "");
  }

  async function loadUsageChart(entry) {
    const figure = $("details-chart-figure");
    figure.hidden = true;
    if (entry.status === "disconnected") return;
    let usage;
    try {
      usage = await api("GET", `/api/integrations/${encodeURIComponent(entry.type)}/usage`);
    } catch (error) {
      return; // the details stay useful without the chart
    }
    if ($("details-dialog").dataset.type !== entry.type) return;
    drawUsage(usage);
    figure.hidden = false;
  }

  function drawUsage(usage) {
    const svg = $("details-chart");
    const days = usage.days || [];
    const most = Math.max(1, ...days.map((d) => d.calls));
    const width = 300 / Math.max(1, days.length);
    const bars = [];
    days.forEach((day, i) => {
      const ok = day.calls - day.failures;
      const okHeight = (ok / most) * 60;
      const failedHeight = (day.failures / most) * 60;
      bars.push(rect(i * width + 1, 60 - okHeight, width - 2, okHeight, "bar-ok", `${day.date}: ${day.calls} calls`));
      bars.push(rect(i * width + 1, 60 - okHeight - failedHeight, width - 2, failedHeight, "bar-failed",
        `${day.date}: ${day.failures} failed`));
    });
    svg.replaceChildren(...bars);
    const total = days.reduce((sum, d) => sum + d.calls, 0);
    const failed = days.reduce((sum, d) => sum + d.failures, 0);
    const actions = (usage.actions || []).map((a) => `${a.action} ${a.calls}`).join(", ");
    $("details-chart-caption").textContent = `Calls per day, last ${days.length} days: ${total}`
      + (failed ? ` (${failed} failed)` : "") + (actions ? ` — ${actions}` : "");
  }

  function rect(x, y, width, height, className, title) {
    const ns = "http://www.w3.org/2000/svg";
    const r = document.createElementNS(ns, "rect");
    r.setAttribute("x", x);
    r.setAttribute("y", y);
    r.setAttribute("width", Math.max(0, width));
    r.setAttribute("height", Math.max(0, height));
    r.setAttribute("class", className);
    const t = document.createElementNS(ns, "title");
    t.textContent = title;
    r.append(t);
    return r;
  }

  // ---- Test all ----

  async function testAll(source) {
    setBusy(source, true);
    try {
      const results = await api("POST", "/api/integrations/test-all");
      if (!results.length) {
        toast("No connections to test.", "info");
      } else {
        const failed = results.filter((r) => !r.success);
        toast(`${results.length - failed.length} of ${results.length} connections work.`,
          failed.length ? "error" : "success");
        failed.forEach((r) => toast(`${displayName(r.integration_type)}: ${r.message}`, "error"));
      }
    } catch (error) {
      if (error.status !== 401) toast(`Testing failed: ${error.message}`, "error");
    } finally {
      setBusy(source, false);
      load();
    }
  }

  // ---- Dialogs: modal, Tab stays inside, Esc closes, focus returns to what opened them ----

  function openDialog(dialog, returnFocusTo, initialFocus) {
    dialog.returnFocusTo = returnFocusTo || document.activeElement;
    dialog.showModal();
    if (initialFocus) initialFocus.focus();
  }

  function setUpDialog(dialog) {
    dialog.addEventListener("keydown", (event) => {
      if (event.key !== "Tab") return;
      const focusable = [...dialog.querySelectorAll("button, input, a[href], [tabindex]:not([tabindex='-1'])")]
        .filter((el) => !el.disabled && !el.hidden && el.getClientRects().length > 0);
      if (focusable.length === 0) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
    dialog.querySelectorAll("[data-close]").forEach((b) => b.addEventListener("click", () => dialog.close()));
    dialog.addEventListener("close", () => {
      const target = dialog.returnFocusTo;
      dialog.returnFocusTo = null;
      if (target && target.isConnected && !target.hidden) target.focus();
    });
  }

  function confirmDialog(title, message, action, source) {
    const dialog = $("confirm-dialog");
    $("confirm-title").textContent = title;
    $("confirm-message").textContent = message;
    $("confirm-ok").textContent = action;
    return new Promise((resolve) => {
      const finish = (answer) => {
        $("confirm-ok").onclick = null;
        $("confirm-cancel").onclick = null;
        dialog.onclose = null;
        if (dialog.open) dialog.close();
        resolve(answer);
      };
      $("confirm-ok").onclick = () => finish(true);
      $("confirm-cancel").onclick = () => finish(false);
      dialog.onclose = () => finish(false); // Esc
      openDialog(dialog, source, $("confirm-cancel"));
    });
  }

  // ---- Toasts ----

  function toast(message, kind) {
    const item = element("div", `toast toast-${kind}`);
    item.append(element("span", "toast-message", message));
    const close = button("×", "dismiss", "toast-close");
    close.setAttribute("aria-label", "Dismiss");
    close.addEventListener("click", () => item.remove());
    item.append(close);
    $("toasts").append(item);
    const dismiss = () => {
      if (item.contains(document.activeElement) || item.matches(":hover")) {
        setTimeout(dismiss, 2000);
      } else {
        item.remove();
      }
    };
    setTimeout(dismiss, kind === "error" ? 10000 : 6000);
  }

  // ---- Small helpers ----

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function button(label, action, className) {
    const b = element("button", className, label);
    b.type = "button";
    b.dataset.action = action;
    return b;
  }

  // Busy buttons stay focusable (disabling a focused button would drop keyboard focus) but ignore clicks.
  function setBusy(target, busy) {
    if (!target) return;
    target.classList.toggle("busy", busy);
    target.setAttribute("aria-busy", String(busy));
    target.setAttribute("aria-disabled", String(busy));
  }

  const isBusy = (target) => Boolean(target) && target.classList.contains("busy");

  function timeElement(iso, fallback) {
    if (!iso) return document.createTextNode(fallback);
    const date = new Date(iso);
    const time = element("time", "", relative(date));
    time.dateTime = iso;
    time.title = date.toLocaleString();
    return time;
  }

  function relative(date) {
    const seconds = Math.round((date.getTime() - Date.now()) / 1000);
    const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
    const units = [["day", 86400], ["hour", 3600], ["minute", 60]];
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return "just now";
  }

  function displayName(type) {
    const entry = entries.get(type);
    if (entry) return entry.name;
    return "The integration";
  }

  // ---- Use with an AI assistant (the MCP server at /mcp) ----

  const MCP_PATH = "/mcp";

  // Shown to a signed-in user only: the MCP URL of this server and whom an assistant would act as.
  function updateAssistantPanel() {
    const current = token();
    const panel = $("ai-assistant");
    if (!panel) return;
    panel.hidden = !current;
    if (!current) return;
    $("ai-assistant-url").value = location.origin + MCP_PATH;
    $("ai-assistant-user").textContent = userOf(current) === null ? "you" : userOf(current);
  }

  function setUpAssistantPanel() {
    const copy = $("ai-assistant-copy");
    if (!copy) return;
    copy.addEventListener("click", async () => {
      const field = $("ai-assistant-url");
      try {
        await navigator.clipboard.writeText(field.value);
        toast("MCP server URL copied.", "info");
      } catch (e) {
        field.select(); // no clipboard access (an insecure origin): let the person copy it
      }
    });
    updateAssistantPanel();
  }

  // ---- Start ----

  async function start() {
    const returned = takeOAuthResult();
    if (returned && returned.closing) return;
    document.querySelectorAll("dialog").forEach(setUpDialog);
    setUpAssistantPanel();
    showSignedInUser();
    await takeTokenFromFragment();
    $("sign-in-form").addEventListener("submit", signIn);
    $("telegram-form").addEventListener("submit", submitTelegram);
    $("try-messages").addEventListener("submit", (event) => tryIt(event, tryMessage));
    $("try-mail").addEventListener("submit", (event) => tryIt(event, tryMail));
    $("try-files").addEventListener("submit", (event) => tryIt(event, tryFiles));
    $("refresh").addEventListener("click", () => load().then(() => toast("Integrations refreshed.", "info")));
    $("forget-token").addEventListener("click", () => showSignIn());
    $("test-all").addEventListener("click", (event) => testAll(event.currentTarget));
    $("details-reauthorize").addEventListener("click", () => {
      const entry = entries.get($("details-dialog").dataset.type);
      const card = $("grid").querySelector(`[data-type="${CSS.escape(entry.type)}"]`);
      $("details-dialog").close();
      connect(entry, card && card.querySelector('[data-action="connect"]'));
    });
    listenForOAuthResults();
    window.addEventListener("hashchange", async () => {
      if (!new URLSearchParams(location.hash.slice(1)).has("token")) return;
      // the host app handed over a new token to an open page
      if (!(await takeTokenFromFragment())) return;
      entries.clear();
      $("grid").replaceChildren();
      load();
    });
    setInterval(() => {
      if (token() && document.visibilityState === "visible") load();
    }, REFRESH_MS);
    if (returned) announceOAuthResult(returned); // it loads the list too
    else load();
  }

  start();
})();
