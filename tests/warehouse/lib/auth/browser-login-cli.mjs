#!/usr/bin/env node
// A stand-in "system browser" for U2M tests: the driver runs
//   BrowserCommand=node /path/to/browser-login-cli.mjs
// with the authorize URL appended; this signs in on the local warehouse's login
// page with headless Chromium and lets the browser follow the redirect to the
// driver's loopback listener.
//
// Credentials come from the environment (not argv, which `ps` shows):
//   WAREHOUSE_LOGIN_USER, WAREHOUSE_LOGIN_PASSWORD   (login_user / login_password of the start-up line)
//   WAREHOUSE_BROWSER_TIMEOUT_MS                     (default 60000)
// Exit status: 0 the browser reached redirect_uri and the listener answered,
// 1 sign-in failed / no redirect / nothing listening, 2 usage error.
// Never prints the code or any secret: only the outcome.
import { browserLogin } from './browser-login.mjs';

const url = process.argv[2];
if (!url || process.argv.length > 3) {
  process.stderr.write('usage: browser-login-cli.mjs <authorize-url>  (env WAREHOUSE_LOGIN_USER, WAREHOUSE_LOGIN_PASSWORD)\n');
  process.exit(2);
}
try {
  const result = await browserLogin(url, {
    user: process.env.WAREHOUSE_LOGIN_USER,
    password: process.env.WAREHOUSE_LOGIN_PASSWORD,
    timeoutMs: Number(process.env.WAREHOUSE_BROWSER_TIMEOUT_MS || 60000),
  });
  const outcome = result.error ? `error=${result.error}` : 'code received';
  if (result.status === null) {
    process.stderr.write(`browser-login: redirected (${outcome}) but nothing answered at the redirect URI\n`);
    process.exit(1);
  }
  process.stderr.write(`browser-login: redirected (${outcome}), listener answered HTTP ${result.status}\n`);
  process.exit(0);
} catch (err) {
  process.stderr.write(`browser-login: ${err.message}\n`);
  process.exit(1);
}
