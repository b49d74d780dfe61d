// The guard's phone page (served by `sandbox-app serve` with [phone]; sandbox_app/bridges/phone/server.py).
// Plain JS, no build step, nothing from the internet. Texts are the page's own, in Chinese.
"use strict";

const STATE_TEXT = {
  issued: "待签收", escalated: "待签收（已超时上报）", accepted: "已签收", declined: "已拒绝",
  on_scene: "已到场", handled: "处置完毕", feedback: "已反馈", closed: "已办结", cancelled: "已撤销",
};
const FORM_TEXT = {
  declined: ["拒绝原因（必填）", true, false],
  handled: ["处置情况（可不填）", false, false],
  feedback: ["反馈内容（必填），可附照片", true, true],
};
const OUTBOX_KEY = "sandbox.phone.outbox";
const SEEN_KEY = "sandbox.phone.seen";

const $ = (id) => document.getElementById(id);
const view = {
  guard: null, order: null, settings: { fix_interval_s: 30, busy_fix_interval_s: 10 },
  me: null, map: null, frame: null,
};
let events = null;
let watchId = null;
let watchBusy = null;
let lastFixAt = 0;
let lastPositionAt = 0;
let geoProblem = "";
let formState = null;
let photoData = null;
let retryDelay = 2000;
let retryTimer = null;
let ringing = null;

// ---- start -------------------------------------------------------------------------------------------
window.addEventListener("load", () => {
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});
  const m = location.hash.match(/code=([A-Za-z0-9-]+)/);
  if (m) $("code").value = m[1];
  $("enrol-go").addEventListener("click", enrol);
  $("cancel").addEventListener("click", closeForm);
  $("send").addEventListener("click", sendForm);
  $("photo").addEventListener("change", pickPhoto);
  $("ring-ok").addEventListener("click", stopRing);
  for (const b of document.querySelectorAll("#actions button")) {
    b.addEventListener("click", () => act(b.dataset.state));
  }
  window.addEventListener("online", () => {
    flush();
    if (view.guard && !socket && !events) { clearTimeout(wsTimer); listen(); }  // back now, not in 3 s
  });
  window.addEventListener("offline", () => setLink(false));
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) {
      showGeo("屏幕关闭或页面在后台：浏览器已暂停位置共享，回到本页后自动恢复。", true);
    } else if (view.guard) {
      startGeo(true);
    }
  });
  window.addEventListener("resize", drawMap);
  setInterval(watchdog, 5000);
  boot();
});

async function boot() {
  const r = await api("GET", "/api/order").catch(() => null);
  if (r && r.status === 401) return showEnrol("");
  if (r && r.ok) return started(await r.json());
  // Offline: the last order this page saw, so the guard still has the place in front of them.
  const last = localStorage.getItem("sandbox.phone.last");
  if (last) started(JSON.parse(last));
  else showEnrol("无法连接派出所，请检查网络后重试。");
  setTimeout(boot, 5000);
}

function showEnrol(message) {
  stopGeo();
  view.guard = null;
  stopListening();
  $("app").hidden = true;
  $("enrol").hidden = false;
  $("who").textContent = "万家卫士";
  $("enrol-msg").textContent = message || "";
  if (message && !location.hash.includes("code=")) $("code").value = "";  // a spent code is no use
  setLink(false);
}

async function enrol() {
  const code = $("code").value.trim();
  if (!code) { $("enrol-msg").textContent = "请输入登记码"; return; }
  $("enrol-go").disabled = true;
  try {
    const r = await api("POST", "/api/enrol", { code });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) { $("enrol-msg").textContent = body.error || "登记失败"; return; }
    history.replaceState(null, "", "/");
    unlockSound();
    const o = await (await api("GET", "/api/order")).json();
    started(o);
  } catch (e) {
    $("enrol-msg").textContent = "无法连接派出所，请检查网络后重试。";
  } finally {
    $("enrol-go").disabled = false;
  }
}

