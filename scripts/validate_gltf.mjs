#!/usr/bin/env node
// Validate glTF/GLB files with the Khronos glTF-Validator (npm `gltf-validator`, from this
// repository's node_modules; `scripts/setup.sh` installs it).
//
//   node scripts/validate_gltf.mjs FILE...
//
// Prints one JSON line per file:
//   {"file", "errors", "warnings", "infos", "hints", "messages": [first 20 issues]}
// and exits 1 if any file has errors (2 on bad usage or a missing validator).

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MAX_MESSAGES = 20;
const SEVERITY = ["error", "warning", "info", "hint"];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));

function loadValidator() {
  try {
    return require("gltf-validator");
  } catch (err) {
    process.stderr.write(
      `validate_gltf: cannot load gltf-validator from ${path.join(root, "node_modules")}: ` +
        "run scripts/setup.sh\n",
    );
    process.exit(2);
  }
}

function describe(issue) {
  const where = issue.pointer ? ` (${issue.pointer})` : "";
  return `${SEVERITY[issue.severity] ?? issue.severity} ${issue.code}: ${issue.message}${where}`;
}

async function validateFile(validator, file) {
  const result = { file, errors: 0, warnings: 0, infos: 0, hints: 0, messages: [] };
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return { ...result, errors: 1, messages: [`error IO_ERROR: cannot read ${file}: ${err.message}`] };
  }
  try {
    const report = await validator.validateBytes(new Uint8Array(bytes), {
      uri: path.basename(file),
      maxIssues: 0,
      writeTimestamp: false,
      externalResourceFunction: (uri) =>
        readFile(path.resolve(path.dirname(file), decodeURIComponent(uri))).then(
          (data) => new Uint8Array(data),
        ),
    });
    const issues = report.issues;
    return {
      file,
      errors: issues.numErrors,
      warnings: issues.numWarnings,
      infos: issues.numInfos,
      hints: issues.numHints,
      messages: issues.messages.slice(0, MAX_MESSAGES).map(describe),
    };
  } catch (err) {
    return { ...result, errors: 1, messages: [`error INVALID_INPUT: ${err}`] };
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write("usage: node scripts/validate_gltf.mjs FILE...\n");
  process.exit(2);
}
const validator = loadValidator();
let failed = false;
for (const file of files) {
  const result = await validateFile(validator, file);
  failed ||= result.errors > 0;
  process.stdout.write(JSON.stringify(result) + "\n");
}
process.exit(failed ? 1 : 0);
