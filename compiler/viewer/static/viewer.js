// The SpatialGrammar viewer: an orbit view of /scene.glb, object ids on hover, the
// diagnostics of /diagnostics.json beside it, and a reload whenever /version changes.
// three.js is served by the local server from the npm package: no network needed.
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';

const POLL_MS = 1000;
const HIGHLIGHT = { error: 0xd62728, warning: 0xe07b00, active: 0x1f77b4 };

const view = document.getElementById('view');
const tooltip = document.getElementById('tooltip');
const statusLine = document.getElementById('status');
const list = document.getElementById('diagnostics');
const countLine = document.getElementById('count');

const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setPixelRatio(window.devicePixelRatio || 1);
renderer.outputColorSpace = THREE.SRGBColorSpace;
view.appendChild(renderer.domElement);

const scene = new THREE.Scene();
scene.background = new THREE.Color(0xeef2f6);
scene.add(new THREE.HemisphereLight(0xffffff, 0x9a8a78, 2.2));
const sun = new THREE.DirectionalLight(0xffffff, 2.0);
sun.position.set(-6, 12, 8);  // glTF is Y up: +z is south, so this is above the south-west
scene.add(sun);
const grid = new THREE.GridHelper(40, 40, 0xb8c2cc, 0xd5dce3);
grid.position.y = -0.025;
scene.add(grid);

const camera = new THREE.PerspectiveCamera(45, 1, 0.05, 500);
camera.position.set(-6, 8, 10);
const controls = new OrbitControls(camera, renderer.domElement);
controls.enableDamping = true;

const loader = new GLTFLoader();
let model = null;
let version = null;
let loading = false;
let framed = false;
let diagnostics = [];
let active = null;  // index of the clicked diagnostic
const tinted = new Map();  // mesh -> its own material before tinting

function resize() {
  const w = view.clientWidth || 1, h = view.clientHeight || 1;
  renderer.setSize(w, h, false);
  camera.aspect = w / h;
  camera.updateProjectionMatrix();
}
window.addEventListener('resize', resize);
resize();

// ------------------------------------------------------------------ model

function owner(object) {
  // the nearest node that is a scene thing: an object, opening or room (ids), a wall or floor
  for (let o = object; o; o = o.parent) {
    const u = o.userData || {};
    if (u.id !== undefined || u.kind === 'wall' || u.kind === 'floor') return o;
  }
  return null;
}

function describe(object) {
  const o = owner(object);
  if (!o) return object.name || '';
  const u = o.userData;
  if (u.kind === 'wall' || u.kind === 'floor') return `${o.name} · ${u.kind} of ${u.room}`;
  if (u.category) return `${u.id} · ${u.category}${u.parent ? ' on ' + u.parent : ''}`;
  if (u.kind === 'door' || u.kind === 'window') return `${u.id} · ${u.kind}`;
  if (u.kind === 'room') return `${u.id} · ${u.type || 'room'}`;
  return String(u.id);
}

function frame() {
  if (!model) return;
  const box = new THREE.Box3().setFromObject(model);
  if (box.isEmpty()) return;
  const centre = box.getCenter(new THREE.Vector3());
  const radius = Math.max(box.getSize(new THREE.Vector3()).length() / 2, 0.5);
  const distance = radius / Math.sin(THREE.MathUtils.degToRad(camera.fov / 2)) * 0.95;
  const direction = new THREE.Vector3(-0.45, 0.95, 0.9).normalize();  // from the south-west, above
  camera.position.copy(centre).addScaledVector(direction, distance);
  camera.near = distance / 100;
  camera.far = distance * 20;
  camera.updateProjectionMatrix();
  controls.target.copy(centre);
  controls.update();
  updateCutaway();
  grid.position.x = Math.round(centre.x);
  grid.position.z = Math.round(centre.z);
}

// Cutaway: walls between the camera and a room they bound (the room's inward normal pointing
// away from the camera) are lowered to 0.3 m, and doors and windows in them hidden.
const CUT_HEIGHT = 0.3;
let cutWalls = [];  // [{node, normal (x, z), centre, rooms: [room centres], top}]
let cutOpenings = [];

function horizontalNormal(box) {
  // the thin horizontal axis of a wall's box (walls are straight boxes along x or z)
  const size = box.getSize(new THREE.Vector3());
  return size.x < size.z ? new THREE.Vector2(1, 0) : new THREE.Vector2(0, 1);
}

