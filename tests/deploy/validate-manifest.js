#!/usr/bin/env node
// Validates a Microsoft Teams app manifest offline, against the v1.24 JSON schema shipped in
// @microsoft/app-manifest (draft-04, so ajv-draft-04 + ajv-formats, set up as that package does), plus the limits
// Teams enforces on upload that the schema does not (command title/description lengths, https links, one bot).
//
//   node validate-manifest.js [path/to/manifest.json]
//
// Without a path it renders deploy/teams/manifest.template.json with dummy GUIDs and https URLs. The icons the
// manifest names are looked for beside the manifest (beside the template by default) and their PNG sizes checked.
// Exit codes: 0 valid, 1 invalid, 2 could not run (missing file, dependencies not installed).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const EXPECTED_MANIFEST_VERSION = '1.24';
const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${EXPECTED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
const TEMPLATE = path.resolve(__dirname, '..', '..', 'deploy', 'teams', 'manifest.template.json');
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// The schema's own "semver" definition; its "version" property is only a string of at most 256 characters.
const SEMVER = /^([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)$/;
const DUMMY_VALUES = {
  APP_VERSION: '1.0.0',
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
  CLINIC_WEBSITE: 'https://clinic.example',
  PRIVACY_URL: 'https://clinic.example/privacy',
  TERMS_URL: 'https://clinic.example/terms',
};
// Teams' limits for bot commands (stricter than the schema's 128/4000; the Developer Portal and upload enforce them).
const MAX_COMMAND_TITLE = 32;
const MAX_COMMAND_DESCRIPTION = 128;
const ICONS = { color: { size: 192 }, outline: { size: 32, alpha: true } };

function fail(message) {
  console.error(message);
  process.exit(2);
}

function loadDependencies() {
  try {
    const Ajv04 = require('ajv-draft-04');
    const addFormats = require('ajv-formats');
    const packageJson = require.resolve('@microsoft/app-manifest/package.json');
    return { Ajv04, addFormats, packageDir: path.dirname(packageJson), packageVersion: require(packageJson).version };
  } catch (error) {
    return fail(`Dependencies missing (${error.message.split('\n')[0]}). Run "npm ci" in ${__dirname} first.`);
  }
}

function render(templateText) {
  return templateText.replace(/\{\{([A-Z_]+)\}\}/g, (match, name) => DUMMY_VALUES[name] ?? match);
}

function readManifest(file) {
  if (!fs.existsSync(file)) {
    fail(`No such file: ${file}`);
  }

  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return file === TEMPLATE ? render(text) : text;
}

function schemaErrors(manifest, deps) {
  const schemaFile = path.join(deps.packageDir, 'build', 'json-schemas', 'teams', `v${EXPECTED_MANIFEST_VERSION}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(schemaFile)) {
    fail(`@microsoft/app-manifest ${deps.packageVersion} has no v${EXPECTED_MANIFEST_VERSION} schema at ${schemaFile}.`);
  }

  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  const ajv = new deps.Ajv04({ allErrors: true, strictTypes: false });
  deps.addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(manifest)) {
    return [];
  }

  return validate.errors.map(e => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
}

function pngHeader(file) {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    return null;
  }

  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] };
}

function iconErrors(manifest, baseDir) {
  const errors = [];
  for (const [kind, expected] of Object.entries(ICONS)) {
    const name = manifest.icons?.[kind];
    if (typeof name !== 'string') {
      continue; // reported by the schema
    }

    const file = path.join(baseDir, name);
    if (!fs.existsSync(file)) {
      errors.push(`/icons/${kind}: ${name} not found beside the manifest (${baseDir})`);
      continue;
    }

    const header = pngHeader(file);
    if (!header) {
      errors.push(`/icons/${kind}: ${name} is not a PNG file`);
    } else if (header.width !== expected.size || header.height !== expected.size) {
      errors.push(`/icons/${kind}: ${name} is ${header.width}x${header.height}, must be ${expected.size}x${expected.size}`);
    } else if (expected.alpha && header.colorType !== 6 && header.colorType !== 4) {
      errors.push(`/icons/${kind}: ${name} has no alpha channel (PNG colour type ${header.colorType}); it must be white on transparent`);
    }
  }

  return errors;
}

function teamsErrors(manifest, text) {
  const errors = [];
  const placeholders = text.match(/\{\{[A-Za-z_]+\}\}/g);
  if (placeholders) {
    errors.push(`unreplaced placeholders: ${[...new Set(placeholders)].join(', ')}`);
  }

  if (manifest.$schema !== SCHEMA_URL) {
    errors.push(`/$schema must be ${SCHEMA_URL}`);
  }

  if (typeof manifest.version !== 'string' || !SEMVER.test(manifest.version)) {
    errors.push(`/version must be a semantic version such as 1.0.0, got "${manifest.version}"`);
  }

  if ((manifest.name?.short ?? '').length > 30) {
    errors.push(`/name/short is ${manifest.name.short.length} characters, at most 30`);
  }

  if ((manifest.description?.short ?? '').length > 80) {
    errors.push(`/description/short is ${manifest.description.short.length} characters, at most 80`);
  }

  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    const url = manifest.developer?.[key];
    if (typeof url === 'string' && !/^https:\/\/[^\s/]+/.test(url)) {
      errors.push(`/developer/${key} must be an https URL, got "${url}"`);
    }
  }

  const bots = Array.isArray(manifest.bots) ? manifest.bots : [];
  if (bots.length !== 1) {
    errors.push(`/bots must hold exactly one bot, found ${bots.length}`);
  }

  bots.forEach((bot, b) => {
    if (typeof bot.botId !== 'string' || !GUID.test(bot.botId)) {
      const hint = String(bot.botId).startsWith('28:') ? ' (use the Azure Bot app id without the "28:" prefix)' : '';
      errors.push(`/bots/${b}/botId must be a GUID${hint}, got "${bot.botId}"`);
    }

    (bot.commandLists ?? []).forEach((list, l) => {
      (list.commands ?? []).forEach((command, c) => {
        const at = `/bots/${b}/commandLists/${l}/commands/${c}`;
        if ((command.title ?? '').length > MAX_COMMAND_TITLE) {
          errors.push(`${at}/title "${command.title}" is longer than ${MAX_COMMAND_TITLE} characters`);
        }

        if ((command.description ?? '').length > MAX_COMMAND_DESCRIPTION) {
          errors.push(`${at}/description is ${command.description.length} characters, at most ${MAX_COMMAND_DESCRIPTION}`);
        }
      });
    });
  });

  return errors;
}

function main() {
  const arg = process.argv[2];
  if (arg === '-h' || arg === '--help') {
    console.log('usage: node validate-manifest.js [manifest.json]   (default: the rendered deploy/teams template)');
    return 0;
  }

  const file = arg ? path.resolve(arg) : TEMPLATE;
  const deps = loadDependencies();
  const text = readManifest(file);
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    console.error(`${file}: not valid JSON: ${error.message}`);
    return 1;
  }

  const errors = [
    ...schemaErrors(manifest, deps).map(e => `schema: ${e}`),
    ...teamsErrors(manifest, text).map(e => `teams: ${e}`),
    ...iconErrors(manifest, path.dirname(file)).map(e => `icons: ${e}`),
  ];
  const what = file === TEMPLATE ? `${file} (rendered with dummy values)` : file;
  if (errors.length > 0) {
    console.error(`INVALID: ${what}`);
    errors.forEach(e => console.error(`  - ${e}`));
    console.error(`${errors.length} problem(s); schema v${EXPECTED_MANIFEST_VERSION} from @microsoft/app-manifest ${deps.packageVersion}.`);
    return 1;
  }

  console.log(`OK: ${what} is a valid Teams app manifest (schema v${EXPECTED_MANIFEST_VERSION} from @microsoft/app-manifest ${deps.packageVersion}; icons checked).`);
  return 0;
}

process.exitCode = main();