function started(snapshot) {
  $("enrol").hidden = true;
  $("app").hidden = false;
  apply(snapshot);
  loadMap();
  listen();
  startGeo(false);
  flush();
}

// ---- live orders: WebSocket first, server-sent events when it cannot connect ---------------------------
// Both carry the same messages (`order` with the page's snapshot, `revoked`). `liveTransport` says which
// one is up ("websocket", "sse", "" while none): the tests read it, and it is the link dot's tooltip.
let socket = null;
let liveTransport = "";
let wsTimer = null;

function listen() {
  if (socket || events) return;
  if (!("WebSocket" in window)) return listenSse();
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  let opened = false;
  let me;
  try {
    me = socket = new WebSocket(`${scheme}//${location.host}/api/ws`);
  } catch (e) {
    socket = null;
    return listenSse();
  }
  socket.addEventListener("open", () => { opened = true; live("websocket"); });
  socket.addEventListener("message", (e) => {
    const m = JSON.parse(e.data);
    if (m.event === "order") { live("websocket"); apply(m.data); }
    else if (m.event === "revoked") showEnrol("此手机的登记已被注销，请联系派出所重新登记。");
  });
  socket.addEventListener("close", async () => {
    if (socket !== me) return;  // closed on purpose (enrolment shown, or replaced)
    socket = null;
    live("");
    const r = await api("GET", "/api/order").catch(() => null);
    if (r && r.status === 401) return showEnrol("此手机的登记已失效，请联系派出所重新登记。");
    // The station answers but the WebSocket never opened (a proxy without it, a blocked upgrade): the
    // event stream instead. Lost after opening, or no network at all: the WebSocket again shortly.
    if (!opened && r && r.ok) return listenSse();
    clearTimeout(wsTimer);
    wsTimer = setTimeout(listen, 3000);
  });
}

function listenSse() {
  if (events) return;
  events = new EventSource("/api/events");
  events.addEventListener("open", () => live("sse"));
  events.addEventListener("order", (e) => { live("sse"); apply(JSON.parse(e.data)); });
  events.addEventListener("revoked", () => showEnrol("此手机的登记已被注销，请联系派出所重新登记。"));
  events.addEventListener("error", async () => {
    live("");
    const r = await api("GET", "/api/order").catch(() => null);
    if (r && r.status === 401) showEnrol("此手机的登记已失效，请联系派出所重新登记。");
  });
}

function stopListening() {
  clearTimeout(wsTimer);
  if (events) { events.close(); events = null; }
  if (socket) { const s = socket; socket = null; s.close(); }
  live("");
}

function live(transport) {
  liveTransport = transport;
  document.body.dataset.transport = transport;
  setLink(!!transport);
}

function setLink(up) {
  $("link").classList.toggle("off", !up);
  $("link").title = up ? "已连接派出所" : "未连接派出所（指令会在恢复后送达）";
}

function apply(snapshot) {
  view.guard = snapshot.guard;
  view.settings = snapshot.settings || view.settings;
  const before = view.order;
  view.order = snapshot.order;
  localStorage.setItem("sandbox.phone.last", JSON.stringify(snapshot));
  $("who").textContent = `万家卫士 · ${snapshot.guard.name}`;
  const o = snapshot.order;
  if (o && !isSeen(o.id) && (o.state === "issued" || o.state === "escalated")) {
    markSeen(o.id);
    ring(o.alarm);
  }
  if (o && o.state === "cancelled" && before && before.id === o.id && before.state !== "cancelled") ring(false);
  render();
  if (!before !== !o || (before && o && busy(before) !== busy(o))) startGeo(true);
}

function busy(o) {
  return !!o && ["issued", "escalated", "accepted", "on_scene"].includes(o.state);
}

// ---- the order card ----------------------------------------------------------------------------------
function localState(o) {
  // The state after the replies still in this page's queue: the guard can go on while offline.
  let s = o.state;
  for (const r of outbox()) if (r.dispatch_id === o.id && (o.transitions[s] || []).includes(r.state)) s = r.state;
  return s;
}