function prepareCutaway() {
  cutWalls = [];
  cutOpenings = [];
  const floors = [];
  model.updateMatrixWorld(true);
  model.traverse((o) => {
    if (o.userData && o.userData.kind === 'floor') floors.push(new THREE.Box3().setFromObject(o));
  });
  const near = (box, centre) => floors
    .filter((f) => centre.x >= f.min.x - 0.3 && centre.x <= f.max.x + 0.3 && centre.z >= f.min.z - 0.3 && centre.z <= f.max.z + 0.3)
    .map((f) => f.getCenter(new THREE.Vector3()));
  const entry = (node) => {
    const box = new THREE.Box3().setFromObject(node);
    const centre = box.getCenter(new THREE.Vector3());
    // the node's own axis that points up in the world (the export keeps Z up below its root)
    const e = node.matrixWorld.elements;
    const ups = [Math.abs(e[1]), Math.abs(e[5]), Math.abs(e[9])];
    const axis = ['x', 'y', 'z'][ups.indexOf(Math.max(...ups))];
    return { node, box, axis, normal: horizontalNormal(box), centre, rooms: near(box, centre) };
  };
  model.traverse((o) => {
    const kind = o.userData && o.userData.kind;
    if (kind === 'wall' && o.isMesh) cutWalls.push(entry(o));
    if ((kind === 'door' || kind === 'window') && o.userData.id !== undefined) cutOpenings.push(entry(o));
  });
}

function isNear(entry, view) {
  // true when, for some room it bounds, the room's inward normal points away from the camera
  const n = entry.normal;
  return entry.rooms.some((room) => {
    const towards = (room.x - entry.centre.x) * n.x + (room.z - entry.centre.z) * n.y;
    if (Math.abs(towards) < 1e-6) return false;
    const sign = Math.sign(towards);
    return sign * (n.x * view.x + n.y * view.y) > 0.25;
  });
}

function updateCutaway() {
  if (!model) return;
  const walls = document.getElementById('walls').checked;
  const cut = document.getElementById('cutaway').checked;
  const d = new THREE.Vector3().subVectors(controls.target, camera.position);
  const view = new THREE.Vector2(d.x, d.z).normalize();
  for (const w of cutWalls) {
    const lowered = cut && isNear(w, view);
    w.node.visible = walls && !(lowered && w.box.min.y > CUT_HEIGHT - 1e-3);
    w.node.scale[w.axis] = lowered ? CUT_HEIGHT / Math.max(w.box.max.y, 1e-3) : 1;
  }
  for (const o of cutOpenings) o.node.visible = !(walls && cut && isNear(o, view)) && walls;
}

function applyToggles() {
  if (!model) return;
  updateCutaway();
  grid.visible = document.getElementById('grid').checked;
}
controls.addEventListener('change', updateCutaway);

function meshesOf(node) {
  // the meshes of one thing: the node and its descendants up to the next thing with its own id
  const out = [];
  const walk = (o, top) => {
    if (!top && o.userData && o.userData.id !== undefined) return;
    if (o.isMesh) out.push(o);
    o.children.forEach((c) => walk(c, false));
  };
  walk(node, true);
  return out;
}

function tint(node, colour) {
  for (const mesh of meshesOf(node)) {
    if (!tinted.has(mesh)) tinted.set(mesh, mesh.material);
    const material = tinted.get(mesh).clone();
    const target = new THREE.Color(colour);
    if (material.color) material.color.lerp(target, 0.7);
    if (material.emissive) material.emissive.copy(target).multiplyScalar(0.25);
    mesh.material = material;
  }
}

function clearTint() {
  for (const [mesh, material] of tinted) mesh.material = material;
  tinted.clear();
}

function highlight() {
  if (!model) return;
  clearTint();
  const byId = new Map();
  model.traverse((o) => { if (o.userData && o.userData.id !== undefined && o.userData.kind !== 'room') byId.set(o.userData.id, o); });
  diagnostics.forEach((d, k) => {
    if (active !== null && k !== active) return;
    const colour = active !== null ? HIGHLIGHT.active : (HIGHLIGHT[d.severity] || HIGHLIGHT.error);
    for (const id of d.objects || []) {
      const node = byId.get(id);
      if (node) tint(node, colour);
    }
  });
  document.body.dataset.highlighted = [...new Set([...tinted.keys()].map((m) => owner(m).userData.id))].sort().join(',');
}