function render() {
  const o = view.order;
  $("no-order").hidden = !!o;
  $("card").hidden = !o;
  if (o) {
    const s = localState(o);
    const queued = s !== o.state ? "（待发送）" : "";
    $("state").textContent = `指令状态：${STATE_TEXT[s] || s}${queued}`;
    $("alarm").hidden = !(o.alarm && busy(o));
    $("what").textContent = o.what || "";  // 烟感报警, 人员跌倒报警, 火灾：电动车起火 … (the desk's words)
    $("what").hidden = !o.what;
    $("place").textContent = o.place || o.summary || "警情地点见地图";
    const parts = [];
    if (o.eta_s != null && busy(o)) parts.push(`预计 ${Math.max(1, Math.round(o.eta_s / 60))} 分钟到达`);
    if (o.distance_m != null && busy(o)) parts.push(`路程约 ${fmtDistance(o.distance_m)}`);
    $("eta").textContent = parts.join(" · ");
    const notes = [];
    if (o.note) notes.push(`指挥员：${o.note}`);
    if (o.summary && o.place) notes.push(o.summary);
    if (o.state === "cancelled") notes.push("本次指令已撤销，请停止前往。");
    $("note").textContent = notes.join("　");
    const allowed = o.transitions[s] || [];
    for (const b of document.querySelectorAll("#actions button")) b.disabled = !allowed.includes(b.dataset.state);
  }
  const n = outbox().length;
  $("queue").textContent = n ? `待发送 ${n} 条回复（网络恢复后自动重发）` : "";
  $("queue").hidden = !n;
  drawMap();
}

function fmtDistance(m) {
  return m >= 1000 ? `${(m / 1000).toFixed(1)} 公里` : `${Math.round(m)} 米`;
}

function act(state) {
  if (FORM_TEXT[state]) return openForm(state);
  queueReply(state, "", null);
}

function openForm(state) {
  formState = state;
  photoData = null;
  const [label, , photo] = FORM_TEXT[state];
  $("form-label").textContent = label;
  $("text").value = "";
  $("preview").hidden = true;
  $("photo").value = "";
  document.querySelector("label.photo").hidden = !photo;
  $("actions").hidden = true;
  $("form").hidden = false;
  document.body.classList.add("writing");
  drawMap();
  $("text").focus();
}

function closeForm() {
  formState = null;
  $("form").hidden = true;
  $("actions").hidden = false;
  document.body.classList.remove("writing");
  drawMap();
}

function sendForm() {
  const [, required] = FORM_TEXT[formState];
  const text = $("text").value.trim();
  if (required && !text) { $("form-label").textContent = "请先填写内容"; return; }
  queueReply(formState, text, photoData);
  closeForm();
}

function pickPhoto() {
  const file = $("photo").files[0];
  if (!file) return;
  const img = new Image();
  const url = URL.createObjectURL(file);
  img.onload = () => {
    // Shrunk on the phone: a 12-megapixel photo would take minutes on a weak signal.
    const scale = Math.min(1, 1600 / Math.max(img.width, img.height));
    const c = document.createElement("canvas");
    c.width = Math.round(img.width * scale);
    c.height = Math.round(img.height * scale);
    c.getContext("2d").drawImage(img, 0, 0, c.width, c.height);
    photoData = c.toDataURL("image/jpeg", 0.8);
    $("preview").src = photoData;
    $("preview").hidden = false;
    $("preview").scrollIntoView({ block: "center" });
    URL.revokeObjectURL(url);
  };
  img.src = url;
}

// ---- replies: an offline queue, retried, idempotent by id --------------------------------------------
function outbox() {
  try { return JSON.parse(localStorage.getItem(OUTBOX_KEY) || "[]"); } catch (e) { return []; }
}
function saveOutbox(items) { localStorage.setItem(OUTBOX_KEY, JSON.stringify(items)); }

function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const a = new Uint8Array(16);
  crypto.getRandomValues(a);
  return Array.from(a, (x) => x.toString(16).padStart(2, "0")).join("");
}

function queueReply(state, note, photo) {
  const o = view.order;
  if (!o) return;
  const item = { id: newId(), dispatch_id: o.id, state, ts: Date.now(), note };
  if (photo) item.photo_data = photo;
  saveOutbox([...outbox(), item]);
  render();
  flush();
}

async function flush() {
  clearTimeout(retryTimer);
  let items = outbox();
  while (items.length) {
    const item = items[0];
    let r;
    try {
      r = await api("POST", "/api/reply", item);
    } catch (e) {
      return retryLater();
    }
    if (r.status === 401) return showEnrol("此手机的登记已失效，请联系派出所重新登记。");
    if (r.status === 429 || r.status >= 500) return retryLater();
    if (!r.ok) {
      const body = await r.json().catch(() => ({}));
      showGeoNote(`回复未被接受：${body.error || r.status}`);
    }
    items = outbox().filter((x) => x.id !== item.id);
    saveOutbox(items);
    retryDelay = 2000;
    render();
  }
}

function retryLater() {
  render();
  retryTimer = setTimeout(flush, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 60000);
}

function api(method, path, body) {
  const init = { method, credentials: "same-origin", headers: {} };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  return fetch(path, init);
}

// ---- position sharing --------------------------------------------------------------------------------
function startGeo(restart) {
  if (!("geolocation" in navigator)) {
    return showGeo("此浏览器不支持定位：位置未共享。", true);
  }
  const onOrder = busy(view.order);
  if (watchId !== null && !restart && watchBusy === onOrder) return;
  stopGeo();
  watchBusy = onOrder;
  const interval = onOrder ? view.settings.busy_fix_interval_s : view.settings.fix_interval_s;
  // Battery first: coarse and cached positions while idle; GPS accuracy only on the way to an order.
  watchId = navigator.geolocation.watchPosition(gotPosition, geoError, {
    enableHighAccuracy: onOrder, maximumAge: interval * 1000, timeout: 120000,
  });
  geoProblem = "";
  showGeo(`位置共享：已开启（每 ${interval} 秒${onOrder ? "，出警中高精度" : ""}）`, false);
}

function stopGeo() {
  if (watchId !== null) navigator.geolocation.clearWatch(watchId);
  watchId = null;
}

let latest = null;
let sendTimer = null;

function gotPosition(p) {
  lastPositionAt = Date.now();
  geoProblem = "";
  latest = p;
  view.me = [p.coords.longitude, p.coords.latitude];
  drawMap();
  sendLatest();
}

function fixInterval() {
  return (busy(view.order) ? view.settings.busy_fix_interval_s : view.settings.fix_interval_s) * 1000;
}

async function sendLatest() {
  // At most one fix per interval: a position that comes sooner waits for the interval's end (the latest
  // one then goes), so the station always ends up with where the guard is now.
  const wait = lastFixAt + fixInterval() - Date.now();
  if (wait > 0) {
    if (!sendTimer) sendTimer = setTimeout(() => { sendTimer = null; sendLatest(); }, wait);
    return;
  }
  const p = latest;
  if (!p) return;
  latest = null;
  lastFixAt = Date.now();
  const coords = {
    latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy,
  };
  if (p.coords.speed != null) coords.speed = p.coords.speed;
  if (p.coords.heading != null && !Number.isNaN(p.coords.heading)) coords.heading = p.coords.heading;
  if (p.coords.altitude != null) coords.altitude = p.coords.altitude;
  const when = new Date(p.timestamp || Date.now());
  try {
    const r = await api("POST", "/api/fix", { coords, timestamp: when.toISOString() });
    if (r.status === 401) return showEnrol("此手机的登记已失效，请联系派出所重新登记。");
    const t = when.toTimeString().slice(0, 8);
    if (r.ok) showGeo(`位置共享：已发送 ${t}（精度约 ${Math.round(p.coords.accuracy || 0)} 米）`, false);
    else showGeo(`位置共享：派出所未接收（${r.status}），稍后重试`, true);
  } catch (e) {
    showGeo("位置共享：网络不通，位置未送达", true);
  }
}