function showDiagnostics(report) {
  diagnostics = report.diagnostics || [];
  list.textContent = '';
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  countLine.textContent = diagnostics.length ? `(${errors} error${errors === 1 ? '' : 's'}, ${diagnostics.length - errors} warning${diagnostics.length - errors === 1 ? '' : 's'})` : '';
  if (report.error) {
    const li = document.createElement('li');
    li.className = 'error';
    li.textContent = report.error;
    list.appendChild(li);
  }
  if (!diagnostics.length && !report.error) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = 'no problems found';
    list.appendChild(li);
  }
  diagnostics.forEach((d, k) => {
    const li = document.createElement('li');
    li.className = d.severity || 'error';
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = d.line ? `${d.line}:${d.column}` : '';
    const code = document.createElement('span');
    code.className = 'code';
    code.textContent = `${d.severity}[${d.code}]`;
    const message = document.createElement('div');
    message.textContent = d.message;
    li.append(where, code, message);
    if (d.hint) {
      const hint = document.createElement('div');
      hint.className = 'hint';
      hint.textContent = `help: ${d.hint}`;
      li.appendChild(hint);
    }
    li.addEventListener('click', () => {
      active = active === k ? null : k;
      [...list.children].forEach((c) => c.classList.remove('active'));
      if (active !== null) li.classList.add('active');
      highlight();
    });
    list.appendChild(li);
  });
}

async function load() {
  if (loading) return;
  loading = true;
  try {
    const report = await (await fetch('/diagnostics.json', { cache: 'no-store' })).json();
    document.getElementById('file').textContent = report.file || '';
    document.title = `${report.name || report.file || 'scene'} · SpatialGrammar viewer`;
    version = report.version;
    active = null;
    showDiagnostics(report);
    const response = await fetch('/scene.glb', { cache: 'no-store' });
    if (!response.ok) {
      statusLine.textContent = model ? 'the script does not compile: showing the last good model' : 'no model: the script does not compile';
      return;
    }
    const gltf = await loader.parseAsync(await response.arrayBuffer(), '');
    if (model) {
      clearTint();
      scene.remove(model);
    }
    model = gltf.scene;
    scene.add(model);
    prepareCutaway();
    applyToggles();
    highlight();
    if (!framed) { frame(); framed = true; }
    let things = 0;
    model.traverse((o) => { if (o.userData && o.userData.category) things += 1; });
    statusLine.textContent = `${things} object${things === 1 ? '' : 's'} · ${diagnostics.length} diagnostic${diagnostics.length === 1 ? '' : 's'} · loaded ${new Date().toLocaleTimeString()}`;
    document.body.dataset.loaded = String(version);
  } catch (err) {
    statusLine.textContent = `could not load the scene: ${err}`;
  } finally {
    loading = false;
  }
}

async function poll() {
  try {
    const now = await (await fetch('/version', { cache: 'no-store' })).json();
    if (now.version !== version) await load();
  } catch (err) {
    statusLine.textContent = 'the viewer server is not answering';
  }
}

// ------------------------------------------------------------------ hover

const raycaster = new THREE.Raycaster();
const pointer = new THREE.Vector2();
renderer.domElement.addEventListener('pointermove', (event) => {
  if (!model) return;
  const rect = renderer.domElement.getBoundingClientRect();
  pointer.set(((event.clientX - rect.left) / rect.width) * 2 - 1, -((event.clientY - rect.top) / rect.height) * 2 + 1);
  raycaster.setFromCamera(pointer, camera);
  const hit = raycaster.intersectObject(model, true).find((h) => h.object.visible);
  if (!hit) { tooltip.hidden = true; return; }
  tooltip.textContent = describe(hit.object);
  tooltip.style.left = `${event.clientX + 14}px`;
  tooltip.style.top = `${event.clientY + 12}px`;
  tooltip.hidden = false;
});
renderer.domElement.addEventListener('pointerleave', () => { tooltip.hidden = true; });

document.getElementById('walls').addEventListener('change', applyToggles);
document.getElementById('cutaway').addEventListener('change', applyToggles);
document.getElementById('grid').addEventListener('change', applyToggles);
document.getElementById('frame').addEventListener('click', frame);

renderer.setAnimationLoop(() => {
  controls.update();
  renderer.render(scene, camera);
});

load();
setInterval(poll, POLL_MS);