function geoError(e) {
  if (e.code === 1) {
    geoProblem = "浏览器已禁止定位：位置未共享。请在浏览器设置中允许本页使用位置。";
  } else if (e.code === 2) {
    geoProblem = "无法取得位置（无卫星或网络定位）：位置未共享。";
  } else {
    geoProblem = "定位超时：浏览器暂未提供位置。";
  }
  showGeo(geoProblem, true);
}

let probing = false;

function watchdog() {
  // A guard standing still gets no new positions from watchPosition; the station still needs one per
  // interval (it shows how fresh each guard's place is), so ask once. When the browser gives nothing
  // for long, say so on the page: the station's map is then showing an old place.
  if (!view.guard || document.hidden || watchId === null || probing) return;
  if (Date.now() - lastFixAt < fixInterval()) return;
  probing = true;
  navigator.geolocation.getCurrentPosition(
    (p) => { probing = false; gotPosition(p); },
    (e) => {
      probing = false;
      if (e.code !== 3) return geoError(e);
      const t = lastPositionAt ? new Date(lastPositionAt).toTimeString().slice(0, 8) : "无";
      showGeo(`浏览器已停止提供位置（最后一次 ${t}）：位置未共享。请保持本页在前台。`, true);
    },
    { enableHighAccuracy: busy(view.order), maximumAge: fixInterval(), timeout: 30000 },
  );
}

function showGeo(text, bad) {
  $("geo").textContent = text;
  $("geo").classList.toggle("bad", !!bad);
}
function showGeoNote(text) { showGeo(text, true); }

// ---- alarm: sound and vibration ----------------------------------------------------------------------
let audio = null;
function unlockSound() {
  try { audio = audio || new (window.AudioContext || window.webkitAudioContext)(); audio.resume(); } catch (e) {}
}
document.addEventListener("pointerdown", unlockSound, { once: true });

function isSeen(id) { return (JSON.parse(localStorage.getItem(SEEN_KEY) || "[]")).includes(id); }
function markSeen(id) {
  const seen = JSON.parse(localStorage.getItem(SEEN_KEY) || "[]");
  seen.push(id);
  localStorage.setItem(SEEN_KEY, JSON.stringify(seen.slice(-50)));
}

function ring(urgent) {
  stopRing();
  $("ring").firstElementChild.textContent = urgent ? "一键呼叫：立即出警" : "新指令";
  $("ring").hidden = false;
  const pattern = urgent ? [800, 200, 800, 200, 800, 200, 800] : [400, 200, 400];
  if (navigator.vibrate) navigator.vibrate(pattern);
  let beeps = 0;
  const beep = () => {
    if (!audio) return;
    try {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = beeps % 2 ? 880 : 1320;
      gain.gain.value = 0.4;
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.35);
    } catch (e) {}
    beeps += 1;
    if (beeps > (urgent ? 40 : 6)) stopRing();
  };
  beep();
  ringing = setInterval(beep, 500);
}

function stopRing() {
  if (ringing) clearInterval(ringing);
  ringing = null;
  if (navigator.vibrate) navigator.vibrate(0);
  $("ring").hidden = true;
}

// ---- the map -----------------------------------------------------------------------------------------
async function loadMap() {
  if (view.map) return drawMap();
  try {
    const r = await fetch("/api/map");
    if (r.ok) view.map = await r.json();
  } catch (e) {}
  drawMap();
}

function shownOrder(o) {
  // An order the guard is still working on (after 处置完毕 too, until it is closed): its place stays on the map.
  return !!o && !["closed", "declined", "cancelled"].includes(o.state);
}

function frameFor() {
  // The order's route, the incident and the guard when there is an order; else the whole district.
  const pts = [];
  const o = view.order;
  if (shownOrder(o)) {
    if (o.lon != null) pts.push([o.lon, o.lat]);
    for (const p of o.route || []) pts.push(p);
    if (view.me) pts.push(view.me);
  }
  if (pts.length < 2 && view.map && view.map.bbox) {
    const b = view.map.bbox;
    if (!pts.length) return [b[0], b[1], b[2], b[3]];
    pts.push([b[0], b[1]], [b[2], b[3]]);
  }
  if (!pts.length) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  const pad = Math.max(x1 - x0, y1 - y0, 0.002) * 0.15;
  return [x0 - pad, y0 - pad, x1 + pad, y1 + pad];
}

function drawMap() {
  const canvas = $("map");
  if (!canvas || $("app").hidden) return;
  const ratio = window.devicePixelRatio || 1;
  const w = canvas.clientWidth, h = canvas.clientHeight;
  canvas.width = Math.round(w * ratio);
  canvas.height = Math.round(h * ratio);
  const g = canvas.getContext("2d");
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.fillStyle = "#e8ebe4";
  g.fillRect(0, 0, w, h);
  const f = frameFor();
  if (!f) return;
  const midLat = ((f[1] + f[3]) / 2) * Math.PI / 180;
  const kx = Math.cos(midLat);
  const scale = Math.min(w / ((f[2] - f[0]) * kx), h / (f[3] - f[1]));
  const cx = (f[0] + f[2]) / 2, cy = (f[1] + f[3]) / 2;
  const px = (lon, lat) => [w / 2 + (lon - cx) * kx * scale, h / 2 - (lat - cy) * scale];
  const path = (coords) => {
    coords.forEach(([x, y], i) => { const [a, b] = px(x, y); if (i) g.lineTo(a, b); else g.moveTo(a, b); });
  };
  if (view.map) {
    for (const feat of view.map.features) {
      const p = feat.properties, geom = feat.geometry;
      g.beginPath();
      if (geom.type === "Polygon") {
        for (const ring of geom.coordinates) { path(ring); g.closePath(); }
        g.fillStyle = p.layer === "compound" ? "#dfe8d2" : "#cfc8bd";
        g.strokeStyle = p.layer === "compound" ? "#b9c9a5" : "#a89f92";
        g.lineWidth = 1;
        g.fill();
        g.stroke();
      }
    }
    g.lineCap = "round";
    g.lineJoin = "round";
    for (const feat of view.map.features) {
      if (feat.properties.layer !== "road" || feat.geometry.type !== "LineString") continue;
      const k = feat.properties.kind;
      g.beginPath();
      path(feat.geometry.coordinates);
      g.strokeStyle = ["primary", "secondary", "trunk"].includes(k) ? "#f5d27a" : "#ffffff";
      g.lineWidth = ["primary", "secondary", "trunk"].includes(k) ? 5 : ["footway", "path", "steps"].includes(k) ? 1.5 : 3;
      g.stroke();
    }
  }
  const o = view.order;
  if (o && busy(o) && o.route && o.route.length > 1) {
    g.beginPath();
    path(o.route);
    g.strokeStyle = "#ff6d00";
    g.lineWidth = 6;
    g.stroke();
  }
  if (shownOrder(o) && o.lon != null) {
    const [a, b] = px(o.lon, o.lat);
    g.beginPath();
    g.arc(a, b, 11, 0, 2 * Math.PI);
    g.fillStyle = "#d50000";
    g.fill();
    g.lineWidth = 3;
    g.strokeStyle = "#ffffff";
    g.stroke();
  }
  if (view.me) {
    const [a, b] = px(view.me[0], view.me[1]);
    g.beginPath();
    g.arc(a, b, 9, 0, 2 * Math.PI);
    g.fillStyle = "#1565c0";
    g.fill();
    g.lineWidth = 3;
    g.strokeStyle = "#ffffff";
    g.stroke();
  }
}
